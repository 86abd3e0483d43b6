import { describe, expect, it } from 'vitest';
import { generatePixiToml } from '../pixi/pixi-toml.ts';
import { specWith } from '../pixi/test-fixtures.ts';
import { PyFloat, type JsonObject, type JsonValue } from '../util/json-value.ts';
import { packageName, releaseName } from './names.ts';
import { reachableDefs } from './task-schema.ts';

/**
 * Lists that grow with the input are appended item by item: `push(...list)` passes every item as
 * a call argument and overflows the stack past about 120k items (fewer in some browsers).
 */
describe('long lists never overflow the stack', () => {
  it('walks a registry schema holding an array of 300k values', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => new PyFloat(i + 0.5));
    const schema: JsonObject = new Map<string, JsonValue>([
      ['enum', values],
      ['items', new Map([['$ref', '#/$defs/Window']])],
    ]);
    const defs: JsonObject = new Map([['Window', new Map([['type', 'object']])]]);
    expect([...reachableDefs(schema, defs)]).toEqual(['Window']);
  });

  it('reports every problem of an env-overrides file with 160k bad entries', () => {
    const entries = Array.from({ length: 160_000 }, (_, i) => `pkg-${i} = 1`);
    const text = ['[feature.default.dependencies]', ...entries, ''].join('\n');
    const spec = specWith([]);
    const release = releaseName(spec.id);
    const { diagnostics, text: pixi } = generatePixiToml({ spec, releaseName: release, packageName: packageName(release), envOverrides: { text, path: '/w/env-overrides.toml' } });
    expect(pixi).toBeUndefined();
    expect(diagnostics).toHaveLength(160_000);
    expect(diagnostics[159_999]).toMatchObject({ code: 'invalid-entry', range: { start: { line: 160_001, column: 1 } } });
  });
});
