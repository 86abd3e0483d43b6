import { describe, expect, it } from 'vitest';
import type { InstanceSummary, TaskSummary } from '../../worker/protocol.ts';
import { findTask, hoverMarkdown, suggestions } from './suggestions.ts';
import { completionContext, envNamesIn, hoverTarget, type CompletionContext } from './yaml-context.ts';

/** Splits `text` at the `¦` marker into the text without it and the marker's 1-based line/column. */
function at(marked: string): { text: string; line: number; column: number } {
  const i = marked.indexOf('¦');
  const before = marked.slice(0, i).split('\n');
  return { text: marked.slice(0, i) + marked.slice(i + 1), line: before.length, column: before[before.length - 1].length + 1 };
}
const ctxOf = (marked: string): CompletionContext => {
  const { text, line, column } = at(marked);
  return completionContext(text, line, column);
};
const hoverOf = (marked: string) => {
  const { text, line, column } = at(marked);
  return hoverTarget(text, line, column);
};

const SPEC = `id: wildlife_counts
requirements: []
workflow:
  - id: time_range
    name: Time Range
    task: set_time_range
  - id: sightings
    name: Sightings
    task: fetch_sightings
    partial:
      time_range: \${{ workflow.time_range.return }}
      source_url: \${{ env.SIGHTINGS_URL }}
  - title: Species Counts
    type: task-group
    description: |
      How species are counted.
      task: not_a_key
    tasks:
      - id: counts
        name: Count Species
        task: count_species
        mapvalues:
          argnames: df
          argvalues: \${{ workflow.sightings.return }}
`;

/** Inserts `insert` (holding a `¦` marker) at the start of 1-based `line` of SPEC. */
function specWith(line: number, insert: string): string {
  const lines = SPEC.split('\n');
  lines.splice(line - 1, 0, insert);
  return lines.join('\n');
}

