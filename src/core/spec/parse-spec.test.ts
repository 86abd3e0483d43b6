import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../util/diagnostics.ts';
import { PyFloat } from '../util/json-value.ts';
import { flatInstances, type CondaRequirement, type PypiRequirement, type TaskGroup, type TaskInstance } from './model.ts';
import { parseSpec } from './parse-spec.ts';
import { parseReference } from './references.ts';

/** Joins lines into spec text (line numbers in comments next to each fixture are 1-based). */
const yaml = (...lines: string[]) => lines.join('\n') + '\n';

const HEAD = ['id: wf', 'requirements: []', 'workflow:'];

type Brief = { code: string; severity: string; line: number; column: number };
const brief = (d: Diagnostic): Brief => ({ code: d.code, severity: d.severity, line: d.range.start.line, column: d.range.start.column });
const diags = (text: string) => parseSpec(text).diagnostics.map(brief);
const messages = (text: string, code: string) =>
  parseSpec(text)
    .diagnostics.filter((d) => d.code === code)
    .map((d) => d.message);
const instances = (text: string): TaskInstance[] => flatInstances(parseSpec(text).spec!);

describe('a valid spec', () => {
  it('parses without diagnostics', () => {
    const text = yaml(...HEAD, '  - id: a', '    name: First', '    task: add', '  - id: b', '    task: mod.double', '    partial:', '      n: ${{ workflow.a.return }}');
    const { spec, diagnostics } = parseSpec(text);
    expect(diagnostics).toEqual([]);
    expect(spec!.id).toBe('wf');
    const [a, b] = flatInstances(spec!);
    expect(a).toMatchObject({ id: 'a', name: 'First', task: 'add' });
    expect(b).toMatchObject({ id: 'b', name: '', task: 'mod.double' });
    expect(b.dependencies.map((d) => d.id)).toEqual(['a']);
  });

  it('reads `name: null` as an empty name', () => {
    expect(instances(yaml(...HEAD, '  - id: a', '    name: null', '    task: add'))[0].name).toBe('');
  });
});

describe('root keys', () => {
  it('reports each missing root key at the start of the document', () => {
    expect(diags(yaml('id: wf'))).toEqual([
      { code: 'missing-key', severity: 'error', line: 1, column: 1 },
      { code: 'missing-key', severity: 'error', line: 1, column: 1 },
    ]);
    const msgs = messages(yaml('id: wf'), 'missing-key').join('\n');
    expect(msgs).toContain('`requirements`');
    expect(msgs).toContain('`workflow`');
  });

  it('points missing keys at the first key, after leading comments', () => {
    expect(diags(yaml('# my workflow', 'requirements: []', 'workflow: []'))).toEqual([{ code: 'missing-key', severity: 'error', line: 2, column: 1 }]);
  });

  it('reports an empty document', () => {
    expect(diags('')).toEqual([{ code: 'empty-spec', severity: 'error', line: 1, column: 1 }]);
    expect(diags('# only a comment\n')).toEqual([{ code: 'empty-spec', severity: 'error', line: 1, column: 1 }]);
  });

  it('reports a document that is not a mapping', () => {
    expect(diags(yaml('- id: wf'))).toEqual([{ code: 'expected-mapping', severity: 'error', line: 1, column: 1 }]);
  });

  it('rejects snake_case root keys and names the kebab-case spelling', () => {
    const text = yaml(
      'id: wf', // 1
      'requirements: []', // 2
      'workflow: []', // 3
      'rjsf_overrides: {}', // 4
      'task_instance_defaults: {}', // 5
    );
    expect(diags(text)).toEqual([
      { code: 'unknown-key', severity: 'error', line: 4, column: 1 },
      { code: 'unknown-key', severity: 'error', line: 5, column: 1 },
    ]);
    const [a, b] = messages(text, 'unknown-key');
    expect(a).toContain('`rjsf-overrides`');
    expect(a).toContain('kebab-case');
    expect(b).toContain('`task-instance-defaults`');
  });

  it('suggests the closest root key for a typo', () => {
    const text = yaml('id: wf', 'requirements: []', 'workflow: []', 'requirement: []');
    expect(diags(text)).toEqual([{ code: 'unknown-key', severity: 'error', line: 4, column: 1 }]);
    expect(messages(text, 'unknown-key')[0]).toContain('did you mean `requirements`');
  });

  it('reports YAML syntax errors with a position', () => {
    const d = diags(yaml('id: wf', 'requirements: [', 'workflow: []'));
    expect(d.length).toBeGreaterThan(0);
    expect(d.every((x) => x.severity === 'error' && x.line >= 1 && x.column >= 1)).toBe(true);
    expect(d.some((x) => x.code === 'yaml-syntax')).toBe(true);
  });

  it('reports duplicate keys at any depth, including inside partial values', () => {
    const text = yaml(
      ...HEAD,
      '  - id: a', // 4
      '    task: add', // 5
      '    partial:', // 6
      '      cfg:', // 7
      '        k: 1', // 8
      '        k: 2', // 9
      '      n: 1', // 10
      '      n: 2', // 11
    );
    expect(diags(text).sort((x, y) => x.line - y.line)).toEqual([
      { code: 'duplicate-key', severity: 'error', line: 9, column: 9 },
      { code: 'duplicate-key', severity: 'error', line: 11, column: 7 },
    ]);
  });

  it('reports a duplicate root key', () => {
    expect(diags(yaml('id: wf', 'requirements: []', 'workflow: []', 'id: other'))).toContainEqual({ code: 'duplicate-key', severity: 'error', line: 4, column: 1 });
  });
});

