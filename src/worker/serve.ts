/// <reference lib="webworker" />
import type { Endpoint } from './channel.ts';
import type { PackageResponse, WorkerEnvelope, WorkerRequest } from './protocol.ts';

/**
 * Answers numbered requests on an endpoint (the worker itself by default); a thrown error goes back
 * as a failed reply. A message carrying a `port` (the link between the two workers) goes to `onPort`.
 */
export function serve(answer: (request: WorkerRequest) => unknown, options: { endpoint?: Endpoint; onPort?: (port: MessagePort) => void } = {}): void {
  const endpoint = options.endpoint ?? (self as unknown as Endpoint);
  endpoint.onmessage = async (event: MessageEvent<{ id: number; request: WorkerRequest } | { port: MessagePort }>) => {
    if ('port' in event.data) {
      options.onPort?.(event.data.port);
      return;
    }
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
    endpoint.postMessage(reply, zip ? [zip.buffer] : []);
  };
}
