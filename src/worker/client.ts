import type { WorkerEnvelope, WorkerRequest, WorkerResponse } from './protocol.ts';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** One worker and its numbered requests. */
class Channel {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<WorkerEnvelope<unknown>>) => {
      const msg = event.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(new Error(msg.error));
    };
  }

  request(request: WorkerRequest): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, request });
    });
  }

  dispose(): void {
    this.worker.terminate();
  }
}

/**
 * Promise-based access to core in workers: checks, packages and conversions in the core worker,
 * Graphviz layouts in the graph worker (started on the first layout), so neither waits for the other.
 */
export class CoreClient {
  private readonly core = new Channel(new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module' }));
  private graph?: Channel;

  /** Sends a request and resolves with the worker's answer. */
  request<R extends WorkerRequest>(request: R): Promise<WorkerResponse<R>> {
    const channel = request.type === 'graph' ? (this.graph ??= new Channel(new Worker(new URL('./graph-worker.ts', import.meta.url), { type: 'module' }))) : this.core;
    return channel.request(request) as Promise<WorkerResponse<R>>;
  }

  dispose(): void {
    this.core.dispose();
    this.graph?.dispose();
  }
}
