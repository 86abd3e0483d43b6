import { describe, expect, it } from 'vitest';
import { registryJson } from '../../test-support/registry-builder.ts';
import { buildFormSchemas, checkSpec } from '../compiler/compile.ts';
import { loadRegistry } from './load-registry.ts';

/** Issue 8 §6: `$ref`s RJSF cannot follow are reported by core, never left to blank the page. */

const spec = (task: string) => `id: wf\nrequirements: []\nworkflow:\n  - id: t\n    task: ${task}\n  - id: ok\n    task: fine\n`;
const FINE = { fn: 'fine', properties: { n: { type: 'integer' } } };

const CASES: Array<[string, object, RegExp]> = [
  ['an unresolvable $ref', { type: 'object', additionalProperties: false, properties: { a: { $ref: '#/$defs/Missing' } }, $defs: {} }, /`#\/\$defs\/Missing` points to nothing/],
  ['a $ref cycle', { type: 'object', additionalProperties: false, properties: { a: { $ref: '#/$defs/A' } }, $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } } }, /circular reference/],
  ['a pydantic-v1 `definitions` $ref', { type: 'object', properties: { a: { $ref: '#/definitions/A' } }, definitions: { A: { type: 'string' } } }, /not a `#\/\$defs\/…` reference/],
];

describe('registry $refs a form cannot follow', () => {
  it.each(CASES)('%s: a warning at the $ref in registry.json and an error at each `task:` using it', (_, schema, words) => {
    const registry = registryJson([{ fn: 'broken', schema }, FINE]);
    const loaded = loadRegistry(registry);
    expect(loaded.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'schema-bad-ref']]);
    // At the value of a `$ref` key in registry.json.
    const at = loaded.diagnostics[0].range.start.column - 1;
    expect(registry.slice(at - '"$ref":'.length, at)).toBe('"$ref":');
    expect(loaded.diagnostics[0].message).toMatch(words);

    const r = checkSpec(spec('broken'), registry);
    expect(r.diagnostics.map((d) => [d.source ?? 'spec', d.severity, d.code, d.range.start.line])).toEqual([
      ['spec', 'error', 'schema-bad-ref', 5],
      ['registry', 'warning', 'schema-bad-ref', 1],
    ]);
    // Previews built from what resolved never contain the broken schema.
    expect(r.resolved.map((x) => x.instance.id)).toEqual(['ok']);
    const forms = buildFormSchemas(r.spec!, r.resolved, []);
    expect(forms.rjsfJsonText).not.toContain('$ref');
  });

  it('accepts a recursive model (a $ref back through properties), which forms handle', () => {
    const schema = { type: 'object', additionalProperties: false, properties: { a: { $ref: '#/$defs/Node' } }, $defs: { Node: { type: 'object', properties: { child: { anyOf: [{ $ref: '#/$defs/Node' }, { type: 'null' }] } } } } };
    const r = checkSpec(spec('broken'), registryJson([{ fn: 'broken', schema }, FINE]));
    expect(r.diagnostics).toEqual([]);
  });
});
