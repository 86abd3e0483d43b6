import { describe, expect, test } from 'vitest';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { encodeSchema, encodeUiSchema, keyCodec, parseRjsf, type ParsedRjsf } from './schema.ts';
import { referencedDefinitions, splitSections } from './sections.ts';
import { exampleSchemas } from './test-fixtures.ts';

function example(edit?: (spec: string) => string) {
  const parsed = parseRjsf(exampleSchemas('wildlife-counts', edit).rjsfJsonText) as ParsedRjsf;
  const codec = keyCodec(parsed.schema);
  return { schema: encodeSchema(parsed.schema, codec), uiSchema: encodeUiSchema(parsed.uiSchema, codec), codec };
}

const withDefs = {
  type: 'object',
  additionalProperties: false,
  required: ['a'],
  properties: {
    a: { type: 'object', properties: { w: { anyOf: [{ $ref: '#/$defs/Window' }, { type: 'null' }] } } },
    b: { type: 'object', properties: { n: { type: 'integer' } } },
  },
  $defs: {
    Window: { type: 'object', properties: { g: { $ref: '#/$defs/Grouper' } } },
    Grouper: { type: 'object', properties: { index_name: { type: 'string' } } },
    Unused: { type: 'string' },
  },
} as unknown as RJSFSchema;

describe('splitSections', () => {
  test('one section per top-level key, in ui:order, each with only its own property', () => {
    const { schema, uiSchema, codec } = example();
    const split = splitSections(schema, uiSchema, codec.fromForm);
    expect(split.split).toBe(true);
    expect(split.sections.map((s) => s.id)).toEqual(['time_range', 'sightings', 'by_site', 'Species-Counts', 'report']);
    const group = split.sections[3];
    expect(Object.keys(group.schema.properties ?? {})).toEqual(['Species-Counts']);
    expect(group.schema.additionalProperties).toBe(false);
    expect(group.realKeys).toEqual({ 'Species-Counts': 'Species Counts' });
    expect(Object.keys(group.uiSchema)).toEqual(['Species-Counts']);
    expect(split.sections[0].uiSchema).toEqual({ time_range: { 'ui:order': ['since', 'until'] } });
  });

  test('a section carries the definitions it refers to (transitively), and a required key stays required', () => {
    const split = splitSections(withDefs, {} as UiSchema, new Map());
    const [a, b] = split.sections;
    expect(Object.keys(a.schema.$defs ?? {})).toEqual(['Grouper', 'Window']);
    expect(a.schema.required).toEqual(['a']);
    expect(b.schema.$defs).toEqual({});
    expect(b.schema.required).toBeUndefined();
    expect(referencedDefinitions({ $ref: '#/properties/b' }, withDefs as never)).toBeUndefined();
  });

  test('an unchanged section is the previous object; a changed one is new', () => {
    const before = example();
    const first = splitSections(before.schema, before.uiSchema, before.codec.fromForm);
    const after = example((s) => s.replace('name: Report', 'name: Final Report'));
    const second = splitSections(after.schema, after.uiSchema, after.codec.fromForm, new Map(first.sections.map((s) => [s.id, s])));
    expect(second.sections.map((s, i) => s === first.sections[i])).toEqual([true, true, true, true, false]);
    expect((second.sections[4].schema.properties?.report as { title: string }).title).toBe('Final Report');
  });

  test('a root the sections cannot express is one section holding everything; the root title is the form’s', () => {
    const root = { ...withDefs, title: 'Workflow', description: 'All of it.' } as RJSFSchema;
    expect(splitSections(root, {} as UiSchema, new Map())).toMatchObject({ split: true, title: 'Workflow', description: 'All of it.' });
    const cases: Array<[RJSFSchema, UiSchema]> = [
      [{ ...withDefs, allOf: [{ required: ['b'] }] } as RJSFSchema, {}],
      [{ ...withDefs, properties: { ...withDefs.properties, c: { $ref: '#/properties/b' } } } as RJSFSchema, {}],
      [withDefs, { 'ui:order': ['a'] }], // b is missing and there is no '*'
    ];
    for (const [schema, ui] of cases) {
      const split = splitSections(schema, ui, new Map());
      expect(split.split).toBe(false);
      expect(split.sections).toHaveLength(1);
      expect(split.sections[0].keys).toEqual(Object.keys(schema.properties ?? {}));
      expect(split.sections[0].schema.title).toBeUndefined();
    }
  });
});
