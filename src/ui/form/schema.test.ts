import { describe, expect, test } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import { propertyPath, errorPlace } from './ErrorList.tsx';
import { encodeSchema, encodeUiSchema, fieldId, isValidTestCaseKey, keyCodec, renameKeys, withTaskObjects, jsonEqual, nextFreeKey, parseRjsf, pruneFormData, sectionKind, taskSections, toJsonData } from './schema.ts';
import { exampleSchemas } from './test-fixtures.ts';

const wildlife = () => {
  const parsed = parseRjsf(exampleSchemas().rjsfJsonText);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};

describe('parseRjsf', () => {
  test('splits the uiSchema off and makes the root an object', () => {
    const { schema, uiSchema } = wildlife();
    expect(schema.type).toBe('object');
    expect('uiSchema' in schema).toBe(false);
    expect(uiSchema['ui:order']).toEqual(['time_range', 'sightings', 'by_site', 'Species Counts', 'report']);
    expect(uiSchema['Species Counts'].charts.chart_type['ui:widget']).toBe('radio');
  });
  test('reports text that is not a JSON object', () => {
    expect(parseRjsf('{')).toHaveProperty('error');
    expect(parseRjsf('[]')).toEqual({ error: 'rjsf.json is not a JSON object' });
  });
});

describe('ids and sections', () => {
  test('fieldId joins the path the way RJSF does (verbatim, which is why keyCodec renames group titles)', () => {
    expect(fieldId(['time_range', 'since'])).toBe('root_time_range_since');
    expect(fieldId(['Species Counts', 'charts'])).toBe('root_Species Counts_charts');
    expect(fieldId([])).toBe('root');
    expect(fieldId(['a', 0], 'form', '.')).toBe('form.a.0');
  });
  test('taskSections lists tasks in schema order with their group', () => {
    expect(taskSections(wildlife().schema)).toEqual([
      { id: 'time_range', path: ['time_range'] },
      { id: 'sightings', path: ['sightings'] },
      { id: 'by_site', path: ['by_site'] },
      { id: 'counts', group: 'Species Counts', path: ['Species Counts', 'counts'] },
      { id: 'charts', group: 'Species Counts', path: ['Species Counts', 'charts'] },
      { id: 'report', path: ['report'] },
    ]);
  });
  test('sectionKind tells groups, tasks and nested settings apart', () => {
    const { schema } = wildlife();
    expect(sectionKind(schema, ['Species Counts'])).toEqual({ kind: 'group', group: 'Species Counts' });
    expect(sectionKind(schema, ['Species Counts', 'charts'])).toEqual({ kind: 'task', id: 'charts', group: 'Species Counts' });
    expect(sectionKind(schema, ['sightings'])).toEqual({ kind: 'task', id: 'sightings' });
    expect(sectionKind(schema, ['sightings', 'page_size'])).toBeUndefined();
    expect(sectionKind(schema, [])).toBeUndefined();
    expect(sectionKind(schema, ['nope'])).toBeUndefined();
  });
});

describe('pruneFormData', () => {
  const schema = (): RJSFSchema => wildlife().schema;

  test('keeps data that fits, in schema order, and drops unknown tasks and settings', () => {
    const data = {
      report: { report_title: 'R' },
      gone: { x: 1 },
      sightings: { page_size: 20, removed_arg: true },
      'Species Counts': { charts: { chart_type: 'pie' } },
    };
    const out = pruneFormData(data, schema());
    expect(out).toEqual({ sightings: { page_size: 20 }, 'Species Counts': { charts: { chart_type: 'pie' } }, report: { report_title: 'R' } });
    expect(Object.keys(out)).toEqual(['sightings', 'Species Counts', 'report']);
  });

  test('drops values whose type, enum or const no longer fit, so their defaults return', () => {
    const out = pruneFormData({ sightings: { page_size: 'many' }, 'Species Counts': { charts: { chart_type: 'line', opacity: 0.5 }, counts: { normalise: 'yes' } } }, schema());
    expect(out).toEqual({ sightings: {}, 'Species Counts': { charts: { opacity: 0.5 }, counts: {} } });
    expect(pruneFormData({ sightings: { page_size: 1.5 } }, schema())).toEqual({ sightings: {} });
  });

  test('moves a task into, out of and between groups with its settings', () => {
    const grouped = exampleSchemas('wildlife-counts', (s) => s.replace(/  - id: report\n[\s\S]*$/, `  - title: Output\n    type: task-group\n    description: Where the report goes.\n    tasks:\n      - id: report\n        name: Report\n        task: gather_report\n        partial:\n          pages: \${{ workflow.pages.return }}\n`));
    const moved = parseRjsf(grouped.rjsfJsonText) as { schema: RJSFSchema };
    expect(pruneFormData({ report: { report_title: 'R' } }, moved.schema)).toEqual({ Output: { report: { report_title: 'R' } } });
    // …and back out again, and between groups.
    expect(pruneFormData({ Output: { report: { report_title: 'R' } } }, schema())).toEqual({ report: { report_title: 'R' } });
    expect(pruneFormData({ 'Old Group': { counts: { species_column: 'sp' } } }, schema())).toEqual({ 'Species Counts': { counts: { species_column: 'sp' } } });
  });

  test('non-objects become an empty form', () => {
    expect(pruneFormData(undefined, schema())).toEqual({});
    expect(pruneFormData([1], schema())).toEqual({});
  });

  test('resolves local $refs, unions and arrays', () => {
    const s = {
      type: 'object',
      properties: {
        t: {
          type: 'object',
          additionalProperties: false,
          properties: {
            mode: { $ref: '#/$defs/Mode' },
            either: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
            tags: { type: 'array', items: { type: 'string' } },
          },
        },
      },
      $defs: { Mode: { enum: ['a', 'b'], type: 'string' } },
    } as RJSFSchema;
    expect(pruneFormData({ t: { mode: 'a', either: null, tags: ['x', 2, 'y'], junk: 1 } }, s)).toEqual({ t: { mode: 'a', either: null, tags: ['x', 'y'] } });
    expect(pruneFormData({ t: { mode: 'c', either: 'str' } }, s)).toEqual({ t: {} });
  });
});

