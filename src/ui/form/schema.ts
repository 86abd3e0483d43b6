import { mayHoldRemoteImages, noRemoteImagesReviver } from './no-remote-images.ts';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

/** Pure helpers behind the parameters form: reading rjsf.json, field ids, task sections and form-data pruning. */

export type JsonObject = { [key: string]: unknown };

/** The compiler marks task-group objects with this keyword (wt-compiler §3). */
export const TASK_GROUP_KEYWORD = 'ecoscope:task_group';

/** RJSF's defaults for building field ids: `root_<key>_<key>…`; keys are joined verbatim, spaces included. */
export const ID_PREFIX = 'root';
export const ID_SEPARATOR = '_';

export interface ParsedRjsf {
  /** rjsf.json without its `uiSchema`, with `type: object` made explicit at the root. */
  schema: RJSFSchema;
  uiSchema: UiSchema;
}

export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Splits compiled rjsf.json text into the schema RJSF validates and the uiSchema it lays out with. */
export function parseRjsf(text: string): ParsedRjsf | { error: string } {
  let value: unknown;
  try {
    // Descriptions may be rendered as markdown: images in them must never load (see no-remote-images.ts).
    value = mayHoldRemoteImages(text) ? JSON.parse(text, noRemoteImagesReviver) : JSON.parse(text);
  } catch (e) {
    return { error: `rjsf.json is not valid JSON: ${(e as Error).message}` };
  }
  if (!isObject(value)) return { error: 'rjsf.json is not a JSON object' };
  const { uiSchema, ...schema } = value;
  return {
    schema: { type: 'object', ...schema } as RJSFSchema,
    uiSchema: (isObject(uiSchema) ? uiSchema : {}) as UiSchema,
  };
}

/** The DOM id RJSF gives the field at `path` (e.g. `root_Species Counts_charts_chart_type`). */
export function fieldId(path: ReadonlyArray<string | number>, prefix = ID_PREFIX, separator = ID_SEPARATOR): string {
  return [prefix, ...path].join(separator);
}

/**
 * RJSF builds ids by joining keys verbatim, so a task group titled "Species Counts" yields
 * `root_Species Counts_…`: an id with a space, which breaks every `aria-describedby` / `aria-labelledby`
 * list (they are space-separated) and CSS selectors. The form therefore works on renamed top-level
 * keys (`Species-Counts`) and translates form data at its edges; the app and the worker only ever
 * see the real keys.
 */
export interface KeyCodec {
  /** real key → form key, only for keys that need renaming */
  toForm: Map<string, string>;
  /** form key → real key */
  fromForm: Map<string, string>;
}

const ID_SAFE = /^[A-Za-z0-9_-]+$/;

export function keyCodec(schema: RJSFSchema): KeyCodec {
  const keys = Object.keys(propertiesOf(schema));
  const taken = new Set(keys.filter((k) => ID_SAFE.test(k)));
  const toForm = new Map<string, string>();
  const fromForm = new Map<string, string>();
  for (const key of keys) {
    if (ID_SAFE.test(key)) continue;
    const base = key.replace(/[^A-Za-z0-9_-]+/g, '-') || 'group';
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    toForm.set(key, name);
    fromForm.set(name, key);
  }
  return { toForm, fromForm };
}

/** The schema RJSF renders: renamed top-level keys, each keeping its real key as its title. */
export function encodeSchema(schema: RJSFSchema, codec: KeyCodec): RJSFSchema {
  if (codec.toForm.size === 0) return schema;
  const props: JsonObject = {};
  for (const [k, v] of Object.entries(propertiesOf(schema))) {
    const name = codec.toForm.get(k);
    props[name ?? k] = name && isObject(v) && v.title === undefined ? { ...v, title: k } : v;
  }
  const out: JsonObject = { ...schema, properties: props };
  if (Array.isArray(schema.required)) out.required = schema.required.map((k) => codec.toForm.get(k) ?? k);
  return out as RJSFSchema;
}

