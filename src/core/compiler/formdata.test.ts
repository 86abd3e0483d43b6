import { describe, expect, it } from 'vitest';
import { loadRegistry, RegistryIndex } from '../registry/index.ts';
import { registryJson } from '../../test-support/registry-builder.ts';
import { fromPlain, toPlain, type JsonObject } from '../util/json-value.ts';
import { compileWorkflow } from './compile.ts';
import { formdataToParams, paramsToFormdata, validateAgainst, type ConversionResult } from './formdata.ts';

const yaml = (...lines: string[]) => lines.join('\n') + '\n';

const REGISTRY = registryJson([
  { fn: 'add', module: 'lib', properties: { a: { title: 'A', type: 'integer' }, b: { title: 'B', type: 'integer' } }, required: ['a', 'b'] },
  { fn: 'label', module: 'lib', properties: { x: { title: 'X', type: 'string', 'ecoscope:advanced': true } }, required: ['x'] },
  { fn: 'since', module: 'lib', properties: { when: { format: 'date-time', title: 'When', type: 'string' } }, required: ['when'] },
]);

const SPEC = yaml(
  'id: wf',
  'requirements: []',
  'workflow:',
  '  - id: top',
  '    task: add',
  '  - type: task-group',
  '    title: Group One',
  '    description: grouped',
  '    tasks:',
  '      - id: g1',
  '        task: add',
  '      - id: g2',
  '        task: label',
  '  - id: t',
  '    task: since',
  'rjsf-overrides:',
  '  properties:',
  '    top.ecoscope:transform: [{transformer: X}]',
);

const compiled = compileWorkflow(SPEC, new RegistryIndex(loadRegistry(REGISTRY).registry!));
const params = compiled.schemas!.paramsJson;
const rjsf = compiled.schemas!.rjsfJson;

const FORMDATA = { top: { a: 1, b: 2 }, 'Group One': { g1: { a: 3, b: 4 }, g2: { x: 's' } }, t: { when: '2024-05-01T12:00:00Z' } };
const PARAMS = { top: { a: 1, b: 2 }, g1: { a: 3, b: 4 }, g2: { x: 's' }, t: { when: '2024-05-01T12:00:00Z' } };

const ok = (r: ConversionResult) => {
  if (!('result' in r)) throw new Error(`validation failed: ${JSON.stringify(r.validation_errors.map((e) => e.message))}`);
  return r.result;
};
const errors = (r: ConversionResult) => {
  if (!('validation_errors' in r)) throw new Error('expected validation errors');
  return r.validation_errors.map((e) => ({ ...e, input: toPlain(e.input) }));
};

describe('formdata ↔ params', () => {
  it('compiles the fixture cleanly', () => {
    expect(compiled.diagnostics).toEqual([]);
  });

  it('flattens group sections into params', () => {
    const out = ok(formdataToParams(fromPlain(FORMDATA), params, rjsf));
    expect(toPlain(out)).toEqual(PARAMS);
    expect([...out.keys()]).toEqual(['top', 'g1', 'g2', 't']);
  });

  it('nests params under their group titles', () => {
    const out = ok(paramsToFormdata(fromPlain(PARAMS), params, rjsf));
    expect(toPlain(out)).toEqual(FORMDATA);
    expect([...out.keys()]).toEqual(['top', 'Group One', 't']);
  });

  it('round-trips', () => {
    const back = ok(paramsToFormdata(ok(formdataToParams(fromPlain(FORMDATA), params, rjsf)), params, rjsf));
    expect(toPlain(back)).toEqual(FORMDATA);
  });

  it('tolerates ecoscope:* keywords in the schemas', () => {
    expect(JSON.stringify(toPlain(rjsf))).toContain('ecoscope:transform');
    expect(JSON.stringify(toPlain(rjsf))).toContain('ecoscope:advanced');
    expect(validateAgainst(rjsf, fromPlain(FORMDATA))).toEqual([]);
  });

  it('reports validation errors as {message, path, schema_path, validator, input}, sorted by path', () => {
    const bad = { top: { a: 'x' }, 'Group One': { g1: { a: 3, b: 4 }, g2: { x: 5 } }, t: { when: '2024-05-01T12:00:00Z' } };
    const errs = errors(formdataToParams(fromPlain(bad), params, rjsf));
    expect(errs.map((e) => Object.keys(e).sort())).toEqual(Array(3).fill(['input', 'message', 'path', 'schema_path', 'validator']));
    expect(errs.map((e) => e.path)).toEqual([['Group One', 'g2', 'x'], ['top'], ['top', 'a']]);
    const [g2x, topReq, topA] = errs;
    expect(g2x).toMatchObject({ validator: 'type', input: 5, schema_path: ['properties', 'Group One', 'properties', 'g2', 'properties', 'x', 'type'] });
    expect(g2x.message).toBe("5 is not of type 'string'");
    // jsonschema's words for a missing property; the input is the object that lacks it.
    expect(topReq).toEqual({ message: "'b' is a required property", path: ['top'], schema_path: ['properties', 'top', 'required'], validator: 'required', input: { a: 'x' } });
    expect(topA).toMatchObject({ validator: 'type', input: 'x', schema_path: ['properties', 'top', 'properties', 'a', 'type'] });
    // Values are quoted the way Python's jsonschema does (repr), not as JSON.
    expect(topA.message).toBe("'x' is not of type 'integer'");
  });

  it('rejects an unknown top-level key', () => {
    const errs = errors(formdataToParams(fromPlain({ ...FORMDATA, bogus: 1 }), params, rjsf));
    expect(errs).toEqual([
      {
        message: "Additional properties are not allowed ('bogus' was unexpected)",
        path: [],
        schema_path: ['additionalProperties'],
        validator: 'additionalProperties',
        input: { ...FORMDATA, bogus: 1 },
      },
    ]);
    const fromParams = errors(paramsToFormdata(fromPlain({ ...PARAMS, g3: {} }), params, rjsf));
    expect(fromParams.map((e) => [e.validator, e.message])).toEqual([['additionalProperties', "Additional properties are not allowed ('g3' was unexpected)"]]);
  });

  it('rejects a params key that belongs to no task', () => {
    const errs = errors(paramsToFormdata(fromPlain({ ...PARAMS, 'Group One': {} }), params, rjsf));
    expect(errs.map((e) => e.path)).toEqual([[]]);
  });

  it('checks date-time formats', () => {
    const errs = errors(paramsToFormdata(fromPlain({ ...PARAMS, t: { when: 'yesterday' } }), params, rjsf));
    expect(errs).toEqual([
      expect.objectContaining({ path: ['t', 'when'], validator: 'format', input: 'yesterday', schema_path: ['properties', 't', 'properties', 'when', 'format'] }),
    ]);
    expect(errs[0].message).toContain("'date-time'");
  });

  it('validates params against params.json (flat), not rjsf.json', () => {
    // A grouped shape is invalid as params.
    const errs = errors(paramsToFormdata(fromPlain(FORMDATA), params, rjsf));
    expect(errs.map((e) => e.validator)).toEqual(['additionalProperties']);
  });

  it('does not mutate its inputs', () => {
    const input = fromPlain(FORMDATA) as JsonObject;
    const before = JSON.stringify(toPlain(input));
    formdataToParams(input, params, rjsf);
    expect(JSON.stringify(toPlain(input))).toBe(before);
  });
});