describe('keyCodec', () => {
  test('renames top-level keys that would make ids with spaces, keeping their title', () => {
    const { schema, uiSchema } = wildlife();
    const codec = keyCodec(schema);
    expect([...codec.toForm]).toEqual([['Species Counts', 'Species-Counts']]);
    const encoded = encodeSchema(schema, codec);
    expect(Object.keys(encoded.properties ?? {})).toEqual(['time_range', 'sightings', 'by_site', 'Species-Counts', 'report']);
    expect((encoded.properties?.['Species-Counts'] as RJSFSchema).title).toBe('Species Counts');
    const ui = encodeUiSchema(uiSchema, codec);
    expect(ui['ui:order']).toEqual(['time_range', 'sightings', 'by_site', 'Species-Counts', 'report']);
    expect(ui['Species-Counts'].charts.chart_type['ui:widget']).toBe('radio');
    const data = { sightings: { page_size: 1 }, 'Species Counts': { counts: {} } };
    expect(renameKeys(renameKeys(data, codec.toForm), codec.fromForm)).toEqual(data);
    expect(Object.keys(renameKeys(data, codec.toForm))).toEqual(['sightings', 'Species-Counts']);
  });
  test('keeps renamed keys unique and leaves safe schemas alone', () => {
    const schema = { type: 'object', properties: { 'a b': {}, 'a-b': {}, 'a  b': {}, ok: {} }, required: ['a b'] } as RJSFSchema;
    const codec = keyCodec(schema);
    expect([...codec.toForm]).toEqual([['a b', 'a-b-2'], ['a  b', 'a-b-3']]);
    expect(encodeSchema(schema, codec).required).toEqual(['a-b-2']);
    const safe = { type: 'object', properties: { x: {} } } as RJSFSchema;
    expect(encodeSchema(safe, keyCodec(safe))).toBe(safe);
  });
});

describe('withTaskObjects', () => {
  test('adds an empty object for each missing task, keeping what is there', () => {
    const { schema } = wildlife();
    expect(withTaskObjects({ sightings: { page_size: 3 }, 'Species Counts': { charts: { opacity: 1 } } }, schema)).toEqual({
      sightings: { page_size: 3 },
      'Species Counts': { charts: { opacity: 1 }, counts: {} },
      time_range: {},
      by_site: {},
      report: {},
    });
  });
});

describe('small helpers', () => {
  test('nextFreeKey', () => {
    expect(nextFreeKey([])).toBe('case_1');
    expect(nextFreeKey(['case_1', 'case_3'])).toBe('case_2');
    expect(nextFreeKey(['case_1', 'case_2'])).toBe('case_3');
  });
  test('isValidTestCaseKey', () => {
    for (const k of ['case_1', 'Baseline', '_x', 'a-b']) expect(isValidTestCaseKey(k), k).toBe(true);
    for (const k of ['', '1case', 'a b', 'a:b', 'yes', 'null', 'True', 'ü']) expect(isValidTestCaseKey(k), k).toBe(false);
  });
  test('toJsonData and jsonEqual ignore undefined members', () => {
    expect(toJsonData({ a: undefined, b: [1, undefined] })).toEqual({ b: [1, null] });
    expect(jsonEqual({ a: undefined, b: 1 }, { b: 1 })).toBe(true);
    expect(jsonEqual({ b: [1, 2] }, { b: [1] })).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
  });
  test('error places from RJSF property paths', () => {
    expect(propertyPath(".sightings.page_size")).toEqual(['sightings', 'page_size']);
    expect(propertyPath("['Species Counts'].charts.opacity")).toEqual(['Species Counts', 'charts', 'opacity']);
    expect(propertyPath('.a[0].b')).toEqual(['a', '0', 'b']);
    expect(errorPlace({ property: "['Species Counts'].charts" })).toBe('Species Counts › charts');
    expect(errorPlace({})).toBe('(form)');
    expect(errorPlace({ property: '.Species-Counts.charts' }, (k) => (k === 'Species-Counts' ? 'Species Counts' : k))).toBe('Species Counts › charts');
  });
});