describe('instance and group keys', () => {
  it('rejects an unknown instance key with a suggestion', () => {
    const text = yaml(
      ...HEAD,
      '  - id: a', // 4
      '    task: add', // 5
      '    partials: {}', // 6
    );
    expect(diags(text)).toEqual([{ code: 'unknown-key', severity: 'error', line: 6, column: 5 }]);
    expect(messages(text, 'unknown-key')[0]).toContain('did you mean `partial`');
  });

  it('rejects an unknown group key', () => {
    const text = yaml(
      ...HEAD,
      '  - type: task-group', // 4
      '    title: G', // 5
      '    description: d', // 6
      '    tags: [x]', // 7
      '    tasks:', // 8
      '      - id: a', // 9
      '        task: add', // 10
    );
    expect(diags(text)).toEqual([{ code: 'unknown-key', severity: 'error', line: 7, column: 5 }]);
  });

  it('requires id and task on an instance', () => {
    const text = yaml(
      ...HEAD,
      '  - name: no id', // 4
      '    task: add', // 5
      '  - id: b', // 6
    );
    expect(diags(text)).toEqual([
      { code: 'missing-key', severity: 'error', line: 4, column: 5 },
      { code: 'missing-key', severity: 'error', line: 6, column: 5 },
    ]);
  });

  it('reads a group without `type` as a group but reports the missing type', () => {
    const text = yaml(
      ...HEAD,
      '  - title: G', // 4
      '    description: d', // 5
      '    tasks:', // 6
      '      - id: a', // 7
      '        task: add', // 8
    );
    expect(diags(text)).toEqual([{ code: 'missing-key', severity: 'error', line: 4, column: 5 }]);
    expect(messages(text, 'missing-key')[0]).toContain('`type: task-group`');
    expect(parseSpec(text).spec!.workflow[0].kind).toBe('task-group');
  });

  it('rejects a wrong entry type', () => {
    const text = yaml(...HEAD, '  - type: group', '    id: a', '    task: add');
    // Reported once, as a wrong type, not again as an unknown instance key.
    expect(diags(text)).toEqual([{ code: 'unknown-entry-type', severity: 'error', line: 4, column: 11 }]);
    expect(messages(text, 'unknown-entry-type')[0]).toContain('task-group');
  });

  it('reports an unreadable document as a syntax error, not as an empty spec', () => {
    const d = diags('[[[[\n');
    expect(d.map((x) => x.code)).toContain('yaml-syntax');
    expect(d.map((x) => x.code)).not.toContain('empty-spec');
    expect(diags('')).toEqual([{ code: 'empty-spec', severity: 'error', line: 1, column: 1 }]);
  });

  it('requires title, description and tasks on a group', () => {
    const text = yaml(...HEAD, '  - type: task-group', '    title: G');
    expect(diags(text)).toEqual([
      { code: 'missing-key', severity: 'error', line: 4, column: 5 },
      { code: 'missing-key', severity: 'error', line: 4, column: 5 },
    ]);
  });

  it('rejects nested groups', () => {
    const text = yaml(
      ...HEAD,
      '  - type: task-group', // 4
      '    title: Outer', // 5
      '    description: d', // 6
      '    tasks:', // 7
      '      - type: task-group', // 8
      '        title: Inner', // 9
      '        description: d', // 10
      '        tasks: []', // 11
    );
    expect(diags(text)).toEqual([{ code: 'nested-group', severity: 'error', line: 8, column: 9 }]);
  });

  it('keeps group members in order with their group title', () => {
    const text = yaml(...HEAD, '  - id: a', '    task: add', '  - type: task-group', '    title: My Group', '    description: d', '    tasks:', '      - id: b', '        task: add', '      - id: c', '        task: add');
    const { spec } = parseSpec(text);
    expect(flatInstances(spec!).map((t) => [t.id, t.group])).toEqual([
      ['a', undefined],
      ['b', 'My Group'],
      ['c', 'My Group'],
    ]);
    expect((spec!.workflow[1] as TaskGroup).title).toBe('My Group');
  });
});

