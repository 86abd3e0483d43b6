import { isObject, type JsonObject, type JsonValue } from '../util/json-value.ts';

/**
 * `$ref`s in a task's `json_schema` that a form cannot follow: one that resolves to nothing, or a
 * chain of bare `$ref`s that comes back to itself. RJSF throws on both when it renders, so core
 * reports them instead. A reference through properties (a recursive model) is fine and not reported.
 */
export interface RefProblem {
  /** The object holding the `$ref` (its position in registry.json is known to the JSON reader). */
  holder: JsonObject;
  ref: string;
  kind: 'unresolved' | 'cycle';
  message: string;
}

const DEFS = '#/$defs/';
const cache = new WeakMap<JsonObject, RefProblem[]>();

/** Problems of every `$ref` in `schema`, computed once per schema object. */
export function refProblemsOf(schema: JsonObject): RefProblem[] {
  let problems = cache.get(schema);
  if (!problems) cache.set(schema, (problems = findRefProblems(schema)));
  return problems;
}

function findRefProblems(schema: JsonObject): RefProblem[] {
  const out: RefProblem[] = [];
  const cycles = new Set<string>();
  const stack: JsonValue[] = [schema];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    if (!isObject(v)) continue;
    const ref = v.get('$ref');
    if (typeof ref === 'string') {
      const problem = checkRef(schema, ref);
      // Every `$ref` of a cycle reports the same cycle: keep one.
      if (problem && !(problem.cycle && cycles.has(problem.cycle))) {
        if (problem.cycle) cycles.add(problem.cycle);
        out.push({ holder: v, ref, kind: problem.kind, message: problem.message });
      }
    }
    for (const x of v.values()) stack.push(x);
  }
  return out;
}

function checkRef(schema: JsonObject, ref: string): (Pick<RefProblem, 'kind' | 'message'> & { cycle?: string }) | undefined {
  const seen = [ref];
  let target = resolvePointer(schema, ref);
  for (;;) {
    if (target === undefined) {
      const last = seen[seen.length - 1];
      // params.json and rjsf.json nest the schema and keep only its `$defs`: other pointers break there.
      const why = last.startsWith(DEFS) ? 'points to nothing in this schema' : 'is not a `#/$defs/…` reference, the only kind the form keeps';
      return { kind: 'unresolved', message: `\`$ref\` \`${last}\` ${why}${seen.length > 1 ? ` (reached from \`${ref}\`)` : ''}` };
    }
    const next = isObject(target) ? target.get('$ref') : undefined;
    if (typeof next !== 'string') return undefined;
    if (seen.includes(next)) {
      const members = seen.slice(seen.indexOf(next));
      return { kind: 'cycle', cycle: [...members].sort().join('\n'), message: `\`$ref\` \`${ref}\` is a circular reference (${[...seen, next].map((r) => `\`${r}\``).join(' → ')})` };
    }
    seen.push(next);
    target = resolvePointer(schema, next);
  }
}

/** A `#/$defs/…` JSON pointer resolved against `schema`, or undefined. */
function resolvePointer(schema: JsonObject, ref: string): JsonValue | undefined {
  if (!ref.startsWith(DEFS)) return undefined;
  let pointer = ref.slice(1);
  try {
    pointer = decodeURIComponent(pointer);
  } catch {
    return undefined;
  }
  let at: JsonValue | undefined = schema;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (isObject(at)) at = at.get(key);
    else if (Array.isArray(at) && /^(0|[1-9][0-9]*)$/.test(key)) at = at[Number(key)];
    else return undefined;
    if (at === undefined) return undefined;
  }
  return at;
}
