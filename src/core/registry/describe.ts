import { isObject, type JsonObject, type JsonValue } from '../util/json-value.ts';
import { dumpPythonJson } from '../util/python-json.ts';
import type { KnownTask, RegistryIndex } from './registry-index.ts';

/** Human-readable summaries of registered tasks, for completion, hover and the registry panel. */

export interface ParameterDescription {
  name: string;
  /** `integer`, `string | null`, `ValueGrouper[]`, `"a" | "b"`, … */
  type: string;
  required: boolean;
  title?: string;
  description?: string;
  /** Python-style JSON of the default. */
  default?: string;
}

export interface TaskDescription {
  functionName: string;
  importableReference: string;
  title: string;
  description: string | null;
  tags: string[];
  deprecated: boolean;
  /** Another registered task has the same function name: a dotted `task:` is required. */
  ambiguous: boolean;
  parameters: ParameterDescription[];
}

/** A short type label for a JSON schema. */
export function schemaTypeLabel(schema: JsonValue | undefined, depth = 0): string {
  if (!isObject(schema) || depth > 4) return 'any';
  const ref = schema.get('$ref');
  if (typeof ref === 'string') return decodeURIComponent(ref.split('/').pop() ?? ref);
  const enumValues = schema.get('enum');
  if (Array.isArray(enumValues)) return enumValues.map((v) => dumpPythonJson(v)).join(' | ');
  if (schema.has('const')) return dumpPythonJson(schema.get('const')!);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema.get(key);
    if (Array.isArray(options) && options.length > 0) return [...new Set(options.map((o) => schemaTypeLabel(o, depth + 1)))].join(' | ');
  }
  const allOf = schema.get('allOf');
  if (Array.isArray(allOf) && allOf.length === 1) return schemaTypeLabel(allOf[0], depth + 1);
  const type = schema.get('type');
  if (type === 'array') return `${wrap(schemaTypeLabel(schema.get('items'), depth + 1))}[]`;
  if (Array.isArray(type)) return type.map(String).join(' | ');
  if (typeof type === 'string') return type === 'object' && isObject(schema.get('properties')) ? 'object' : type;
  return 'any';
}

function wrap(label: string): string {
  return label.includes(' | ') ? `(${label})` : label;
}

/** Every registered task with its parameters, in registry order. */
export function describeRegistry(index: RegistryIndex): TaskDescription[] {
  return [...index.tasks()].map((t) => describeTask(t, (index.byFunction.get(t.functionName)?.size ?? 1) > 1));
}

/** One task with its parameters (from its schema's `properties`). */
export function describeTask(task: KnownTask, ambiguous = false): TaskDescription {
  const props = task.jsonSchema.get('properties');
  const required = new Set((task.jsonSchema.get('required') as JsonValue[] | undefined)?.filter((r): r is string => typeof r === 'string') ?? []);
  const parameters: ParameterDescription[] = isObject(props)
    ? [...props].map(([name, schema]) => {
        const s: JsonObject = isObject(schema) ? schema : new Map();
        const p: ParameterDescription = { name, type: schemaTypeLabel(s), required: required.has(name) };
        const title = s.get('title');
        const description = s.get('description');
        if (typeof title === 'string') p.title = title;
        if (typeof description === 'string') p.description = description.trim();
        if (s.has('default')) p.default = dumpPythonJson(s.get('default')!);
        return p;
      })
    : [];
  return {
    functionName: task.functionName,
    importableReference: task.importableReference,
    title: task.entry.metadata.title,
    description: task.description,
    tags: task.entry.metadata.tags,
    deprecated: task.entry.metadata.deprecated,
    ambiguous,
    parameters,
  };
}
