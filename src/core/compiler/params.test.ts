import { describe, expect, it } from 'vitest';
import { hasReference, readReference, skipReason } from '../../test-support/reference.ts';
import { registryJson } from '../../test-support/registry-builder.ts';
import { loadRegistry, RegistryIndex } from '../registry/index.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import { toPlain, type JsonObject } from '../util/json-value.ts';
import { compileWorkflow, checkSpec, type CompileResult } from './compile.ts';
import { paramsHashInput, paramsSha256 } from './params-hash.ts';

const yaml = (...lines: string[]) => lines.join('\n') + '\n';
type Brief = { code: string; severity: string; line: number; column: number };
const brief = (d: Diagnostic): Brief => ({ code: d.code, severity: d.severity, line: d.range.start.line, column: d.range.start.column });

/** The expected file text for a plain (ASCII, no floats) JSON value: Python's indent=2 layout equals JSON.stringify's. */
const pyFile = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

function compiled(spec: string, registry: string | RegistryIndex): Required<Pick<CompileResult, 'schemas'>> & CompileResult {
  const r = compileWorkflow(spec, registry);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(r.schemas).toBeDefined();
  return r as Required<Pick<CompileResult, 'schemas'>> & CompileResult;
}

// ---------------------------------------------------------------------------------------------
// The worked example of wt-compiler.md §3, written out by hand from the reference text.

const DOCS = 'wt-examples/docs-custom-tasks';
const docs = (...p: string[]) => readReference(DOCS, ...p);
const haveDocs = hasReference(DOCS, 'registry.json');
const docsSkip = skipReason(DOCS, 'registry.json');

const ADD_ONLY_PARAMS = `{
  "properties": {
    "total": {
      "additionalProperties": false,
      "properties": {
        "a": {
          "title": "A",
          "type": "integer"
        },
        "b": {
          "title": "B",
          "type": "integer"
        }
      },
      "required": [
        "a",
        "b"
      ],
      "type": "object",
      "description": "Add two integers.",
      "title": "Add Two Numbers"
    }
  },
  "$defs": {},
  "uiSchema": {
    "total": {
      "ui:order": [
        "a",
        "b"
      ]
    },
    "ui:order": [
      "total"
    ]
  },
  "additionalProperties": false
}
`;

const NOTHING_CONFIGURABLE = `{
  "properties": {},
  "$defs": {},
  "uiSchema": {
    "ui:order": []
  },
  "additionalProperties": false
}
`;

describe('worked example (docs-custom-tasks, wt-compiler.md §3)', () => {
  it.skipIf(!haveDocs).each(['single-task', 'chaining-tasks'])(`%s: only \`total\` is configurable${docsSkip}`, (name) => {
    const r = compiled(docs(name, 'spec.yaml'), docs('registry.json'));
    expect(r.schemas.paramsJsonText).toBe(ADD_ONLY_PARAMS);
    // No groups and no overrides: rjsf.json carries the same data.
    expect(r.schemas.rjsfJsonText).toBe(ADD_ONLY_PARAMS);
  });

  it.skipIf(!haveDocs).each(['chaining-with-partial', 'map'])(`%s: nothing is configurable${docsSkip}`, (name) => {
    const r = compiled(docs(name, 'spec.yaml'), docs('registry.json'));
    expect(r.schemas.paramsJsonText).toBe(NOTHING_CONFIGURABLE);
    expect(r.schemas.rjsfJsonText).toBe(NOTHING_CONFIGURABLE);
  });

  it.skipIf(!haveDocs)(`leaves out \`doubled\`, whose only argument is bound${docsSkip}`, () => {
    const r = compiled(docs('chaining-tasks', 'spec.yaml'), docs('registry.json'));
    expect([...(r.schemas.paramsJson.get('properties') as JsonObject).keys()]).toEqual(['total']);
  });

  it.skipIf(!haveDocs)(`names the package from the spec id${docsSkip}`, () => {
    const r = compiled(docs('single-task', 'spec.yaml'), docs('registry.json'));
    expect(r.releaseName).toBe('wt-add-two-numbers-workflow');
    expect(r.packageName).toBe('wt_add_two_numbers_workflow');
    const eco = compileWorkflow(docs('single-task', 'spec.yaml'), docs('registry.json'), { pkgNamePrefix: 'ecoscope-workflows' });
    expect(eco.releaseName).toBe('ecoscope-workflows-add-two-numbers-workflow');
  });

  it.skipIf(!haveDocs)(`params_sha256 is the sha256 of the cleaned, sorted dump${docsSkip}`, async () => {
    const r = compiled(docs('single-task', 'spec.yaml'), docs('registry.json'));
    // Computed with python3: json.dumps(clean(params), sort_keys=True) where clean() drops
    // title/description/default/uiSchema keys at any depth, then hashlib.sha256(...).hexdigest().
    expect(paramsHashInput(r.schemas.paramsJson)).toBe(
      '{"$defs": {}, "additionalProperties": false, "properties": {"total": {"additionalProperties": false, "properties": {"a": {"type": "integer"}, "b": {"type": "integer"}}, "required": ["a", "b"], "type": "object"}}}',
    );
    expect(await paramsSha256(r.schemas.paramsJson)).toBe('452e9f68b545b5fef78e87a8e92ead7e218f7810ed0c1b48f02f0d9496127371');
    const empty = compiled(docs('map', 'spec.yaml'), docs('registry.json'));
    expect(await paramsSha256(empty.schemas.paramsJson)).toBe('e7c328ba8623f136518b64473cf23d2bb9c76892a5d9f3f746707bdc00b17af5');
  });
});

