import type { Diagnostic } from '../../util/diagnostics.ts';

/** Renders DOT to SVG with Graphviz compiled to wasm (@viz-js/viz), loaded on first use. */

type Viz = { renderString(dot: string, options: { format: 'svg'; engine?: string; graphAttributes?: Record<string, string> }): string };
let viz: Promise<Viz> | undefined;

/**
 * SVG text for a DOT source, or a warning if Graphviz rejects it (the graph is best-effort, as
 * upstream). `graphAttributes` are defaults for graph attributes the DOT does not set (e.g. rankdir).
 */
export async function renderSvg(dot: string, graphAttributes?: Record<string, string>): Promise<{ svg?: string; diagnostics: Diagnostic[] }> {
  viz ??= import('@viz-js/viz').then((m) => m.instance());
  try {
    return { svg: (await viz).renderString(dot, { format: 'svg', engine: 'dot', ...(graphAttributes && { graphAttributes }) }), diagnostics: [] };
  } catch (e) {
    const range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    return { diagnostics: [{ severity: 'warning', code: 'graph-render-failed', message: `Graphviz could not render the task graph, so graph.svg is left out: ${e instanceof Error ? e.message : String(e)}`, range, source: 'graph.dot' }] };
  }
}
