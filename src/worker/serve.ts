/// <reference lib="webworker" />
import type { PackageResponse, WorkerEnvelope, WorkerRequest } from './protocol.ts';

/** Answers the client's numbered requests in a worker; a thrown error goes back as a failed reply. */
export function serve(answer: (request: WorkerRequest) => unknown): void {
  self.onmessage = async (event: MessageEvent<{ id: number; request: WorkerRequest }>) => {
    const { id, request } = event.data;
    let reply: WorkerEnvelope<unknown>;
    try {
      reply = { id, ok: true, value: await answer(request) };
    } catch (e) {
      // Core reports user-input problems as diagnostics; reaching here is a bug worth surfacing.
      reply = { id, ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
    }
    // Zips move to the page instead of being copied.
    const zip = reply.ok ? (reply.value as Partial<PackageResponse> | undefined)?.zip : undefined;
    self.postMessage(reply, zip ? [zip.buffer] : []);
  };
}
