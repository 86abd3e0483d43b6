import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../spec/index.ts';
import { graphDot } from './graph-dot.ts';
import { previewDot, previewGraph, previewNodeNames, TITLE_PLACEHOLDER } from './preview-dot.ts';
import { renderSvg } from './render-svg.ts';

/** The Workflow graph panel's DOT (not the package's graph.dot, which graph.test.ts pins). */

const SPEC = `id: demo
requirements: []
workflow:
  - id: load
    name: Load the data
    task: load_data
  - type: task-group
    title: Charts & maps
    description: Drawn together.
    tasks:
      - id: per_site
        name: Per site
        task: draw
        partial:
          title: Sites
        map:
          argnames: df
          argvalues: \${{ workflow.load.return }}
      - id: per_key
        name: Per key
        task: draw
        mapvalues:
          argnames: [df]
          argvalues: \${{ workflow.load.return }}
  - id: report
    name: Report
    task: write_report
    skipif:
      conditions:
        - never
    partial:
      charts: \${{ workflow.per_site.return }}
`;

const parsed = (text: string) => parseSpec(text);
const dotOf = (text: string) => previewDot(parsed(text).spec!);

describe('previewDot', () => {
  it('draws each task group as a cluster titled by the group, holding its instances', () => {
    const dot = dotOf(SPEC);
    const cluster = dot.slice(dot.indexOf('subgraph "cluster_'), dot.indexOf('  }\n'));
    expect(cluster).toContain('label=<<b>Charts &amp; maps</b>>');
    expect(cluster).toContain('"per_site" [label=<');
    expect(cluster).toContain('"per_key" [label=<');
    expect(cluster).not.toContain('"load"');
    expect(cluster).not.toContain('"report"');
  });

  it('marks map and mapvalues fan-out and an own skipif on the node, and draws fan-out edges bold', () => {
    const dot = dotOf(SPEC);
    const line = (id: string) => dot.split('\n').find((l) => l.trim().startsWith(`"${id}" [label=<`))!;
    expect(line('per_site')).toContain('map over df');
    expect(line('per_key')).toContain('mapvalues over df');
    expect(line('report')).toContain('skip if never');
    expect(line('load')).not.toMatch(/map over|skip if/);
    expect(dot).toContain('"load":"return" -> "per_site":"df" [style=bold, arrowhead=normalnormal];');
    expect(dot).toContain('"per_site":"return" -> "report":"charts";');
  });

  it('leaves names, tasks and the orientation out, so a rename never changes the layout', () => {
    const dot = dotOf(SPEC);
    expect(dot).not.toMatch(/Load the data|load_data|rankdir/);
    expect(dot.split(TITLE_PLACEHOLDER).length - 1).toBe(4);
    expect(dotOf(SPEC.replace('Load the data', 'Something else entirely').replace('task: load_data', 'task: other'))).toBe(dot);
  });

  it('gives a repeated id its own node instead of merging the two', () => {
    const text = 'id: d\nrequirements: []\nworkflow:\n  - id: a\n    task: t\n  - id: a\n    task: t\n  - id: b\n    task: t\n    partial:\n      x: ${{ workflow.a.return }}\n';
    const dot = dotOf(text);
    expect(dot).toContain('  "a" [label=<');
    expect(dot).toContain('  "a (2)" [label=<');
    expect(previewNodeNames([{ id: 'a' }, { id: 'a' }, { id: 'a (2)' }])).toEqual(['a', 'a (2)', 'a (2) (2)']);
  });

  it('lays out in either orientation and keeps graph.dot unchanged', async () => {
    const spec = parsed(SPEC).spec!;
    expect(graphDot(spec)).toContain('rankdir=LR');
    expect(graphDot(spec)).not.toContain('cluster');
    const dot = previewDot(spec);
    const lr = await renderSvg(dot, { rankdir: 'LR' });
    const tb = await renderSvg(dot, { rankdir: 'TB' });
    expect(lr.diagnostics).toEqual([]);
    expect(lr.svg).toContain('<title>cluster_1</title>');
    const box = (svg: string) => svg.match(/viewBox="0\.00 0\.00 ([\d.]+) ([\d.]+)"/)!.slice(1).map(Number);
    const [lw, lh] = box(lr.svg!);
    const [tw, th] = box(tb.svg!);
    expect(lw / lh).toBeGreaterThan(tw / th);
  });
});

describe('previewGraph', () => {
  it('says there is no workflow yet when there are no instances', () => {
    const p = parsed('id: d\nrequirements: []\nworkflow: []\n');
    expect(previewGraph(p.spec, p.diagnostics)).toEqual({ kind: 'empty', message: expect.stringMatching(/^No workflow yet/) });
  });

  it('reports a YAML syntax error with its line instead of a graph of the part that parsed', () => {
    const text = SPEC.replace('    name: Report\n', '    name: "Report\n');
    const p = parsed(text);
    const g = previewGraph(p.spec, p.diagnostics);
    expect(g.kind).toBe('unreadable');
    if (g.kind === 'unreadable') {
      expect(g.message).toMatch(/^The spec does not parse \(line \d+: /);
      expect(g.line).toBeGreaterThan(1);
    }
  });

  it('gives the DOT and node count of a readable spec', () => {
    const p = parsed(SPEC);
    expect(previewGraph(p.spec, p.diagnostics)).toEqual({ kind: 'graph', dot: previewDot(p.spec!), nodes: 4 });
  });
});