// ---------------------------------------------------------------------------------------------
// A hand-made registry exercising the schema rules.

const prop = (title: string, type: string) => ({ title, type });
const ENTRIES: Record<string, { description: string | null; schema: object }> = {
  add: {
    description: 'Add two integers.',
    schema: { additionalProperties: false, properties: { a: prop('A', 'integer'), b: prop('B', 'integer') }, required: ['a', 'b'], type: 'object' },
  },
  one: {
    description: null,
    schema: { additionalProperties: false, properties: { x: prop('X', 'string') }, required: ['x'], type: 'object' },
  },
  described: {
    description: 'Registry description.',
    schema: { additionalProperties: false, description: 'Own description.', properties: { x: prop('X', 'string') }, required: ['x'], type: 'object' },
  },
  noreq: {
    description: 'No required list.',
    schema: { additionalProperties: false, properties: { p: { default: 'd', title: 'P', type: 'string' }, q: { default: 1, title: 'Q', type: 'integer' } }, type: 'object' },
  },
  withdefs: {
    description: null,
    schema: {
      $defs: {
        A: { properties: { inner: { $ref: '#/$defs/B' } }, title: 'A', type: 'object' },
        B: { properties: { deep: { anyOf: [{ items: { $ref: '#/$defs/D' }, type: 'array' }, { type: 'null' }] } }, title: 'B', type: 'object' },
        C: { title: 'C', type: 'string' },
        D: { enum: ['x', 'y'], title: 'D', type: 'string' },
        Unused: { title: 'Unused', type: 'string' },
      },
      additionalProperties: false,
      properties: { first: { $ref: '#/$defs/A' }, bound: { $ref: '#/$defs/C' } },
      required: ['first', 'bound'],
      type: 'object',
    },
  },
  noargs: { description: 'Nothing to configure.', schema: { additionalProperties: false, properties: {}, type: 'object' } },
};

const REGISTRY_TEXT = registryJson(
  Object.entries(ENTRIES).map(([fn, e]) => ({ fn, module: 'lib.tasks', publicModule: 'lib', description: e.description, schema: e.schema })),
);
const INDEX = new RegistryIndex(loadRegistry(REGISTRY_TEXT).registry!);
const HEAD = ['id: wf', 'requirements: []', 'workflow:'];
const props = (r: { schemas: { paramsJson: JsonObject } }) => toPlain(r.schemas.paramsJson.get('properties')!) as Record<string, Record<string, unknown>>;