describe('ids', () => {
  // Instance id values sit at line 4, column 9 (`  - id: <value>`).
  const withId = (id: string) => yaml(...HEAD, `  - id: ${id}`, '    task: add');

  it.each([
    ['my-task', 'invalid-identifier', 'use `_` instead of `-`'],
    ['1abc', 'invalid-identifier', 'starts with a digit'],
    ['class', 'python-keyword', 'keyword'],
    ['None', 'python-keyword', 'keyword'],
    ['filter', 'python-builtin', 'built-in'],
    ['list', 'python-builtin', 'built-in'],
    ['a'.repeat(33), 'id-too-long', 'limit is 32'],
  ])('instance id %s → %s', (id, code, words) => {
    const text = withId(id);
    expect(diags(text)).toEqual([{ code, severity: 'error', line: 4, column: 9 }]);
    expect(messages(text, code)[0]).toContain(words);
  });

  it.each([['a'.repeat(32)], ['match'], ['café'], ['_private'], ['x1']])('instance id %s is accepted', (id) => {
    expect(diags(withId(id))).toEqual([]);
  });

  it('limits the spec id to 64 characters', () => {
    const text = (id: string) => yaml(`id: ${id}`, 'requirements: []', 'workflow: []');
    expect(diags(text('w'.repeat(64)))).toEqual([]);
    expect(diags(text('w'.repeat(65)))).toEqual([{ code: 'id-too-long', severity: 'error', line: 1, column: 5 }]);
    expect(diags(text('filter'))).toEqual([{ code: 'python-builtin', severity: 'error', line: 1, column: 5 }]);
    expect(diags(text('my-flow'))).toEqual([{ code: 'invalid-identifier', severity: 'error', line: 1, column: 5 }]);
  });

  it('reports a quoted number id as not a string, with a hint', () => {
    const text = yaml('id: 12', 'requirements: []', 'workflow: []');
    expect(diags(text)).toEqual([{ code: 'expected-string', severity: 'error', line: 1, column: 5 }]);
  });

  it('rejects duplicate ids across groups and names the first line', () => {
    const text = yaml(
      ...HEAD,
      '  - type: task-group', // 4
      '    title: One', // 5
      '    description: first', // 6
      '    tasks:', // 7
      '      - id: a', // 8
      '        task: add', // 9
      '  - type: task-group', // 10
      '    title: Two', // 11
      '    description: second', // 12
      '    tasks:', // 13
      '      - id: a', // 14
      '        task: add', // 15
    );
    expect(diags(text)).toEqual([{ code: 'duplicate-id', severity: 'error', line: 14, column: 13 }]);
    expect(messages(text, 'duplicate-id')[0]).toContain('line 8');
  });

  it('rejects a task id equal to the spec id', () => {
    const text = yaml(...HEAD, '  - id: wf', '    task: add');
    expect(diags(text)).toEqual([{ code: 'id-equals-spec-id', severity: 'error', line: 4, column: 9 }]);
  });
});

