import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { fromPlain, isObject, toPlain, type JsonObject, type JsonValue } from '../util/json-value.ts';
import { compareCodePoints } from '../util/python-json.ts';

/**
 * `wt_contracts.formdata`: the purely structural mapping between RJSF form data (grouped under
 * task-group titles) and flat run parameters, each validated first (JSON Schema draft 2020-12).
 */

/** One validation error, shaped like wt-contracts' `{message, path, schema_path, validator, input}`. */
export interface ValidationErrorRecord {
  message: string;
  path: Array<string | number>;
  schema_path: Array<string | number>;
  validator: string;
  input: JsonValue;
}

export type ConversionResult = { result: JsonObject } | { validation_errors: ValidationErrorRecord[] };

/** Validates `data` against a schema; errors sorted by path like wt-contracts. */
export function validateAgainst(schema: JsonObject, data: JsonValue): ValidationErrorRecord[] {
  // strict: false tolerates the `ecoscope:*` keywords real schemas carry; verbose puts the failing value in `e.data`.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, verbose: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const validate = ajv.compile(toPlain(schema) as object);
  if (validate(toPlain(data))) return [];
  return (validate.errors ?? []).map(toRecord).sort((a, b) => comparePaths(a.path, b.path));
}

function toRecord(e: ErrorObject): ValidationErrorRecord {
  const path = pointerSegments(e.instancePath);
  return {
    message: pythonStyleMessage(e),
    path,
    // schemaPath is a URI fragment (`#/properties/Group%20One/...`): percent-decode it first.
    schema_path: pointerSegments(decodeFragment(e.schemaPath.replace(/^#/, ''))),
    validator: e.keyword,
    input: fromPlain(e.data),
  };
}

/** Messages in the words Python's jsonschema uses for the common keywords. */
function pythonStyleMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `'${String(p.missingProperty)}' is a required property`;
    case 'additionalProperties':
      return `Additional properties are not allowed ('${String(p.additionalProperty)}' was unexpected)`;
    case 'type':
      return `${pyRepr(e.data)} is not of type '${String(p.type)}'`;
    case 'enum':
      return `${pyRepr(e.data)} is not one of ${pyRepr(p.allowedValues)}`;
    case 'format':
      return `${pyRepr(e.data)} is not a '${String(p.format)}'`;
    default:
      return e.message ?? e.keyword;
  }
}

/** Python's `repr` of plain JSON data, as jsonschema quotes values in its messages. */
function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return `'${v.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  return String(v);
}

function pointerSegments(pointer: string): Array<string | number> {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function comparePaths(a: Array<string | number>, b: Array<string | number>): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return compareCodePoints(String(x), String(y));
  }
  return a.length - b.length;
}

/** Form data (grouped) → params (flat), after validating against rjsf.json. */
export function formdataToParams(formdata: JsonValue, paramsSchema: JsonObject, rjsfSchema: JsonObject): ConversionResult {
  const errors = validateAgainst(rjsfSchema, formdata);
  if (errors.length > 0) return { validation_errors: errors };
  const flat = propertiesOf(paramsSchema);
  const out: JsonObject = new Map();
  for (const [k, v] of formdata as JsonObject) {
    if (flat.has(k)) out.set(k, v);
    else if (isObject(v)) for (const [ik, iv] of v) out.set(ik, iv);
    else return { validation_errors: [structuralError(`'${k}' is neither a task id nor a task group with settings`, [k], v)] };
  }
  return { result: out };
}

/** Params (flat) → form data (grouped under task-group titles), after validating against params.json. */
export function paramsToFormdata(params: JsonValue, paramsSchema: JsonObject, rjsfSchema: JsonObject): ConversionResult {
  const errors = validateAgainst(paramsSchema, params);
  if (errors.length > 0) return { validation_errors: errors };
  const top = propertiesOf(rjsfSchema);
  const groups = [...top].filter(([, s]) => isObject(s) && isObject(s.get('properties'))) as Array<[string, JsonObject]>;
  const out: JsonObject = new Map();
  for (const [k, v] of params as JsonObject) {
    if (top.has(k)) {
      out.set(k, v);
      continue;
    }
    const group = groups.find(([, s]) => (s.get('properties') as JsonObject).has(k));
    if (!group) return { validation_errors: [structuralError(`Key '${k}' is not present in rjsf schema's flat or grouped properties.`, [k], v)] };
    const bucket = out.get(group[0]);
    if (isObject(bucket)) bucket.set(k, v);
    else out.set(group[0], new Map([[k, v]]));
  }
  return { result: out };
}

function propertiesOf(schema: JsonObject): JsonObject {
  const p = schema.get('properties');
  return isObject(p) ? p : new Map();
}

function structuralError(message: string, path: Array<string | number>, input: JsonValue): ValidationErrorRecord {
  return { message, path, schema_path: ['properties'], validator: 'structure', input };
}
