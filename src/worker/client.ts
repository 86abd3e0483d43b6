import type { CheckRequest, CheckResponse, WorkerEnvelope } from './protocol.ts';

/** Promise-based access to the core worker. */
export class CoreClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: CheckResponse) => void; reject: (e: Error) => void }>();

  constructor() {
    this.worker = new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerEnvelope<CheckResponse>>) => {
      const msg = event.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(new Error(msg.error));
    };
  }

  /** Checks and compiles a spec against a registry. */
  check(request: Omit<CheckRequest, 'type'>): Promise<CheckResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, request: { type: 'check', ...request } });
    });
  }

  dispose(): void {
    this.worker.terminate();
  }
}