describe('references', () => {
  it('classifies whole-string references only', () => {
    expect(parseReference('${{ workflow.a.return }}')).toEqual({ kind: 'reference', reference: { kind: 'workflow', id: 'a' } });
    expect(parseReference('${{workflow.a.return}}')).toEqual({ kind: 'reference', reference: { kind: 'workflow', id: 'a' } });
    expect(parseReference('${{    workflow.a.return   }}')).toEqual({ kind: 'reference', reference: { kind: 'workflow', id: 'a' } });
    expect(parseReference('${{ env.HOME }}')).toEqual({ kind: 'reference', reference: { kind: 'env', name: 'HOME' } });
    expect(parseReference('x ${{ workflow.a.return }}')).toEqual({ kind: 'literal' });
    expect(parseReference('${{ workflow.a.return }} x')).toEqual({ kind: 'literal' });
    expect(parseReference('plain')).toEqual({ kind: 'literal' });
    expect(parseReference('${{ foo.bar }}').kind).toBe('invalid');
    expect(parseReference('${{ workflow.a }}').kind).toBe('invalid');
    expect(parseReference('${{ workflow.a.output }}').kind).toBe('invalid');
    expect(parseReference('${{ env }}').kind).toBe('invalid');
    expect(parseReference('${{ workflow.a.return.x }}').kind).toBe('invalid');
  });

  it('finds references in partial values, reports invalid ones and warns about interpolation', () => {
    const text = yaml(
      ...HEAD,
      '  - id: a', // 4
      '    task: add', // 5
      '  - id: b', // 6
      '    task: double', // 7
      '    partial:', // 8
      '      n: ${{workflow.a.return}}', // 9
      '      m: "${{   workflow.a.return   }}"', // 10
      '      k: ${{ foo.bar }}', // 11
      '      j: "total: ${{ workflow.a.return }}"', // 12
      '      e: ${{ env.HOME }}', // 13
    );
    expect(diags(text)).toEqual([
      { code: 'invalid-reference', severity: 'error', line: 11, column: 10 },
      { code: 'not-a-reference', severity: 'warning', line: 12, column: 10 },
    ]);
    const b = instances(text)[1];
    expect(b.dependencies.map((d) => [d.id, d.range.start.line, d.range.start.column])).toEqual([
      ['a', 9, 10],
      ['a', 10, 10],
    ]);
    expect(messages(text, 'not-a-reference')[0]).toContain('no string interpolation');
  });

  it('counts references nested deep in partial lists and dicts as dependencies', () => {
    const text = yaml(
      ...HEAD,
      '  - id: a', // 4
      '    task: add', // 5
      '  - id: c', // 6
      '    task: add', // 7
      '  - id: b', // 8
      '    task: double', // 9
      '    partial:', // 10
      '      cfg:', // 11
      '        items:', // 12
      '          - 1', // 13
      '          - k: ${{ workflow.a.return }}', // 14
      '      flow: {x: [1, {y: "${{ workflow.c.return }}"}]}', // 15
    );
    expect(diags(text)).toEqual([]);
    expect(instances(text)[2].dependencies.map((d) => [d.id, d.range.start.line])).toEqual([
      ['a', 14],
      ['c', 15],
    ]);
  });

  it('reports a dependency defined later, naming its line and the fix', () => {
    const text = yaml(
      ...HEAD,
      '  - id: b', // 4
      '    task: double', // 5
      '    partial:', // 6
      '      cfg:', // 7
      '        items:', // 8
      '          - 1', // 9
      '          - k: ${{ workflow.a.return }}', // 10
      '  - id: a', // 11
      '    task: add', // 12
    );
    expect(diags(text)).toEqual([{ code: 'dependency-defined-later', severity: 'error', line: 10, column: 16 }]);
    const [m] = messages(text, 'dependency-defined-later');
    expect(m).toContain('line 11');
    expect(m).toContain('move `a` above `b`');
  });

  it('reports an unknown dependency with a suggestion', () => {
    const text = yaml(
      ...HEAD,
      '  - id: total', // 4
      '    task: add', // 5
      '  - id: b', // 6
      '    task: double', // 7
      '    partial:', // 8
      '      n: ${{ workflow.totl.return }}', // 9
    );
    expect(diags(text)).toEqual([{ code: 'unknown-dependency', severity: 'error', line: 9, column: 10 }]);
    expect(messages(text, 'unknown-dependency')[0]).toContain('did you mean `total`');
  });

  it('reports a self-reference', () => {
    const text = yaml(
      ...HEAD,
      '  - id: a', // 4
      '    task: add', // 5
      '    partial:', // 6
      '      a: ${{ workflow.a.return }}', // 7
    );
    expect(diags(text)).toEqual([{ code: 'self-reference', severity: 'error', line: 7, column: 10 }]);
  });

  it('does not treat env references as dependencies', () => {
    const text = yaml(...HEAD, '  - id: a', '    task: add', '    partial:', '      a: ${{ env.LATER }}');
    expect(diags(text)).toEqual([]);
    expect(instances(text)[0].dependencies).toEqual([]);
  });
});