/** The uiSchema for the renamed keys: top-level entries and the top-level `ui:order`. */
export function encodeUiSchema(ui: UiSchema, codec: KeyCodec): UiSchema {
  if (codec.toForm.size === 0) return ui;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(ui)) {
    if (k === 'ui:order' && Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'string' ? (codec.toForm.get(x) ?? x) : x));
    else out[codec.toForm.get(k) ?? k] = v;
  }
  return out as UiSchema;
}

/** Renames the top-level keys of form data (`map` is `toForm` or `fromForm`). */
export function renameKeys<T>(data: T, map: Map<string, string>): T {
  if (map.size === 0 || !isObject(data)) return data;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(data)) out[map.get(k) ?? k] = v;
  return out as T;
}

export function isTaskGroup(schema: unknown): boolean {
  return isObject(schema) && schema[TASK_GROUP_KEYWORD] === true;
}

/** Where a task's settings live in the form: top level, or inside a task group. */
export interface TaskSection {
  id: string;
  group?: string;
  /** Path of the task's object in the form data. */
  path: string[];
}

/** Every configurable task of a compiled rjsf schema, in schema order. */
export function taskSections(schema: RJSFSchema): TaskSection[] {
  const out: TaskSection[] = [];
  for (const [key, sub] of Object.entries(propertiesOf(schema))) {
    if (isTaskGroup(sub)) {
      for (const id of Object.keys(propertiesOf(sub))) out.push({ id, group: key, path: [key, id] });
    } else out.push({ id: key, path: [key] });
  }
  return out;
}

/**
 * What an object at `path` in the form is: a task group (top-level object with `ecoscope:task_group`),
 * a task (top-level non-group, or a member of a group), or neither (a nested setting).
 */
export function sectionKind(rootSchema: RJSFSchema, path: ReadonlyArray<string | number>): { kind: 'group'; group: string } | { kind: 'task'; id: string; group?: string } | undefined {
  const top = propertiesOf(rootSchema);
  if (path.length === 1) {
    const key = String(path[0]);
    if (!(key in top)) return undefined;
    return isTaskGroup(top[key]) ? { kind: 'group', group: key } : { kind: 'task', id: key };
  }
  if (path.length === 2) {
    const group = String(path[0]);
    if (isTaskGroup(top[group]) && String(path[1]) in propertiesOf(top[group])) return { kind: 'task', id: String(path[1]), group };
  }
  return undefined;
}

function propertiesOf(schema: unknown): JsonObject {
  return isObject(schema) && isObject(schema.properties) ? schema.properties : {};
}

/** Plain JSON data: `undefined` members dropped (the worker would read them as `null`). */
export function toJsonData(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * Keeps what still fits a new schema of the form: each task's settings move with the task (also into
 * or out of a task group, or between groups), settings whose key is gone or whose value no longer has
 * the type, enum or const the schema asks for are dropped (so their defaults come back), and nothing
 * else survives. Output follows the schema's property order.
 */
export function pruneFormData(data: unknown, schema: RJSFSchema): JsonObject {
  const old = isObject(data) ? data : {};
  const sections = taskSections(schema);
  const topTaskIds = new Set(sections.filter((s) => !s.group).map((s) => s.id));
  const out: JsonObject = {};
  for (const s of sections) {
    const value = findTaskValue(old, s, topTaskIds);
    if (value === undefined) continue;
    const taskSchema = s.group ? propertiesOf(propertiesOf(schema)[s.group])[s.id] : propertiesOf(schema)[s.id];
    const pruned = pruneValue(value, taskSchema, schema);
    if (pruned === undefined) continue;
    if (s.group) {
      const bucket = (out[s.group] ??= {}) as JsonObject;
      bucket[s.id] = pruned;
    } else out[s.id] = pruned;
  }
  return out;
}

/**
 * Adds an empty object for every task (and group) the data lacks. RJSF shows every task's fields,
 * but JSON Schema only checks a task's `required` settings when its object is present: without this,
 * a form with "Since*" left empty would validate.
 */
export function withTaskObjects(data: JsonObject, schema: RJSFSchema): JsonObject {
  const out: JsonObject = { ...data };
  for (const s of taskSections(schema)) {
    if (s.group) {
      const bucket = isObject(out[s.group]) ? { ...(out[s.group] as JsonObject) } : {};
      bucket[s.id] ??= {};
      out[s.group] = bucket;
    } else out[s.id] ??= {};
  }
  return out;
}

