import { parseSpec, flatInstances, boundArgs } from '../core/spec/index.ts';
import { parseJson } from '../core/util/json-parse.ts';
import { deepClone, isObject, type JsonObject, type JsonValue } from '../core/util/json-value.ts';
import { dumpPythonJson } from '../core/util/python-json.ts';

/**
 * Rebuilds a `RegistryOutput` from a compiled params.json and its spec (wt-compiler reference §9):
 * each task's `json_schema` is an instance's params schema without `title`, with the appended
 * `description` moved back to metadata and an appended `required: []` dropped, bound arguments
 * restored as `{}` properties, and the global `$defs` attached. Skip conditions become empty tasks.
 */
export function deriveRegistry(paramsText: string, specText: string): string {
  const params = parseJson(paramsText).value as JsonObject;
  const properties = params.get('properties') as JsonObject;
  const defs = params.get('$defs') as JsonObject;
  const spec = parseSpec(specText).spec!;
  const entries: JsonObject = new Map();

  const entryFor = (task: string): { schema: JsonObject; meta: JsonObject } => {
    const dot = task.lastIndexOf('.');
    const fn = task.slice(dot + 1);
    const module = dot >= 0 ? task.slice(0, dot) : 'derived.tasks';
    const fqn = `${module}.${fn}`;
    let entry = entries.get(fqn) as JsonObject | undefined;
    if (!entry) {
      const meta: JsonObject = new Map<string, JsonValue>([['title', fn], ['description', null], ['tags', []], ['deprecated', false], ['deprecation_message', null]]);
      const schema: JsonObject = new Map<string, JsonValue>([['additionalProperties', false], ['properties', new Map()], ['required', []], ['type', 'object']]);
      if (defs.size > 0) schema.set('$defs', deepClone(defs));
      entry = new Map<string, JsonValue>([
        ['metadata', meta],
        ['module_path', module],
        ['public_module_path', module],
        ['function_name', fn],
        ['import_statement', `from ${module} import ${fn} as ${fn}`],
        ['json_schema', schema],
      ]);
      entries.set(fqn, entry);
    }
    return { schema: entry.get('json_schema') as JsonObject, meta: entry.get('metadata') as JsonObject };
  };

  for (const t of flatInstances(spec)) {
    const { schema, meta } = entryFor(t.task);
    const compiled = properties.get(t.id);
    if (isObject(compiled)) {
      const own = deepClone(compiled);
      own.delete('title');
      const keys = [...own.keys()];
      if (keys.indexOf('required') > keys.indexOf('type')) own.delete('required'); // appended by the compiler
      if ([...own.keys()].at(-1) === 'description') {
        meta.set('description', own.get('description')!);
        own.delete('description');
      }
      const props = schema.get('properties') as JsonObject;
      const mergedProps: JsonObject = new Map([...props, ...(own.get('properties') as JsonObject)]);
      const required = [...new Set([...(schema.get('required') as string[]), ...((own.get('required') as string[] | undefined) ?? [])])];
      for (const [k, v] of own) schema.set(k, v);
      schema.set('properties', mergedProps);
      if (own.has('required') || required.length > 0) schema.set('required', required);
      else schema.delete('required');
      if (defs.size > 0) {
        schema.delete('$defs');
        schema.set('$defs', deepClone(defs));
      }
    }
    const props = schema.get('properties') as JsonObject;
    for (const name of boundArgs(t)) if (!props.has(name)) props.set(name, new Map());
  }
  for (const t of flatInstances(spec)) for (const c of t.effectiveSkipif?.conditions ?? []) entryFor(c.name);
  return dumpPythonJson(new Map<string, JsonValue>([['entries', entries], ['version', '1.0.0']]));
}