describe('map and mapvalues', () => {
  const before = [...HEAD, '  - id: a', '    task: add', '  - id: b', '    task: parse_int']; // b starts on line 6

  it('reads argnames as a list and counts argvalues references as dependencies', () => {
    const text = yaml(...before, '    map:', '      argnames: s', '      argvalues: ${{ workflow.a.return }}');
    expect(diags(text)).toEqual([]);
    const b = instances(text)[1];
    expect(b.map!.argnames).toEqual(['s']);
    expect(b.dependencies.map((d) => d.id)).toEqual(['a']);
    const list = yaml(...before, '    mapvalues:', '      argnames: [s, t]', '      argvalues: ["${{ workflow.a.return }}", "${{ env.X }}"]');
    expect(diags(list)).toEqual([]);
    expect(instances(list)[1].mapvalues!.argnames).toEqual(['s', 't']);
  });

  it('rejects map together with mapvalues', () => {
    const text = yaml(
      ...before,
      '    map:', // 8
      '      argnames: s', // 9
      '      argvalues: ${{ workflow.a.return }}', // 10
      '    mapvalues:', // 11
      '      argnames: t', // 12
      '      argvalues: ${{ workflow.a.return }}', // 13
    );
    expect(diags(text)).toEqual([{ code: 'map-and-mapvalues', severity: 'error', line: 11, column: 5 }]);
  });

  it('requires argvalues with argnames', () => {
    const text = yaml(...before, '    map:', '      argnames: s'); // line 9
    expect(diags(text)).toEqual([{ code: 'incomplete-map', severity: 'error', line: 9, column: 7 }]);
  });

  it('requires argnames with argvalues', () => {
    const text = yaml(...before, '    mapvalues:', '      argvalues: ${{ workflow.a.return }}');
    expect(diags(text)).toEqual([{ code: 'incomplete-map', severity: 'error', line: 9, column: 7 }]);
  });

  it.each([
    ['{k: 1}', 18, 'inline data'],
    ['hello', 18, 'is not a reference'],
  ])('rejects inline argvalues %s', (value, column, words) => {
    const text = yaml(...before, '    map:', '      argnames: s', `      argvalues: ${value}`); // line 10
    expect(diags(text)).toEqual([{ code: 'argvalues-not-reference', severity: 'error', line: 10, column }]);
    expect(messages(text, 'argvalues-not-reference')[0]).toContain(words);
  });

  it('rejects each inline item of an argvalues list', () => {
    const text = yaml(...before, '    map:', '      argnames: s', '      argvalues: [1, 2]');
    expect(diags(text)).toEqual([
      { code: 'argvalues-not-reference', severity: 'error', line: 10, column: 19 },
      { code: 'argvalues-not-reference', severity: 'error', line: 10, column: 22 },
    ]);
  });

  it('accepts an argument bound by partial and by map argnames (the mapped value wins, §2.3)', () => {
    const text = yaml(...before, '    partial:', '      s: x', '    map:', '      argnames: s', '      argvalues: ${{ workflow.a.return }}');
    expect(diags(text)).toEqual([]);
  });
});