describe('completionContext', () => {
  it('finds a task name after `task:`', () => {
    expect(ctxOf('workflow:\n  - id: a\n    task: ¦')).toEqual({ kind: 'task-name', from: 11, to: 11, needsSpace: false });
    expect(ctxOf('workflow:\n  - id: a\n    task: cou¦nt_x')).toEqual({ kind: 'task-name', from: 11, to: 18, needsSpace: false });
    expect(ctxOf('workflow:\n  - task:¦')).toMatchObject({ kind: 'task-name', needsSpace: true });
    expect(ctxOf('workflow:\n  - task: wildlife_tasks.core.co¦')).toMatchObject({ kind: 'task-name', from: 11 });
  });

  it('offers the unbound parameters inside `partial:`, with the instance task and bound names', () => {
    const ctx = ctxOf(specWith(12, '      ¦'));
    expect(ctx).toEqual({ kind: 'partial-key', task: 'fetch_sightings', bound: ['time_range', 'source_url'], from: 7, to: 7, hasColon: false });
    // A key being typed is not counted as bound, and the rest of the word is replaced.
    expect(ctxOf(specWith(12, '      pa¦ge'))).toMatchObject({ kind: 'partial-key', from: 7, to: 11, bound: ['time_range', 'source_url'] });
    // Completing an existing key keeps its colon.
    expect(ctxOf(specWith(12, '      pa¦: 5'))).toMatchObject({ kind: 'partial-key', hasColon: true });
  });

  it('finds the task of an entry whose `task:` comes after `partial:`', () => {
    const text = 'workflow:\n  - id: x\n    partial:\n      ¦\n    task: render_chart\n';
    expect(ctxOf(text)).toMatchObject({ kind: 'partial-key', task: 'render_chart', bound: [] });
  });

  it('handles compact sequences (dash at the parent key indentation) and groups', () => {
    const text = 'workflow:\n- id: a\n  task: t1\n  partial:\n    ¦';
    expect(ctxOf(text)).toMatchObject({ kind: 'partial-key', task: 't1' });
    const group = 'workflow:\n- type: task-group\n  title: G\n  tasks:\n  - id: b\n    task: t2\n    partial:\n      x: 1\n      ¦';
    expect(ctxOf(group)).toMatchObject({ kind: 'partial-key', task: 't2', bound: ['x'] });
  });

  it('is no partial context elsewhere', () => {
    expect(ctxOf('workflow:\n  - id: a\n    ¦')).toEqual({ kind: 'none' });
    expect(ctxOf('rjsf-overrides:\n  partial:\n    ¦')).toEqual({ kind: 'none' });
    // Nested inside a parameter's own value.
    expect(ctxOf('workflow:\n  - id: a\n    task: t\n    partial:\n      p:\n        ¦')).toEqual({ kind: 'none' });
    expect(ctxOf('')).toEqual({ kind: 'none' });
  });

  it('counts map/mapvalues argnames as bound, in every form', () => {
    const scalar = 'workflow:\n  - id: a\n    task: t\n    partial:\n      ¦\n    map:\n      argnames: df\n      argvalues: ${{ workflow.x.return }}';
    expect(ctxOf(scalar)).toMatchObject({ kind: 'partial-key', bound: ['df'] });
    const list = 'workflow:\n  - id: a\n    task: t\n    mapvalues:\n      argnames:\n        - key\n        - html\n    partial:\n      ¦';
    expect(ctxOf(list)).toMatchObject({ bound: ['key', 'html'] });
    const compact = 'workflow:\n  - id: a\n    task: t\n    map:\n      argnames:\n      - key\n      argvalues: x\n    partial:\n      ¦';
    expect(ctxOf(compact)).toMatchObject({ bound: ['key'] });
    const flow = 'workflow:\n  - id: a\n    task: t\n    map:\n      argnames: [key, "html"]\n    partial: {a: 1}\n    partial:\n      ¦';
    expect(ctxOf(flow)).toMatchObject({ bound: ['key', 'html', 'a'] });
  });

  it('offers parameter names as argnames', () => {
    const base = 'workflow:\n  - id: a\n    task: persist_html\n    partial:\n      root_path: x\n    map:\n';
    expect(ctxOf(base + '      argnames: ¦')).toEqual({ kind: 'argname', task: 'persist_html', bound: ['root_path'], from: 17, to: 17 });
    expect(ctxOf(base + '      argnames: [key, h¦')).toMatchObject({ kind: 'argname', bound: ['root_path'] });
    expect(ctxOf(base + '      argnames:\n        - key\n        - h¦')).toMatchObject({ kind: 'argname', bound: ['root_path', 'key'], from: 11, to: 12 });
    expect(ctxOf('rjsf-overrides:\n  argnames: ¦')).toEqual({ kind: 'none' });
  });

  it('finds `${{` references with the line of the enclosing instance', () => {
    const ctx = ctxOf(specWith(12, '      page_size: ${{ work¦'));
    expect(ctx).toEqual({
      kind: 'reference',
      from: 22,
      to: 26,
      beforeLine: 7,
      closed: false,
      needsLeadingSpace: false,
      needsTrailingSpace: false,
      envNames: ['SIGHTINGS_URL'],
    });
    expect(ctxOf(specWith(12, '      page_size: ${{¦}}'))).toMatchObject({ kind: 'reference', closed: true, needsLeadingSpace: true, needsTrailingSpace: true });
    expect(ctxOf(specWith(12, '      page_size: ${{ workflow.¦ }}'))).toMatchObject({ kind: 'reference', closed: true, needsTrailingSpace: false });
    // Inside a group's instance.
    const lines = SPEC.split('\n');
    const argvalues = lines.findIndex((l) => l.includes('argvalues')) + 1;
    expect(ctxOf(specWith(argvalues, '          argvalues: ${{ ¦'))).toMatchObject({ kind: 'reference', beforeLine: 19 });
    // Outside any instance every instance is visible; after `}}` there is no reference.
    expect(ctxOf('rjsf-overrides:\n  x: ${{ ¦')).toMatchObject({ kind: 'reference', beforeLine: undefined });
    expect(ctxOf('a: ${{ workflow.x.return }} ¦')).toEqual({ kind: 'none' });
  });

  it('ignores block scalar content', () => {
    const lines = SPEC.split('\n');
    const inside = lines.findIndex((l) => l.includes('task: not_a_key')) + 1;
    // The description line looks like `task:` but is text.
    const { text } = at(SPEC + '¦');
    expect(hoverTarget(text, inside, 14)).toBeUndefined();
  });

  it('lists the env names used in a text', () => {
    expect(envNamesIn('a: ${{ env.B }}\nb: ${{env.A}} ${{ env.B }}')).toEqual(['A', 'B']);
  });
});

