import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../util/diagnostics.ts';
import { buildFormSchemas, checkSpec, compileWorkflow } from './compile.ts';

/**
 * Issue 8 §6: the whole check path (spec reader, registry reader, task checks, params.json and
 * rjsf.json) on odd specs and odd registries never throws and never shows an internal error
 * ("Maximum call stack size exceeded", "Cannot read properties of null") as a diagnostic.
 */

const INTERNAL = /Maximum call stack|Cannot read propert|is not a function|is not iterable|undefined is not|null is not|Invalid array length|out of memory/i;

function expectExplained(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(d.message, `${d.code} at ${d.range.start.line}:${d.range.start.column}`).not.toMatch(INTERNAL);
    expect(d.message).not.toMatch(/reader failed/);
  }
}

/** A value nested `depth` levels deep, in lists or maps. */
const deep = fc.tuple(fc.integer({ min: 1, max: 130 }), fc.boolean()).map(([depth, lists]) => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = lists ? [v] : { k: v };
  return v;
});
const oddScalar = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1.5, '', '${{ workflow.a.return }}', '${{ env.X }}', '${{ nope }}', 'C:\\Users\\x', '\\u', '#/$defs/A', '__proto__', 'constructor'),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, oddScalar, deep, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', '$ref', 'properties', 'type', 'n'), tie('v'), { maxKeys: 3 })),
})).v;

const taskName = fc.constantFrom('add', 'fine', 'broken', 'mod.add', 'demo.tasks.add', 'nope', '', 'odd');
const instance = fc.record(
  {
    id: fc.constantFrom('a', 'b', 'add', 'ｔａｓｋ', 'x'.repeat(40), 'c', 'wf'),
    task: taskName,
    partial: fc.dictionary(fc.constantFrom('n', 'a', 'text', 'filename', '1x'), value, { maxKeys: 3 }),
    mapvalues: fc.record({ argnames: fc.constantFrom('n', ['n', 'a'], 'text'), argvalues: fc.constantFrom('${{ workflow.a.return }}', ['${{ workflow.b.return }}'], 'x') }),
    skipif: fc.record({ conditions: fc.array(taskName, { maxLength: 2 }) }),
  },
  { requiredKeys: ['id', 'task'] },
);
const group = fc.record({ type: fc.constant('task-group'), title: fc.constantFrom('G', 'a', ''), description: fc.constant('d'), tasks: fc.array(instance, { maxLength: 3 }) });
const spec = fc.record(
  {
    id: fc.constantFrom('wf', 'a', ''),
    requirements: fc.constantFrom([], null, [{ name: 'x', version: '1', channel: 'conda-forge' }]),
    workflow: fc.array(fc.oneof(instance, group), { maxLength: 5 }),
    'rjsf-overrides': fc.record({ properties: fc.dictionary(fc.constantFrom('a', 'a.b', 'G.a.properties.n', 'x..y'), value, { maxKeys: 2 }) }),
  },
  { requiredKeys: ['workflow'] },
);

/** json_schema shapes a broken or hostile registry may hold. */
const oddSchema = fc.oneof(
  value,
  fc.record({
    type: fc.constantFrom('object', 'array', 5),
    additionalProperties: fc.constantFrom(false, true, {}),
    properties: fc.oneof(fc.constant(null), fc.constant([]), fc.dictionary(fc.constantFrom('n', 'a', 'return', 'text'), value, { maxKeys: 3 })),
    required: fc.oneof(fc.constant('n'), fc.array(fc.constantFrom('n', 'a', 5), { maxLength: 2 })),
    $defs: fc.oneof(fc.constant([]), fc.dictionary(fc.constantFrom('A', 'B'), fc.oneof(value, fc.record({ $ref: fc.constantFrom('#/$defs/A', '#/$defs/B', '#/x', 'http://e') })), { maxKeys: 2 })),
  }),
);
const entry = (fn: string) =>
  fc.record({
    metadata: fc.oneof(fc.constant(undefined), value, fc.record({ title: fc.constant(fn), description: fc.oneof(fc.constant(null), fc.string(), fc.constant(5)), tags: fc.constantFrom([], ['io'], 'io'), deprecated: fc.boolean() })),
    module_path: fc.constantFrom('mod', 'demo.tasks', ''),
    public_module_path: fc.constantFrom('mod', 'demo.tasks'),
    function_name: fc.constant(fn),
    json_schema: oddSchema,
  });
const registry = fc
  .tuple(entry('add'), entry('fine'), entry('broken'), entry('add'), fc.constantFrom('\ufeff', ''))
  .map(([a, f, b, a2, bom]) => bom + JSON.stringify({ version: '1.0.0', entries: { 'mod.add': a, 'demo.tasks.fine': f, 'demo.tasks.broken': b, 'demo.tasks.add': a2 } }));

describe('the whole check path on odd specs and odd registries', () => {
  it('never throws and never reports an internal error', () => {
    fc.assert(
      fc.property(spec, registry, (s, reg) => {
        const text = JSON.stringify(s, null, 1); // JSON is YAML flow syntax: block-free but every shape
        const checked = checkSpec(text, reg);
        expectExplained(checked.diagnostics);
        if (checked.spec) {
          const forms: Diagnostic[] = [];
          buildFormSchemas(checked.spec, checked.resolved, forms);
          expectExplained(forms);
        }
        expectExplained(compileWorkflow(text, reg).diagnostics);
      }),
      { numRuns: 150 },
    );
  });

  it('never reports an internal error on token soup', () => {
    const tok = fc.constantFrom(':', '-', ' ', '  ', '\n', '\t', '{', '}', '[', ']', '"', "'", '&a', '*a', '!!str', '!', '#', '|', '>', '%YAML 1.2', '%TAG', '---', '...', ',', '?', 'id', 'task', 'workflow', 'partial', 'add', 'x', '0', '\\', '\\u', '<<', '@', '\r', '\u2028', '\ufeff', '~');
    const registry = '{"version": "1.0.0", "entries": {}}';
    fc.assert(
      fc.property(fc.array(tok, { maxLength: 30 }), (parts) => expectExplained(checkSpec(parts.join(''), registry).diagnostics)),
      { numRuns: 3000 },
    );
  });

  it('handles values nested past every limit without a stack overflow', () => {
    for (const depth of [99, 101, 3000, 20_000]) {
      const text = `id: wf\nrequirements: []\nworkflow:\n  - id: a\n    task: add\n    partial:\n      n: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
      const r = checkSpec(text, '{"version": "1.0.0", "entries": {}}');
      expectExplained(r.diagnostics);
      if (depth > 100) expect(r.diagnostics.find((d) => d.code === 'yaml-too-deep')?.range.start.line).toBe(7);
    }
  });
});
