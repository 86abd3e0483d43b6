import type { KnownTask } from '../registry/index.ts';
import { boundArgs, type TaskInstance } from '../spec/index.ts';
import { isObject, type JsonObject, type JsonValue } from '../util/json-value.ts';
import { appendAll } from '../util/append.ts';

/** One instance's form schema, built from its task's registry schema (wt-compiler §3 steps 1–7). */
export interface InstanceSchema {
  instance: TaskInstance;
  schema: JsonObject;
  /** Property names in order: the instance's `ui:order`. */
  propertyNames: string[];
}

export interface ResolvedInstance {
  instance: TaskInstance;
  task: KnownTask;
}

/**
 * Builds each instance's schema and the merged global `$defs`. Instances with no configurable
 * argument left are absent from the result (they are not part of the form).
 */
export function buildInstanceSchemas(resolved: ResolvedInstance[]): { schemas: Map<string, InstanceSchema>; defs: JsonObject } {
  const schemas = new Map<string, InstanceSchema>();
  const defs: JsonObject = new Map();
  for (const { instance, task } of resolved) {
    const built = instanceSchema(instance, task, defs);
    if (built) schemas.set(instance.id, built);
  }
  return { schemas, defs };
}

function instanceSchema(instance: TaskInstance, task: KnownTask, globalDefs: JsonObject): InstanceSchema | undefined {
  const omit = new Set(['return', ...boundArgs(instance)]);
  // A fresh top level and `properties` per instance, so a task used twice never shares (and corrupts)
  // one schema (wt PR #129). Deeper subtrees are shared read-only with the registry: nothing mutates
  // them, and rjsf.json deep-copies before applying overrides.
  const schema: JsonObject = new Map(task.jsonSchema);
  if (task.description && !schema.has('description')) schema.set('description', task.description);
  const props = schema.get('properties');
  const kept: JsonObject = new Map();
  if (isObject(props)) {
    for (const [name, value] of props) if (!omit.has(name)) kept.set(name, value);
    schema.set('properties', kept);
    const required = schema.get('required');
    const survivors = Array.isArray(required) ? required.filter((r) => typeof r === 'string' && !omit.has(r)) : [];
    schema.set('required', survivors);
  }
  schema.set('title', instance.name);
  const localDefs = schema.get('$defs');
  if (localDefs !== undefined) {
    if (isObject(localDefs)) {
      const reachable = reachableDefs(kept, localDefs);
      // Keep the task's own $defs order; a def seen before is replaced in place (Python `dict |=`).
      for (const [name, def] of localDefs) if (reachable.has(name)) globalDefs.set(name, def);
    }
    schema.delete('$defs');
  }
  if (kept.size === 0) return undefined;
  return { instance, schema, propertyNames: [...kept.keys()] };
}

const DEFS_PREFIX = '#/$defs/';

/**
 * Names of the defs reachable from `root` through `$ref`s, transitively and at any depth.
 * Upstream only descends into a def's `properties` and strips the prefix with `lstrip`; we follow
 * every `$ref` and strip the exact prefix (a superset of what upstream keeps for real schemas).
 */
export function reachableDefs(root: JsonValue, defs: JsonObject): Set<string> {
  const found = new Set<string>();
  const stack: JsonValue[] = [root];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (Array.isArray(v)) appendAll(stack, v);
    else if (isObject(v)) {
      for (const [k, x] of v) {
        if (k === '$ref' && typeof x === 'string' && x.startsWith(DEFS_PREFIX)) {
          const name = decodePointerSegment(x.slice(DEFS_PREFIX.length).split('/')[0]);
          const def = defs.get(name);
          if (def !== undefined && !found.has(name)) {
            found.add(name);
            stack.push(def);
          }
        } else stack.push(x);
      }
    }
  }
  return found;
}

function decodePointerSegment(s: string): string {
  return s.replaceAll('~1', '/').replaceAll('~0', '~');
}