describe('hoverTarget', () => {
  it('names tasks, partial keys, argnames and referenced instances', () => {
    expect(hoverOf(SPEC.replace('task: fetch_sig', 'task: fetch_s¦ig'))).toEqual({ kind: 'task', name: 'fetch_sightings', from: 11, to: 26 });
    expect(hoverOf(SPEC.replace('source_url:', 'sour¦ce_url:'))).toEqual({ kind: 'parameter', task: 'fetch_sightings', name: 'source_url', from: 7, to: 17 });
    expect(hoverOf(SPEC.replace('argnames: df', 'argnames: d¦f'))).toEqual({ kind: 'parameter', task: 'count_species', name: 'df', from: 21, to: 23 });
    expect(hoverOf(SPEC.replace('workflow.sightings', 'workflow.sigh¦tings'))).toMatchObject({ kind: 'instance', id: 'sightings' });
    expect(hoverOf('workflow:\n  - id: a\n    task: persist_html\n    map:\n      argnames:\n        - ht¦ml')).toMatchObject({ kind: 'parameter', task: 'persist_html', name: 'html' });
  });

  it('is nothing over other keys and values', () => {
    expect(hoverOf(SPEC.replace('name: Time', 'na¦me: Time'))).toBeUndefined();
    expect(hoverOf(SPEC.replace('id: wildlife', 'id: wild¦life'))).toBeUndefined();
  });
});

const param = (name: string, required: boolean, extra: object = {}) => ({ name, type: 'string', required, ...extra });
const TASKS: TaskSummary[] = [
  {
    functionName: 'fetch_sightings',
    importableReference: 'wildlife_tasks.fetch_sightings',
    title: 'Fetch Sightings',
    description: 'Download sightings.',
    tags: [],
    deprecated: false,
    ambiguous: false,
    parameters: [param('time_range', true), param('source_url', true), param('page_size', false, { type: 'integer', default: '100', description: 'Rows per page.' })],
  },
  { functionName: 'plot', importableReference: 'a.plot', title: 'Plot A', description: null, tags: [], deprecated: false, ambiguous: true, parameters: [] },
  { functionName: 'plot', importableReference: 'b.plot', title: 'Plot B', description: null, tags: [], deprecated: false, ambiguous: true, parameters: [] },
];
const INSTANCES: InstanceSummary[] = [
  { id: 'time_range', name: 'Time Range', task: 'set_time_range', line: 4, column: 9 },
  { id: 'sightings', name: 'Sightings', task: 'fetch_sightings', line: 7, column: 9 },
  { id: 'counts', name: 'Count Species', task: 'count_species', line: 19, column: 13, group: 'Species Counts' },
];
const data = { tasks: TASKS, instances: INSTANCES };

describe('suggestions', () => {
  it('lists task names, dotted when ambiguous', () => {
    const items = suggestions({ kind: 'task-name', from: 1, to: 1, needsSpace: false }, data);
    expect(items.map((i) => i.label)).toEqual(['fetch_sightings', 'a.plot', 'b.plot']);
    expect(items[0]).toMatchObject({ detail: 'Fetch Sightings', documentation: 'Download sightings.', insertText: 'fetch_sightings' });
    expect(suggestions({ kind: 'task-name', from: 1, to: 1, needsSpace: true }, data)[0].insertText).toBe(' fetch_sightings');
  });

  it('lists unbound parameters with type, required and description', () => {
    const items = suggestions({ kind: 'partial-key', task: 'wildlife_tasks.fetch_sightings', bound: ['time_range'], from: 1, to: 1, hasColon: false }, data);
    expect(items.map((i) => i.label)).toEqual(['source_url', 'page_size']);
    expect(items[1]).toMatchObject({ insertText: 'page_size: ', detail: 'integer · optional', documentation: 'Rows per page.\n\nDefault: `100`' });
    expect(items[0].detail).toBe('string · required');
    expect(suggestions({ kind: 'argname', task: 'fetch_sightings', bound: [], from: 1, to: 1 }, data)[0].insertText).toBe('time_range');
    expect(suggestions({ kind: 'partial-key', task: 'unknown', bound: [], from: 1, to: 1, hasColon: false }, data)).toEqual([]);
  });

  it('lists the instances above the current one and env variables', () => {
    const ctx: CompletionContext = { kind: 'reference', from: 1, to: 1, beforeLine: 19, closed: false, needsLeadingSpace: false, needsTrailingSpace: false, envNames: ['SIGHTINGS_URL'] };
    const items = suggestions(ctx, data);
    expect(items.map((i) => i.label)).toEqual(['workflow.time_range.return', 'workflow.sightings.return', 'env.SIGHTINGS_URL', 'env.']);
    expect(items[0].insertText).toBe('workflow.time_range.return }}');
    const closed = suggestions({ ...ctx, closed: true, needsLeadingSpace: true, beforeLine: undefined }, data);
    expect(closed.map((i) => i.insertText)).toContain(' workflow.counts.return');
  });

  it('resolves task names like the spec does', () => {
    expect(findTask(TASKS, 'plot')?.importableReference).toBe('a.plot');
    expect(findTask(TASKS, 'b.plot')?.title).toBe('Plot B');
    expect(findTask(TASKS, undefined)).toBeUndefined();
  });
});