describe('skipif', () => {
  const inst = [...HEAD, '  - id: a', '    task: add']; // skipif starts on line 6

  it('reads conditions with unpack_depth defaulting to 1', () => {
    const text = yaml(...inst, '    skipif:', '      conditions:', '        - never', '        - mod.any_is_empty');
    expect(diags(text)).toEqual([]);
    const s = instances(text)[0].skipif!;
    expect(s.conditions.map((c) => [c.name, c.range.start.line, c.range.start.column])).toEqual([
      ['never', 8, 11],
      ['mod.any_is_empty', 9, 11],
    ]);
    expect(s.unpackDepth).toBe(1);
  });

  it('reads an explicit unpack_depth', () => {
    const text = yaml(...inst, '    skipif:', '      conditions: [never]', '      unpack_depth: 3');
    expect(instances(text)[0].skipif!.unpackDepth).toBe(3);
  });

  it.each([
    // [line 6 of the spec, code, the text the diagnostic must point at]
    ['    skipif: never', 'expected-mapping', 'never'],
    ['    skipif: {conditions: never}', 'expected-list', 'never'],
    ['    skipif: {conditions: [never], unpack_depth: two}', 'expected-integer', 'two'],
    ['    skipif: {conditions: [never], unpack_depth: 1.5}', 'expected-integer', '1.5'],
    ['    skipif: {conditions: [never], unpack_depth: -1}', 'invalid-unpack-depth', '-1'],
    ['    skipif: {condition: [never]}', 'unknown-key', 'condition'],
    ['    skipif: {conditions: [1]}', 'expected-string', '1'],
  ])('%s → %s', (line, code, at) => {
    expect(diags(yaml(...inst, line))).toEqual([{ code, severity: 'error', line: 6, column: line.indexOf(at) + 1 }]);
  });
});

describe('task-instance-defaults', () => {
  const text = yaml(
    'id: wf', // 1
    'requirements: []', // 2
    'task-instance-defaults:', // 3
    '  skipif:', // 4
    '    conditions: [never]', // 5
    'workflow:', // 6
    '  - id: a', // 7
    '    task: add', // 8
    '  - id: b', // 9
    '    task: add', // 10
    '    skipif: null', // 11
    '  - id: c', // 12
    '    task: add', // 13
    '    skipif:', // 14
    '      conditions: [any_is_empty_df]', // 15
    '      unpack_depth: 2', // 16
  );

  it('applies the default skipif only where the instance has none (or null)', () => {
    expect(diags(text)).toEqual([]);
    const [a, b] = instances(text);
    expect(a.skipif).toBeUndefined();
    expect(a.effectiveSkipif!.conditions.map((x) => x.name)).toEqual(['never']);
    expect(a.effectiveSkipif!.unpackDepth).toBe(1);
    expect(b.effectiveSkipif!.conditions.map((x) => x.name)).toEqual(['never']);
  });

  it('lets an explicit skipif replace the default, not merge with it', () => {
    const c = instances(text)[2];
    expect(c.effectiveSkipif!.conditions.map((x) => x.name)).toEqual(['any_is_empty_df']);
    expect(c.effectiveSkipif!.unpackDepth).toBe(2);
  });

  it('supports only skipif', () => {
    const bad = yaml('id: wf', 'requirements: []', 'task-instance-defaults:', '  retries: 3', 'workflow: []');
    expect(diags(bad)).toEqual([{ code: 'unknown-key', severity: 'error', line: 4, column: 3 }]);
    expect(messages(bad, 'unknown-key')[0]).toContain('only `skipif`');
  });
});

