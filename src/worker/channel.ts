import type { WorkerEnvelope, WorkerRequest } from './protocol.ts';

/** A Worker or a MessagePort: anything that carries numbered requests and their replies. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

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
      if (msg.ok) p.resolve(msg.value);
      else p.reject(new Error(msg.error));
    };
  }

  /** Sends a request and resolves with the answer. */
  request(request: WorkerRequest): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.endpoint.postMessage({ id, request });
    });
  }

  /** Rejects every waiting request, so no caller waits forever on a worker that is gone. */
  fail(reason: string): void {
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }
}