/** A task's old settings: where the new schema puts them, else wherever the task sat before. */
function findTaskValue(old: JsonObject, s: TaskSection, topTaskIds: Set<string>): unknown {
  const here = s.group ? (isObject(old[s.group]) ? (old[s.group] as JsonObject)[s.id] : undefined) : old[s.id];
  if (here !== undefined) return here;
  if (s.group && isObject(old[s.id])) return old[s.id];
  for (const [key, v] of Object.entries(old)) {
    if (key === s.group || topTaskIds.has(key) || !isObject(v)) continue;
    if (v[s.id] !== undefined) return v[s.id];
  }
  return undefined;
}

/** `value` reduced to what fits `schema` (local `$ref`s resolved), or `undefined` when it does not fit at all. */
export function pruneValue(value: unknown, schema: unknown, root: unknown, depth = 0): unknown {
  if (value === undefined) return undefined;
  if (schema === true || schema === undefined || depth > 32) return value;
  if (schema === false || !isObject(schema)) return schema === false ? undefined : value;
  const s = resolveRef(schema, root);
  const branches = [s.anyOf, s.oneOf].find(Array.isArray) as unknown[] | undefined;
  if (branches && !s.properties && !s.type) {
    // A union: keep the value if some branch takes it as it is.
    return branches.some((b) => jsonEqual(pruneValue(value, b, root, depth + 1), value)) ? value : undefined;
  }
  if (!fitsType(value, s.type)) return undefined;
  if (Array.isArray(s.enum) && !s.enum.some((e) => jsonEqual(e, value))) return undefined;
  if ('const' in s && !jsonEqual(s.const, value)) return undefined;
  if (isObject(value) && (isObject(s.properties) || s.additionalProperties !== undefined)) {
    const props = propertiesOf(s);
    const out: JsonObject = {};
    const keys = [...Object.keys(props).filter((k) => k in value), ...Object.keys(value).filter((k) => !(k in props))];
    for (const k of keys) {
      const sub = k in props ? props[k] : s.additionalProperties;
      const pruned = pruneValue(value[k], sub === undefined ? true : sub, root, depth + 1);
      if (pruned !== undefined) out[k] = pruned;
    }
    return out;
  }
  if (Array.isArray(value) && s.items !== undefined && !Array.isArray(s.items)) {
    return value.map((x) => pruneValue(x, s.items, root, depth + 1)).filter((x) => x !== undefined);
  }
  return value;
}

function resolveRef(schema: JsonObject, root: unknown): JsonObject {
  let s = schema;
  for (let i = 0; i < 8 && typeof s.$ref === 'string' && s.$ref.startsWith('#/'); i++) {
    let target: unknown = root;
    for (const seg of s.$ref.slice(2).split('/')) {
      const key = decodeURIComponent(seg).replaceAll('~1', '/').replaceAll('~0', '~');
      target = isObject(target) ? target[key] : undefined;
    }
    if (!isObject(target)) break;
    const { $ref: _ignored, ...rest } = s;
    s = { ...target, ...rest };
  }
  return s;
}

function fitsType(value: unknown, type: unknown): boolean {
  if (type === undefined) return true;
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => {
    switch (t) {
      case 'null':
        return value === null;
      case 'boolean':
        return typeof value === 'boolean';
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value);
      case 'number':
        return typeof value === 'number';
      case 'string':
        return typeof value === 'string';
      case 'array':
        return Array.isArray(value);
      case 'object':
        return isObject(value);
      default:
        return true;
    }
  });
}

/** `case_1`, `case_2`, …: the first key of that shape not in `taken`. */
export function nextFreeKey(taken: Iterable<string>, base = 'case'): string {
  const set = new Set(taken);
  for (let n = 1; ; n++) if (!set.has(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * Test-case keys are written unquoted as YAML mapping keys, so they must be simple words that YAML
 * does not read as booleans or null.
 */
export function isValidTestCaseKey(key: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !/^(?:true|false|yes|no|on|off|y|n|null)$/i.test(key);
}