describe('requirements', () => {
  const withReqs = (...lines: string[]) => yaml('id: wf', 'requirements:', ...lines, 'workflow: []'); // entries start on line 3
  const reqs = (text: string) => parseSpec(text).spec!.requirements;

  it('reads conda entries with name/version/channel, defaulting the channel to conda-forge', () => {
    const text = withReqs(
      '  - name: pydeck',
      '    version: 0.9.2',
      '  - name: ecoscope-platform',
      '    version: ">=2.13.0, <3"',
      '    channel: https://repo.prefix.dev/ecoscope-workflows/',
      '  - name: x',
      '    version: "*"',
      '    channel: microsoft',
      '  - name: local',
      '    version: "1.0"',
      '    channel: file:///home/me/channel',
    );
    expect(diags(text)).toEqual([]);
    const [a, b, c, d] = reqs(text) as CondaRequirement[];
    expect(a).toMatchObject({ kind: 'conda', name: 'pydeck', version: '0.9.2', channel: { name: 'conda-forge' } });
    expect(b).toMatchObject({ name: 'ecoscope-platform', version: '>=2.13.0, <3', channel: { name: 'ecoscope-workflows' } });
    expect(c.channel).toEqual({ name: 'microsoft', baseUrl: 'https://conda.anaconda.org/microsoft/' });
    expect(d.channel).toEqual({ baseUrl: 'file:///home/me/channel/' });
  });

  it('reads the `requirement` match-spec shorthand', () => {
    const text = withReqs('  - requirement: "pandas>=2.0"', '  - requirement: conda-forge::pandas 2.0.*', '  - requirement: numpy');
    expect(diags(text)).toEqual([]);
    const [a, b, c] = reqs(text) as CondaRequirement[];
    expect(a).toMatchObject({ kind: 'conda', name: 'pandas', version: '>=2.0', channel: { name: 'conda-forge' } });
    expect(b).toMatchObject({ kind: 'conda', name: 'pandas', version: '2.0.*', channel: { name: 'conda-forge' } });
    expect(c).toMatchObject({ name: 'numpy', version: '*' });
  });

  it('rejects an unknown channel with a suggestion', () => {
    const text = withReqs('  - name: x', '    version: "1"', '    channel: conda-froge'); // line 5
    expect(diags(text)).toEqual([{ code: 'unknown-channel', severity: 'error', line: 5, column: 14 }]);
    expect(messages(text, 'unknown-channel')[0]).toContain('did you mean `conda-forge`');
    expect(diags(withReqs('  - requirement: "bioconda::samtools"'))).toEqual([{ code: 'unknown-channel', severity: 'error', line: 3, column: 18 }]);
  });

  it('tells to quote a version YAML read as a float', () => {
    const text = withReqs('  - name: ecoscope-platform', '    version: 2.13'); // line 4
    expect(diags(text)).toEqual([{ code: 'expected-string', severity: 'error', line: 4, column: 14 }]);
    const [m] = messages(text, 'expected-string');
    expect(m).toContain('2.13');
    expect(m).toContain('quotes');
  });

  it('requires a version on a conda entry', () => {
    expect(diags(withReqs('  - name: x'))).toEqual([{ code: 'missing-key', severity: 'error', line: 3, column: 5 }]);
  });

  it('rejects url together with path, pointing at one of them', () => {
    const line = '  - {name: p, url: "https://x/y.whl", path: /abs}';
    const d = diags(withReqs(line));
    expect(d.map((x) => [x.code, x.line])).toEqual([['pypi-source-conflict', 3]]);
    expect([line.indexOf('url:') + 1, line.indexOf('path:') + 1]).toContain(d[0].column);
    expect(messages(withReqs(line), 'pypi-source-conflict')[0]).toContain('exactly one of git, path, url');
  });

  it('accepts valid PyPI entries', () => {
    const text = withReqs(
      '  - {name: p1, path: /abs/p1, editable: true}',
      '  - {name: p2, git: "https://github.com/o/r.git", branch: main, subdirectory: pkg, extras: [a, b]}',
      '  - {name: p3, url: "https://files.example/p3-1.0.whl"}',
    );
    expect(diags(text)).toEqual([]);
    const [a, b] = reqs(text) as PypiRequirement[];
    expect(a).toMatchObject({ kind: 'pypi', name: 'p1', path: '/abs/p1', editable: true });
    expect(b).toMatchObject({ kind: 'pypi', git: 'https://github.com/o/r.git', branch: 'main', subdirectory: 'pkg', extras: ['a', 'b'] });
  });

  // Each entry is on line 3; the column is that of the key or value named by `at`.
  it.each([
    ['  - {name: p, git: "https://x/y.git", path: /abs}', 'pypi-source-conflict', 'path:'],
    ['  - {name: p, path: /abs, rev: abc}', 'git-ref-without-git', 'rev:'],
    ['  - {name: p, git: "https://x/y.git", rev: a, tag: b}', 'git-ref-conflict', 'tag:'],
    ['  - {name: p, git: "https://x/y.git", editable: true}', 'editable-without-path', 'editable:'],
    ['  - {name: p, path: rel/dir}', 'relative-path', 'rel/dir'],
    ['  - {name: p, path: "file:///abs/p"}', 'path-is-url', '"file:'],
    ['  - {name: p, path: /abs, version: "1"}', 'unknown-key', 'version:'],
  ])('%s → %s', (line, code, at) => {
    const text = withReqs(line);
    expect(diags(text)).toEqual([{ code, severity: 'error', line: 3, column: line.indexOf(at) + 1 }]);
  });
});

