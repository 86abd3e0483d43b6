/// <reference lib="webworker" />
import { compileWorkflow } from '../core/compiler/index.ts';
import type { CheckResponse, WorkerEnvelope, WorkerRequest } from './protocol.ts';

/** Hosts core in a Web Worker so parsing and compiling never block the page. */

function handle(request: WorkerRequest): CheckResponse {
  const started = performance.now();
  const result = compileWorkflow(request.specText, request.registryText);
  return {
    diagnostics: result.diagnostics,
    paramsJsonText: result.schemas?.paramsJsonText,
    rjsfJsonText: result.schemas?.rjsfJsonText,
    releaseName: result.releaseName,
    elapsedMs: performance.now() - started,
  };
}

self.onmessage = (event: MessageEvent<{ id: number; request: WorkerRequest }>) => {
  const { id, request } = event.data;
  let reply: WorkerEnvelope<CheckResponse>;
  try {
    reply = { id, ok: true, value: handle(request) };
  } catch (e) {
    // Core reports user-input problems as diagnostics; reaching here is a bug worth surfacing.
    reply = { id, ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
  }
  self.postMessage(reply);
};
