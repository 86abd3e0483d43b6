import { boundArgs, flatInstances, parseReference, type Spec, type TaskInstance } from '../../spec/index.ts';
import { withHeader } from '../../util/file-header.ts';
import { isObject, type JsonValue } from '../../util/json-value.ts';

/**
 * The task graph as Graphviz DOT, laid out like wt-compiler's graph.png: left to right, each node
 * an HTML table with the instance id, one port per argument the spec binds, and a `return` port;
 * edges run from a dependency's `return` to the argument that uses it.
 */

export interface GraphEdge {
  from: string;
  to: string;
  arg: string;
}

/** Edges `dep:return → id:arg` for every reference in partial values and map/mapvalues argvalues. */
export function graphEdges(t: TaskInstance): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const p of t.partial) for (const dep of workflowRefs(p.value)) edges.push({ from: dep, to: t.id, arg: p.name });
  for (const op of [t.map, t.mapvalues]) {
    if (!op) continue;
    for (const dep of workflowRefs(op.argvalues)) for (const arg of op.argnames) edges.push({ from: dep, to: t.id, arg });
  }
  return edges;
}

function workflowRefs(v: JsonValue): string[] {
  if (typeof v === 'string') {
    const r = parseReference(v);
    return r.kind === 'reference' && r.reference.kind === 'workflow' ? [r.reference.id] : [];
  }
  if (Array.isArray(v)) return v.flatMap(workflowRefs);
  if (isObject(v)) return [...v.values()].flatMap(workflowRefs);
  return [];
}

/** The DOT source of the workflow graph, after the generated-file header (a `#` line, which DOT ignores). */
export function graphDot(spec: Spec): string {
  const instances = flatInstances(spec);
  const ids = new Set(instances.map((t) => t.id));
  const lines = ['digraph workflow {', '  graph [rankdir=LR, bgcolor="white"];', '  node [shape=plaintext, fontname="Helvetica"];', '  edge [dir=forward];'];
  for (const t of instances) {
    const rows = [...new Set(boundArgs(t))].map((arg) => `<tr><td port="${html(arg)}" align="left">${html(arg)}</td></tr>`);
    const label =
      '<table border="0" cellborder="1" cellspacing="0" cellpadding="4">' +
      `<tr><td bgcolor="lightgrey"><b>${html(t.id)}</b></td></tr>` +
      rows.join('') +
      '<tr><td port="return" align="left"><i>return</i></td></tr></table>';
    // No names or task paths in the DOT: the layout depends on ids and arguments only, so editing a
    // name never re-lays out the graph (the app labels nodes from the instances instead).
    lines.push(`  ${quote(t.id)} [label=<${label}>];`);
  }
  for (const t of instances) {
    for (const e of graphEdges(t)) {
      if (ids.has(e.from)) lines.push(`  ${quote(e.from)}:"return" -> ${quote(e.to)}:${quote(e.arg)};`);
    }
  }
  lines.push('}');
  return withHeader(lines.join('\n') + '\n');
}

function quote(s: string): string {
  return `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function html(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
