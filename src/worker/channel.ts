import type { WorkerEnvelope, WorkerRequest } from './protocol.ts';

/** A Worker or a MessagePort: anything that carries numbered requests and their replies. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; timer?: ReturnType<typeof setTimeout> };

/** Promise-based requests over one endpoint; a dead endpoint fails every waiting request. */
export class Channel {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly endpoint: Endpoint) {
    endpoint.onmessage = (event: MessageEvent<WorkerEnvelope<unknown>>) => {
      const msg = event.data;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(new Error(msg.error));
    };
  }

  /**
   * Sends a request and resolves with the answer. With `limitMs`, `onTimeout` is called when no
   * answer came in time (the caller decides what happens to the endpoint and the waiting requests).
   */
  request(request: WorkerRequest, limitMs?: number, onTimeout?: () => void): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const p: Pending = { resolve, reject };
      if (limitMs !== undefined && onTimeout) {
        p.timer = setTimeout(() => {
          if (this.pending.get(id) === p) onTimeout();
        }, limitMs);
      }
      this.pending.set(id, p);
      this.endpoint.postMessage({ id, request });
    });
  }

  /** Rejects every waiting request, so no caller waits forever on a worker that is gone. */
  fail(reason: string | Error): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(typeof reason === 'string' ? new Error(reason) : reason);
    }
    this.pending.clear();
  }
}
