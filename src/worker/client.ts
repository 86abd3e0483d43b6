import type { WorkerEnvelope, WorkerRequest, WorkerResponse } from './protocol.ts';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** Promise-based access to the core worker. */
export class CoreClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor() {
    this.worker = new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerEnvelope<unknown>>) => {
      const msg = event.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(new Error(msg.error));
    };
  }

  /** Sends a request and resolves with the worker's answer. */
  request<R extends WorkerRequest>(request: R): Promise<WorkerResponse<R>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, request });
    });
  }

  dispose(): void {
    this.worker.terminate();
  }
}