describe('rjsf-overrides', () => {
  const withOverrides = (...lines: string[]) => yaml('id: wf', 'requirements: []', 'workflow: []', 'rjsf-overrides:', ...lines); // sections from line 5

  it('reads the three sections and splits keys on every dot', () => {
    const text = withOverrides(
      '  properties:',
      '    Event Map.grid.x.default: 1.0',
      '  $defs:',
      '    Foo.properties.bar: [1, 2]',
      '  uiSchema:',
      '    a.ui:order: [x, y]',
    );
    expect(diags(text)).toEqual([]);
    const o = parseSpec(text).spec!.rjsfOverrides;
    expect(o.properties.map((x) => x.path)).toEqual([['Event Map', 'grid', 'x', 'default']]);
    expect(o.properties[0].value).toBeInstanceOf(PyFloat);
    expect(o.$defs.map((x) => x.path)).toEqual([['Foo', 'properties', 'bar']]);
    expect(o.uiSchema.map((x) => x.path)).toEqual([['a', 'ui:order']]);
    expect(o.uiSchema[0].range.start).toEqual({ line: 10, column: 5 });
  });

  it('rejects an unknown section and empty path segments', () => {
    const text = withOverrides(
      '  ui: {}', // 5
      '  uiSchema:', // 6
      '    a..b: 1', // 7
      '    .a: 1', // 8
    );
    expect(diags(text)).toEqual([
      { code: 'unknown-key', severity: 'error', line: 5, column: 3 },
      { code: 'invalid-override-path', severity: 'error', line: 7, column: 5 },
      { code: 'invalid-override-path', severity: 'error', line: 8, column: 5 },
    ]);
  });

  it('requires sections to be mappings', () => {
    expect(diags(withOverrides('  properties: [a]'))).toEqual([{ code: 'expected-mapping', severity: 'error', line: 5, column: 15 }]);
  });
});

describe('collecting problems', () => {
  it('reports every problem of a spec in one pass', () => {
    const text = yaml(
      'id: 1wf', // 1: invalid spec id
      'requirements:', // 2
      '  - name: pandas', // 3
      '    version: 2.13', // 4: YAML float version
      'workflow:', // 5
      '  - id: a', // 6
      '    task: add', // 7
      '    partial:', // 8
      '      n: ${{ workflow.b.return }}', // 9: defined later
      '    colour: red', // 10: unknown key
      '  - id: b', // 11
      '    task: add', // 12
      '    map:', // 13
      '      argnames: s', // 14: no argvalues
    );
    expect(diags(text)).toEqual([
      { code: 'invalid-identifier', severity: 'error', line: 1, column: 5 },
      { code: 'expected-string', severity: 'error', line: 4, column: 14 },
      { code: 'dependency-defined-later', severity: 'error', line: 9, column: 10 },
      { code: 'unknown-key', severity: 'error', line: 10, column: 5 },
      { code: 'incomplete-map', severity: 'error', line: 14, column: 7 },
    ]);
    // The model is still there for the editor.
    expect(flatInstances(parseSpec(text).spec!).map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('reports recursive aliases instead of recursing forever', () => {
    const text = yaml(
      ...HEAD,
      '  - id: t', // 4
      '    task: add', // 5
      '    partial:', // 6
      '      a: &loop [1, *loop]', // 7
      '      b: &m {k: *m}', // 8
    );
    const d = diags(text);
    expect(d.map((x) => [x.code, x.severity, x.line])).toEqual([
      ['recursive-alias', 'error', 7],
      ['recursive-alias', 'error', 8],
    ]);
  });

  it('cuts off an alias bomb with yaml-too-large', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 7; i++) levels.push(`${'abcdefg'[i]}: &${'abcdefg'[i]} [${Array(10).fill('*' + 'abcdefg'[i - 1]).join(', ')}]`);
    const text = yaml('id: wf', 'requirements: []', 'workflow:', '  - id: t', '    task: add', '    partial:', ...levels.map((l) => '      ' + l));
    const started = Date.now();
    const d = diags(text);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(d.map((x) => x.code)).toContain('yaml-too-large');
  });

  it('attaches the source name to diagnostics when given', () => {
    const { diagnostics } = parseSpec(yaml('id: wf'), 'spec');
    expect(diagnostics.every((d) => d.source === 'spec')).toBe(true);
  });
});