describe('per-instance schema', () => {
  it('keeps the schema description and does not append the registry one', () => {
    const r = compiled(yaml(...HEAD, '  - id: d', '    name: D', '    task: described'), INDEX);
    const d = props(r).d;
    expect(d.description).toBe('Own description.');
    expect(Object.keys(d)).toEqual(['additionalProperties', 'description', 'properties', 'required', 'type', 'title']);
  });

  it('appends no description when the registry has none', () => {
    const r = compiled(yaml(...HEAD, '  - id: o', '    task: one'), INDEX);
    expect(Object.keys(props(r).o)).toEqual(['additionalProperties', 'properties', 'required', 'type', 'title']);
    expect(props(r).o.title).toBe('');
  });

  it('appends `required: []` after the description when the schema has no required list', () => {
    const r = compiled(yaml(...HEAD, '  - id: n', '    name: N', '    task: noreq'), INDEX);
    expect(r.schemas.paramsJsonText).toBe(
      pyFile({
        properties: {
          n: {
            additionalProperties: false,
            properties: { p: { default: 'd', title: 'P', type: 'string' }, q: { default: 1, title: 'Q', type: 'integer' } },
            type: 'object',
            description: 'No required list.',
            required: [],
            title: 'N',
          },
        },
        $defs: {},
        uiSchema: { n: { 'ui:order': ['p', 'q'] }, 'ui:order': ['n'] },
        additionalProperties: false,
      }),
    );
  });

  it('drops bound arguments from properties and required, keeping order', () => {
    const r = compiled(yaml(...HEAD, '  - id: t', '    task: add', '    partial:', '      a: 1'), INDEX);
    expect(props(r).t.properties).toEqual({ b: { title: 'B', type: 'integer' } });
    expect(props(r).t.required).toEqual(['b']);
  });

  it('writes a per-task ui:order only with more than one property', () => {
    const r = compiled(yaml(...HEAD, '  - id: t', '    task: add', '  - id: o', '    task: one'), INDEX);
    expect(toPlain(r.schemas.paramsJson.get('uiSchema')!)).toEqual({ t: { 'ui:order': ['a', 'b'] }, 'ui:order': ['t', 'o'] });
    expect(Object.keys(toPlain(r.schemas.paramsJson.get('uiSchema')!) as object)).toEqual(['t', 'ui:order']);
  });

  it('leaves out an instance whose task has no arguments at all', () => {
    const r = compiled(yaml(...HEAD, '  - id: z', '    task: noargs', '  - id: o', '    task: one'), INDEX);
    expect(Object.keys(props(r))).toEqual(['o']);
  });

  it('gives a task used twice independent schemas', () => {
    const text = yaml(
      ...HEAD,
      '  - id: x1',
      '    name: First',
      '    task: add',
      '    partial: {a: 1}',
      '  - id: x2',
      '    name: Second',
      '    task: add',
      '    partial: {b: 2}',
      'rjsf-overrides:',
      '  properties:',
      '    x1.properties.b.default: 7',
    );
    const r = compiled(text, INDEX);
    const p = props(r);
    expect(p.x1).toMatchObject({ properties: { b: { title: 'B', type: 'integer' } }, required: ['b'], title: 'First' });
    expect(p.x2).toMatchObject({ properties: { a: { title: 'A', type: 'integer' } }, required: ['a'], title: 'Second' });
    const rjsf = toPlain(r.schemas.rjsfJson.get('properties')!) as Record<string, Record<string, Record<string, object>>>;
    expect(rjsf.x1.properties.b).toEqual({ title: 'B', type: 'integer', default: 7 });
    // The registry schema itself is untouched: compiling again gives the same text, and x2 has no default.
    expect(compiled(text, INDEX).schemas.rjsfJsonText).toBe(r.schemas.rjsfJsonText);
    expect(compiled(yaml(...HEAD, '  - id: y', '    task: add'), INDEX).schemas.paramsJsonText).not.toContain('default');
  });
});

