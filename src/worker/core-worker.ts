/// <reference lib="webworker" />
import { buildPackage, compileWorkflow, isCompiled } from '../core/compiler/index.ts';
import { hasErrors } from '../core/util/diagnostics.ts';
import { reproducibleZip } from '../core/util/zip.ts';
import { graphDot } from '../core/compiler/graph/graph-dot.ts';
import { renderSvg } from '../core/compiler/graph/render-svg.ts';
import { parseSpec } from '../core/spec/index.ts';
import type { CheckRequest, CheckResponse, GraphRequest, GraphResponse, PackageRequest, PackageResponse, WorkerEnvelope, WorkerRequest } from './protocol.ts';

/** Hosts core in a Web Worker so parsing, compiling and packaging never block the page. */

function check(request: CheckRequest): CheckResponse {
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

async function packageZip(request: PackageRequest): Promise<PackageResponse> {
  const started = performance.now();
  const result = compileWorkflow(request.specText, request.registryText, { pkgNamePrefix: request.pkgNamePrefix });
  if (!isCompiled(result)) return { diagnostics: result.diagnostics, paths: [], elapsedMs: performance.now() - started };
  const pkg = await buildPackage(result, { resultsEnvVar: request.resultsEnvVar, variant: request.variant });
  const diagnostics = [...result.diagnostics, ...pkg.diagnostics];
  if (hasErrors(diagnostics)) return { diagnostics, paths: [], elapsedMs: performance.now() - started };
  const entries = pkg.files.map((f) => ({ path: `${result.releaseName}/${f.path}`, content: f.text }));
  const zip = await reproducibleZip(entries);
  return { diagnostics, releaseName: result.releaseName, zip, paths: entries.map((e) => e.path), elapsedMs: performance.now() - started };
}

async function graph(request: GraphRequest): Promise<GraphResponse> {
  const parsed = parseSpec(request.specText);
  if (!parsed.spec) return { diagnostics: parsed.diagnostics };
  const dot = graphDot(parsed.spec);
  const rendered = await renderSvg(dot);
  return { diagnostics: [...parsed.diagnostics, ...rendered.diagnostics], dot, svg: rendered.svg };
}

function answer(request: WorkerRequest): Promise<CheckResponse | PackageResponse | GraphResponse> | CheckResponse {
  if (request.type === 'package') return packageZip(request);
  if (request.type === 'graph') return graph(request);
  return check(request);
}

self.onmessage = async (event: MessageEvent<{ id: number; request: WorkerRequest }>) => {
  const { id, request } = event.data;
  let reply: WorkerEnvelope<CheckResponse | PackageResponse | GraphResponse>;
  try {
    reply = { id, ok: true, value: await answer(request) };
  } catch (e) {
    // Core reports user-input problems as diagnostics; reaching here is a bug worth surfacing.
    reply = { id, ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
  }
  const zip = reply.ok && 'zip' in reply.value ? reply.value.zip : undefined;
  self.postMessage(reply, zip ? [zip.buffer] : []);
};
