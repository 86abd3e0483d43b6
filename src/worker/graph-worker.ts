/// <reference lib="webworker" />
import { graphDot } from '../core/compiler/graph/graph-dot.ts';
import { renderSvg } from '../core/compiler/graph/render-svg.ts';
import { parseSpec } from '../core/spec/index.ts';
import type { Diagnostic } from '../core/util/diagnostics.ts';
import { serve } from './serve.ts';
import type { GraphRequest, GraphResponse, WorkerRequest } from './protocol.ts';

/**
 * Graphviz layouts in their own worker: a big graph takes a few hundred milliseconds to lay out,
 * and the live check of the next keystroke must not wait behind it (nor the layout behind a check).
 * The core worker's package builds get their graph.svg from here too, so Graphviz loads once.
 */

async function graph(request: GraphRequest): Promise<GraphResponse> {
  const started = performance.now();
  let dot = request.dot;
  const diagnostics: Diagnostic[] = [];
  if (dot === undefined) {
    const parsed = parseSpec(request.specText ?? '');
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.spec) return { diagnostics };
    dot = graphDot(parsed.spec);
  }
  const attributes = { ...request.graphAttributes, ...(request.rankdir && { rankdir: request.rankdir }) };
  const rendered = await renderSvg(dot, Object.keys(attributes).length > 0 ? attributes : undefined);
  return { diagnostics: [...diagnostics, ...rendered.diagnostics], dot, svg: rendered.svg, elapsedMs: performance.now() - started };
}

const answer = (request: WorkerRequest) => graph(request as GraphRequest);
// The page asks for the live graph; the core worker, through its port, for a package's graph.svg.
serve(answer, { onPort: (port) => serve(answer, { endpoint: port }) });