describe('$defs', () => {
  it('keeps only defs reachable from the remaining properties, transitively through nested defs', () => {
    const r = compiled(yaml(...HEAD, '  - id: w', '    task: withdefs', '    partial:', '      bound: x'), INDEX);
    const defs = toPlain(r.schemas.paramsJson.get('$defs')!) as Record<string, unknown>;
    // A is used by `first`; B by A.properties.inner; D only inside B's anyOf items. C was used by the bound arg only.
    expect(Object.keys(defs)).toEqual(['A', 'B', 'D']);
    expect(props(r).w).not.toHaveProperty('$defs');
    expect(toPlain(r.schemas.rjsfJson.get('$defs')!)).toEqual(defs);
  });

  it('keeps the def of an unbound argument', () => {
    const r = compiled(yaml(...HEAD, '  - id: w', '    task: withdefs'), INDEX);
    expect(Object.keys(toPlain(r.schemas.paramsJson.get('$defs')!) as object)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('contributes no defs from an instance that is left out', () => {
    const r = compiled(yaml(...HEAD, '  - id: w', '    task: withdefs', '    partial: {bound: x, first: {}}'), INDEX);
    expect(toPlain(r.schemas.paramsJson.get('$defs')!)).toEqual({});
  });
});

describe('task groups in rjsf.json', () => {
  const text = yaml(
    ...HEAD,
    '  - id: top',
    '    name: Top',
    '    task: add',
    '  - type: task-group',
    '    title: Group One',
    '    description: First group',
    '    tasks:',
    '      - id: g1',
    '        task: add',
    '      - id: g2',
    '        task: one',
    '      - id: g3',
    '        task: add',
    '        partial: {a: 1, b: 2}',
    '  - type: task-group',
    '    title: Solo Group',
    '    description: only one member with properties',
    '    tasks:',
    '      - id: s1',
    '        task: add',
    '        partial: {a: 1, b: 2}',
    '      - id: s2',
    '        task: add',
    '      - id: s3',
    '        task: one',
    '        partial: {x: v}',
    '  - type: task-group',
    '    title: Empty Group',
    '    description: nothing configurable',
    '    tasks:',
    '      - id: e1',
    '        task: one',
    '        partial: {x: v}',
  );
  const addSchema = (title: string) => ({
    additionalProperties: false,
    properties: { a: { title: 'A', type: 'integer' }, b: { title: 'B', type: 'integer' } },
    required: ['a', 'b'],
    type: 'object',
    description: 'Add two integers.',
    title,
  });
  const oneSchema = { additionalProperties: false, properties: { x: { title: 'X', type: 'string' } }, required: ['x'], type: 'object', title: '' };

  it('nests members under group titles; ui:order counts only members with properties', () => {
    const r = compiled(text, INDEX);
    expect(r.schemas.rjsfJsonText).toBe(
      pyFile({
        properties: {
          top: addSchema('Top'),
          'Group One': { type: 'object', description: 'First group', 'ecoscope:task_group': true, properties: { g1: addSchema(''), g2: oneSchema } },
          'Solo Group': { type: 'object', description: 'only one member with properties', 'ecoscope:task_group': true, properties: { s2: addSchema('') } },
        },
        $defs: {},
        uiSchema: {
          top: { 'ui:order': ['a', 'b'] },
          'Group One': { 'ui:order': ['g1', 'g2'], g1: { 'ui:order': ['a', 'b'] } },
          'Solo Group': { s2: { 'ui:order': ['a', 'b'] } },
          'ui:order': ['top', 'Group One', 'Solo Group'],
        },
        additionalProperties: false,
      }),
    );
  });

  it('keeps params.json flat', () => {
    const r = compiled(text, INDEX);
    expect(r.schemas.paramsJsonText).toBe(
      pyFile({
        properties: { top: addSchema('Top'), g1: addSchema(''), g2: oneSchema, s2: addSchema('') },
        $defs: {},
        uiSchema: { top: { 'ui:order': ['a', 'b'] }, g1: { 'ui:order': ['a', 'b'] }, s2: { 'ui:order': ['a', 'b'] }, 'ui:order': ['top', 'g1', 'g2', 's2'] },
        additionalProperties: false,
      }),
    );
  });
});

describe('rjsf-overrides', () => {
  const base = [
    ...HEAD,
    '  - id: top', // 4
    '    task: add', // 5
    '  - type: task-group', // 6
    '    title: Group One', // 7
    '    description: d', // 8
    '    tasks:', // 9
    '      - id: g1', // 10
    '        task: add', // 11
    '      - id: g2', // 12
    '        task: one', // 13
    'rjsf-overrides:', // 14
  ];

  it('splits keys on every dot, replaces the target, creates missing dicts, and only touches rjsf.json', () => {
    const text = yaml(
      ...base,
      '  properties:',
      '    Group One.properties.g1.properties.a.default: 5',
      '    top.properties.b: {type: string}',
      '  uiSchema:',
      '    Group One.g2.ui:widget: textarea',
      '    top.ui:order: [b, a]',
    );
    const r = compiled(text, INDEX);
    expect(r.diagnostics).toEqual([]);
    const rjsf = toPlain(r.schemas.rjsfJson) as any;
    expect(rjsf.properties['Group One'].properties.g1.properties.a).toEqual({ title: 'A', type: 'integer', default: 5 });
    // Replace, not merge: `title` of b is gone.
    expect(rjsf.properties.top.properties.b).toEqual({ type: 'string' });
    expect(rjsf.uiSchema['Group One']).toEqual({ 'ui:order': ['g1', 'g2'], g1: { 'ui:order': ['a', 'b'] }, g2: { 'ui:widget': 'textarea' } });
    expect(Object.keys(rjsf.uiSchema['Group One'])).toEqual(['ui:order', 'g1', 'g2']);
    expect(rjsf.uiSchema.top).toEqual({ 'ui:order': ['b', 'a'] });
    // params.json never sees overrides.
    const params = toPlain(r.schemas.paramsJson) as any;
    expect(params.properties.top.properties.b).toEqual({ title: 'B', type: 'integer' });
    expect(params.properties.g1.properties.a).toEqual({ title: 'A', type: 'integer' });
    expect(params.uiSchema.top).toEqual({ 'ui:order': ['a', 'b'] });
  });

  it('puts new top-level uiSchema keys after ui:order and warns when the target does not exist', () => {
    const text = yaml(...base, '  uiSchema:', '    tpo.ui:widget: hidden'); // line 16
    const r = compiled(text, INDEX);
    expect(r.diagnostics.map(brief)).toEqual([{ code: 'override-target-missing', severity: 'warning', line: 16, column: 5 }]);
    expect(Object.keys(toPlain(r.schemas.rjsfJson.get('uiSchema')!) as object)).toEqual(['top', 'Group One', 'ui:order', 'tpo']);
  });

  it('applies $defs overrides to the global $defs', () => {
    const text = yaml(...HEAD, '  - id: w', '    task: withdefs', 'rjsf-overrides:', '  $defs:', '    D.enum: [z]', '    A.properties.inner.title: Inner');
    const r = compiled(text, INDEX);
    const defs = toPlain(r.schemas.rjsfJson.get('$defs')!) as any;
    expect(defs.D).toEqual({ enum: ['z'], title: 'D', type: 'string' });
    expect(defs.A.properties.inner).toEqual({ $ref: '#/$defs/B', title: 'Inner' });
    expect((toPlain(r.schemas.paramsJson.get('$defs')!) as any).D.enum).toEqual(['x', 'y']);
  });

  it('reports an override through a list as an error and produces no schemas', () => {
    const text = yaml(...base, '  properties:', '    top.required.0: a'); // line 16
    const r = compileWorkflow(text, INDEX);
    expect(r.diagnostics.map(brief)).toEqual([{ code: 'override-through-non-object', severity: 'error', line: 16, column: 5 }]);
    expect(r.diagnostics[0].message).toContain('`top.required`');
    expect(r.schemas).toBeUndefined();
  });
});

describe('task diagnostics', () => {
  it('rejects an instance id that shadows a registered task, at the id', () => {
    const r = compileWorkflow(yaml(...HEAD, '  - id: add', '    task: add'), INDEX);
    expect(r.diagnostics.map(brief)).toEqual([{ code: 'id-shadows-task', severity: 'error', line: 4, column: 9 }]);
    expect(r.schemas).toBeUndefined();
  });

  it('reports an unknown task at its `task:` value with a suggestion', () => {
    const r = compileWorkflow(yaml(...HEAD, '  - id: t', '    task: ad'), INDEX);
    expect(r.diagnostics.map(brief)).toEqual([{ code: 'unknown-task', severity: 'error', line: 5, column: 11 }]);
    expect(r.diagnostics[0].message).toContain('did you mean `add`');
  });

  it('reports an unknown skip condition once even when it comes from the defaults', () => {
    const text = yaml(
      'id: wf',
      'requirements: []',
      'task-instance-defaults:',
      '  skipif:',
      '    conditions: [nevr]', // 5
      'workflow:',
      '  - id: t',
      '    task: add',
      '  - id: u',
      '    task: one',
    );
    const r = checkSpec(text, INDEX);
    expect(r.diagnostics.map(brief)).toEqual([{ code: 'unknown-task', severity: 'error', line: 5, column: 18 }]);
  });

  it('notes (information only) a partial argument absent from the schema: Field(exclude=True) parameters are never listed', () => {
    const r = compileWorkflow(yaml(...HEAD, '  - id: t', '    task: add', '    partial:', '      c: 1'), INDEX);
    expect(r.diagnostics.map(brief)).toEqual([{ code: 'partial-argument-not-in-schema', severity: 'info', line: 7, column: 7 }]);
    expect(r.schemas).toBeDefined();
  });

  it('warns about a map argname the task does not have', () => {
    const text = yaml(...HEAD, '  - id: t', '    task: add', '  - id: u', '    task: add', '    map:', '      argnames: c', '      argvalues: ${{ workflow.t.return }}');
    const r = compileWorkflow(text, INDEX);
    expect(r.diagnostics.map(brief)).toEqual([{ code: 'unknown-argument', severity: 'warning', line: 9, column: 7 }]);
  });

  it('collects spec and task problems together, sorted by position', () => {
    const text = yaml(...HEAD, '  - id: add', '    task: add', '  - id: b', '    task: nope', '    partial:', '      x: ${{ workflow.c.return }}');
    expect(checkSpec(text, INDEX).diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ['id-shadows-task', 4],
      ['unknown-task', 7],
      ['unknown-dependency', 9],
    ]);
  });

  it('reports registry problems with source `registry`', () => {
    const r = checkSpec(yaml(...HEAD, '  - id: t', '    task: add'), '{"entries": {}');
    expect(r.diagnostics.map((d) => [d.code, d.source])).toEqual([['json-syntax', 'registry']]);
  });
});