describe('hoverMarkdown', () => {
  it('describes tasks, parameters and instances', () => {
    const task = hoverMarkdown({ kind: 'task', name: 'fetch_sightings', from: 1, to: 2 }, data)!;
    expect(task).toContain('**Fetch Sightings** — `wildlife_tasks.fetch_sightings`');
    expect(task).toContain('- `page_size`: `integer` — Rows per page.');
    expect(hoverMarkdown({ kind: 'parameter', task: 'fetch_sightings', name: 'page_size', from: 1, to: 2 }, data)).toBe(
      '`page_size`: `integer` — optional parameter of `fetch_sightings`\n\nRows per page.\n\nDefault: `100`',
    );
    expect(hoverMarkdown({ kind: 'instance', id: 'counts', from: 1, to: 2 }, data)).toContain('in group *Species Counts*');
    expect(hoverMarkdown({ kind: 'task', name: 'nope', from: 1, to: 2 }, data)).toBeUndefined();
  });
});

describe('argument values', () => {
  it('are found at a `partial:` key value and at `argvalues:`, before any `${{`', () => {
    expect(ctxOf(specWith(12, '      page_size: ¦'))).toEqual({ kind: 'argument-value', from: 18, to: 18, beforeLine: 7, needsSpace: false, typed: '', envNames: ['SIGHTINGS_URL'] });
    expect(ctxOf(specWith(12, '      page_size:¦'))).toMatchObject({ kind: 'argument-value', needsSpace: true, from: 17 });
    expect(ctxOf(specWith(12, '      page_size: wor¦'))).toMatchObject({ kind: 'argument-value', typed: 'wor', from: 18, to: 21 });
    expect(ctxOf(specWith(12, '      page_size: ${¦'))).toMatchObject({ kind: 'argument-value', typed: '${' });
    const lines = SPEC.split('\n');
    const argvalues = lines.findIndex((l) => l.includes('argvalues')) + 1;
    expect(ctxOf(specWith(argvalues, '          argvalues: ¦'))).toMatchObject({ kind: 'argument-value', beforeLine: 19 });
  });

  it('are not other values', () => {
    expect(ctxOf('workflow:\n  - id: a\n    name: ¦')).toEqual({ kind: 'none' });
    expect(ctxOf('rjsf-overrides:\n  partial:\n    x: ¦')).toEqual({ kind: 'none' });
    expect(ctxOf('workflow:\n  - id: a\n    map:\n      argnames: x\n      other: ¦')).toEqual({ kind: 'none' });
    // Typed `${{` is the reference context.
    expect(ctxOf(specWith(12, '      page_size: ${{ ¦'))).toMatchObject({ kind: 'reference' });
  });

  it('offer whole `${{ workflow.<id>.return }}` and `${{ env.… }}` expressions', () => {
    const ctx: CompletionContext = { kind: 'argument-value', from: 1, to: 1, beforeLine: 19, needsSpace: true, typed: '', envNames: ['SIGHTINGS_URL'] };
    const items = suggestions(ctx, data);
    expect(items.map((i) => i.label)).toEqual(['${{ workflow.time_range.return }}', '${{ workflow.sightings.return }}', '${{ env.SIGHTINGS_URL }}', '${{ env.… }}']);
    expect(items[0]).toMatchObject({ insertText: ' ${{ workflow.time_range.return }}', filterText: 'workflow.time_range.return' });
    expect(items[3]).toMatchObject({ insertText: ' \\${{ env.$1 }}', snippet: true });
    expect(suggestions({ ...ctx, needsSpace: false, typed: '$' }, data)[1]).toMatchObject({ insertText: '${{ workflow.sightings.return }}', filterText: '${{ workflow.sightings.return }}' });
  });
});
