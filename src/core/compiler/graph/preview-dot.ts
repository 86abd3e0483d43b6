import { boundArgs, flatInstances, type Spec, type TaskInstance } from '../../spec/index.ts';
import type { Diagnostic } from '../../util/diagnostics.ts';
import { graphEdges } from './graph-dot.ts';

/**
 * The DOT the app's Workflow graph panel lays out (the package's graph.dot is `graphDot`, unchanged).
 * It differs from graph.dot in what helps an author: task groups are clusters, `map`/`mapvalues`
 * fan-out and an instance's own `skipif` are marked on its node, and each node has a fixed-width
 * title row that the app fills with the instance's name. Names, tasks and the orientation are not
 * in the DOT, so renaming an instance never re-lays out the graph, and the orientation is a
 * Graphviz default set by the caller (`rankdir`). Duplicate ids get distinct nodes.
 */

/** Text Graphviz writes in every node's title row; the app replaces it with the instance's name. */
export const TITLE_PLACEHOLDER = '…';
/** Width of the title row in points: the app shortens names to fit it. */
export const TITLE_WIDTH_PT = 170;
/** Font size of the title row (points = SVG user units). */
export const TITLE_FONT_PT = 10;

/** What the graph panel shows for a spec: a DOT to lay out, or why there is none. */
export type PreviewGraph =
  | { kind: 'graph'; dot: string; nodes: number }
  | { kind: 'empty'; message: string }
  | { kind: 'unreadable'; message: string; line: number };

/**
 * The panel's graph for a parsed spec: `unreadable` when the YAML has a syntax error (the panel then
 * keeps the last good graph, marked stale, instead of drawing the part that parsed), `empty` when
 * there are no task instances yet, else the preview DOT.
 */
export function previewGraph(spec: Spec | undefined, diagnostics: readonly Diagnostic[]): PreviewGraph {
  const syntax = diagnostics.find((d) => d.severity === 'error' && d.code === 'yaml-syntax' && (!d.source || d.source === 'spec'));
  if (syntax || !spec) {
    const first = syntax ?? diagnostics.find((d) => d.severity === 'error');
    const line = first?.range.start.line ?? 1;
    const why = first ? first.message.replace(/^YAML: /, '') : 'it is not a YAML mapping';
    return { kind: 'unreadable', message: `The spec does not parse (line ${line}: ${why}).`, line };
  }
  const instances = flatInstances(spec);
  if (instances.length === 0) return { kind: 'empty', message: 'No workflow yet: add task instances under `workflow:` and the graph appears here.' };
  return { kind: 'graph', dot: previewDot(spec), nodes: instances.length };
}

/** Node names: the instance id, with ` (2)`, ` (3)`… for later instances that repeat an id. */
export function previewNodeNames(instances: readonly { id: string }[]): string[] {
  const used = new Set<string>();
  return instances.map((t) => {
    let name = t.id;
    for (let n = 2; used.has(name); n++) name = `${t.id} (${n})`;
    used.add(name);
    return name;
  });
}

/** The preview DOT of a spec (see the file comment). */
export function previewDot(spec: Spec): string {
  const instances = flatInstances(spec);
  const names = previewNodeNames(instances);
  // References name an id: the first instance with it (a repeated id is an error reported elsewhere).
  const byId = new Map<string, string>();
  instances.forEach((t, i) => byId.has(t.id) || byId.set(t.id, names[i]));
  const big = instances.length > 150;
  const lines = [
    'digraph workflow {',
    // Cheaper crossing minimisation and straight edge segments for big graphs: the layout stays
    // readable and takes a fraction of the time.
    `  graph [bgcolor="transparent", fontname="Helvetica", fontsize=11, nodesep=0.2, ranksep=0.45${big ? ', mclimit=0.3, nslimit=3, nslimit1=3, searchsize=20' : ''}];`,
    '  node [shape=plaintext, fontname="Helvetica", fontsize=11];',
    '  edge [dir=forward, arrowsize=0.7, color="#455a64"];',
  ];
  let k = 0;
  for (const item of spec.workflow) {
    if (item.kind === 'task') {
      lines.push(nodeLine(item, names[k++], '  '));
      continue;
    }
    lines.push(`  subgraph ${quote(`cluster_${k}`)} {`);
    lines.push(`    graph [label=<<b>${html(item.title || 'task group')}</b>>, labeljust=l, style="rounded,dashed", color="#78909c", fontcolor="#37474f", margin=10];`);
    for (const t of item.tasks) lines.push(nodeLine(t, names[k++], '    '));
    lines.push('  }');
  }
  instances.forEach((t, i) => {
    const fanOut = new Set([...(t.map?.argnames ?? []), ...(t.mapvalues?.argnames ?? [])]);
    for (const e of graphEdges(t)) {
      const from = byId.get(e.from);
      if (from === undefined) continue;
      // A mapped argument receives many values: a bold edge with a double arrowhead.
      const style = fanOut.has(e.arg) ? ' [style=bold, arrowhead=normalnormal]' : '';
      lines.push(`  ${quote(from)}:"return" -> ${quote(names[i])}:${quote(e.arg)}${style};`);
    }
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

function nodeLine(t: TaskInstance, name: string, indent: string): string {
  const rows = [
    `<tr><td bgcolor="lightgrey" align="left"><b>${html(t.id)}</b></td></tr>`,
    `<tr><td align="left" fixedsize="true" width="${TITLE_WIDTH_PT}" height="${TITLE_FONT_PT + 6}"><font point-size="${TITLE_FONT_PT}">${TITLE_PLACEHOLDER}</font></td></tr>`,
  ];
  const op = t.map ? 'map' : t.mapvalues ? 'mapvalues' : undefined;
  if (op) rows.push(`<tr><td align="left" bgcolor="#ede7f6"><font point-size="9" color="#4a148c">${op} over ${html(shorten((t.map ?? t.mapvalues)!.argnames.join(', ')))}</font></td></tr>`);
  if (t.skipif) rows.push(`<tr><td align="left" bgcolor="#fff3e0"><font point-size="9" color="#8d4004">skip if ${html(shorten(t.skipif.conditions.map((c) => c.name).join(', ') || 'no conditions'))}</font></td></tr>`);
  for (const arg of new Set(boundArgs(t))) rows.push(`<tr><td port="${html(arg)}" align="left">${html(arg)}</td></tr>`);
  rows.push('<tr><td port="return" align="left"><i>return</i></td></tr>');
  const label = `<table border="1" cellborder="0" cellspacing="0" cellpadding="3" bgcolor="white" color="#546e7a">${rows.join('')}</table>`;
  return `${indent}${quote(name)} [label=<${label}>];`;
}

function shorten(s: string, max = 36): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function quote(s: string): string {
  return `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function html(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
