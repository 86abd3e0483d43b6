import { describe, expect, it } from 'vitest';
import { registryJson } from '../../test-support/registry-builder.ts';
import { parseSpec } from '../spec/parse-spec.ts';
import { checkSpec } from './compile.ts';
import { MISMATCH_MIN_UNKNOWN } from './check-tasks.ts';

/** Issue 8 §5: what a new user sees first is the real problem, once, without noise derived from it. */

const yaml = (...lines: string[]) => lines.join('\n') + '\n';
const rows = (ds: { code: string; range: { start: { line: number } } }[]) => ds.map((d) => [d.code, d.range.start.line]);

describe('a YAML syntax error', () => {
  it.each([
    ['an unclosed flow list', yaml('id: wf', 'requirements: [', '  {name: x}', 'workflow:', '  - id: a', '    task: add'), 4],
    ['an unterminated quote, at its opening quote', yaml('id: wf', 'requirements:', '  - name: "x', 'workflow:', '  - id: a', '    task: add'), 3],
    ['an unterminated single quote, at its opening quote', yaml('id: wf', "requirements: []", "x: 'it''s", 'workflow:', '  - id: a', '    task: add'), 3],
    ['a bad indentation', yaml('id: wf', '  bad: indent', 'requirements: []', 'workflow:', '  - id: a', '    task: add'), 2],
    ['a mis-indented instance key', yaml('id: wf', 'requirements: []', 'workflow:', '  - id: a', '    task: add', '  - id: b', '     task: x', '    partial: {}'), 7],
  ])('after %s is listed alone, with no "missing key" echoes', (_, text, line) => {
    expect(rows(parseSpec(text).diagnostics)).toEqual([['yaml-syntax', line]]);
  });

  it('comes first, and what lies before it is still reported', () => {
    const text = yaml('id: wf', 'requirements: []', 'workflow:', '  - id: a', '    task: nope', '  - id: b', '    task: add', '    partial: {x: [1, 2}');
    const r = checkSpec(text, registryJson([{ fn: 'add', properties: { x: {} } }]));
    expect(rows(r.diagnostics)).toEqual([
      ['yaml-syntax', 8],
      ['unknown-task', 5],
    ]);
  });
});

describe('a spec checked against the wrong registry', () => {
  const registry = registryJson([{ fn: 'add', properties: { a: { type: 'integer' } } }, { fn: 'load_df' }, { fn: 'draw_map' }]);
  const instances = (tasks: string[]) => tasks.flatMap((task, i) => [`  - id: t${i}`, `    task: ${task}`, '    partial:', '      zzz: 1']);

  it('gets one summary at the first unknown task instead of a row per task, and nothing derived from that registry', () => {
    const tasks = Array.from({ length: 92 }, (_, i) => `task_${i}`);
    // `load_df` as an id would shadow a task of the loaded registry; `add` has no argument `zzz`: both are noise here.
    const text = yaml('id: wf', 'requirements: []', 'workflow:', '  - id: load_df', '    task: add', '    partial:', '      zzz: 1', ...instances(tasks));
    const r = checkSpec(text, registry);
    expect(rows(r.diagnostics)).toEqual([['registry-mismatch', 9]]);
    expect(r.diagnostics[0].message).toMatch(/^92 of 93 tasks used by this spec are not in the loaded registry \(`task_0`, `task_1`, .*\): load the registry these tasks come from$/);
    expect(r.diagnostics[0].severity).toBe('error');
  });

  it(`still gives each unknown task its own row, with a suggestion from the loaded registry, when fewer than ${MISMATCH_MIN_UNKNOWN} are unknown`, () => {
    const text = yaml('id: wf', 'requirements: []', 'workflow:', '  - id: a', '    task: ad', '  - id: b', '    task: drw_map');
    const r = checkSpec(text, registry);
    expect(rows(r.diagnostics)).toEqual([
      ['unknown-task', 5],
      ['unknown-task', 7],
    ]);
    expect(r.diagnostics.map((d) => /did you mean `(\w+)`/.exec(d.message)?.[1])).toEqual(['add', 'draw_map']);
  });

  it('still gives rows when most tasks are known', () => {
    const text = yaml('id: wf', 'requirements: []', 'workflow:', ...instances(['add', 'load_df', 'draw_map', 'x1', 'x2', 'x3']).filter((l) => !l.includes('partial') && !l.includes('zzz')));
    expect(rows(checkSpec(text, registry).diagnostics).map(([code]) => code)).toEqual(['unknown-task', 'unknown-task', 'unknown-task']);
  });

  it('suggests only names of the loaded registry', () => {
    const text = yaml('id: wf', 'requirements: []', 'workflow:', '  - id: set_string_va', '    task: set_string_var');
    const r = checkSpec(text, registry);
    expect(rows(r.diagnostics)).toEqual([['unknown-task', 5]]);
    expect(r.diagnostics[0].message).not.toContain('did you mean');
  });
});
