import { describe, expect, test } from 'vitest';
import type { RJSFSchema } from '@rjsf/utils';
import { createFormValidator, SectionsValidator } from './validator.ts';

describe('createFormValidator', () => {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      'Species Counts': {
        type: 'object',
        'ecoscope:task_group': true,
        properties: {
          t: {
            type: 'object',
            properties: {
              since: { type: 'string', format: 'date-time', 'ecoscope:advanced': true },
              pick: { type: 'string', 'ecoscope:transform': { transformer: 'EarthRangerEnumResolver', transformer_kws: { depends_on: 'x' } } },
              pair: { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'string' }], items: false },
            },
          },
        },
      },
    },
  } as unknown as RJSFSchema;

  test('ignores ecoscope:* keywords, checks formats and speaks draft 2020-12', () => {
    const v = createFormValidator();
    expect(v.validateFormData({ 'Species Counts': { t: { since: '2024-01-01T00:00:00Z', pick: 'a', pair: [1, 'x'] } } }, schema).errors).toEqual([]);
    const bad = v.validateFormData({ 'Species Counts': { t: { since: 'yesterday', pair: ['x', 'y', 'z'] } } }, schema).errors;
    expect(bad.map((e) => `${e.property} ${e.name}`).sort()).toEqual([".Species Counts.t.pair.0 type", ".Species Counts.t.pair items", ".Species Counts.t.since format"].sort());
  });
});

describe('SectionsValidator', () => {
  test('keeps its identity but starts afresh when the definitions change, so no compiled $ref goes stale', () => {
    const v = new SectionsValidator();
    const option = { $ref: '#/$defs/X' } as RJSFSchema;
    const root = (type: string) => ({ type: 'object', properties: { a: option }, $defs: { X: { type } } }) as unknown as RJSFSchema;
    v.renew('string');
    expect(v.isValid(option, 'text', root('string'))).toBe(true);
    v.renew('string');
    expect(v.validateFormData({ a: 'text' }, root('string')).errors).toEqual([]);
    v.renew('integer');
    expect(v.isValid(option, 'text', root('integer'))).toBe(false);
    expect(v.validateFormData({ a: 'text' }, root('integer')).errors.map((e) => e.property)).toEqual(['.a']);
  });
});
