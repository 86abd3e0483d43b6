import type { RegistryIndex, TaskResolution } from '../registry/index.ts';
import { refProblemsOf } from '../registry/schema-refs.ts';
import { flatInstances, type Spec } from '../spec/index.ts';
import type { Diagnostic, Range } from '../util/diagnostics.ts';
import { isObject } from '../util/json-value.ts';
import { didYouMean } from '../util/suggest.ts';
import type { ResolvedInstance } from './task-schema.ts';

/**
 * When at least this many distinct task names are unknown and they are more than half of the
 * distinct names a spec uses, the registry is taken to be the wrong one: one summary replaces the
 * per-name rows, and nothing else is derived from that registry. Fewer unknowns are typos: each
 * gets its own row with a "did you mean".
 */
export const MISMATCH_MIN_UNKNOWN = 3;

/**
 * The spec rules that need the registry: every `task:` and skip condition resolves, instance ids
 * don't shadow registered function names; warnings for deprecated tasks and for `map`/`mapvalues`
 * argnames the task does not have; an information note for `partial` keys absent from the schema
 * (legal: `Field(exclude=True)` parameters never reach the registry, wt-compiler §2.3).
 */
export function checkTasks(spec: Spec, index: RegistryIndex, source?: string): { resolved: ResolvedInstance[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const push = (severity: Diagnostic['severity'], code: string, message: string, range: Range) => {
    const d: Diagnostic = { severity, code, message, range };
    if (source) d.source = source;
    diagnostics.push(d);
  };
  const instances = flatInstances(spec);
  // Resolve every distinct name once: the same answers feed the mismatch rule and the rows below.
  const resolutions = new Map<string, TaskResolution>();
  const resolveName = (name: string): TaskResolution => {
    let r = resolutions.get(name);
    if (!r) resolutions.set(name, (r = index.resolve(name)));
    return r;
  };
  let firstUnknown: Range | undefined;
  for (const t of instances) {
    for (const c of t.effectiveSkipif?.conditions ?? []) {
      if (isUnknown(resolveName(c.name))) firstUnknown ??= c.range;
    }
    if (t.task !== '' && isUnknown(resolveName(t.task))) firstUnknown ??= t.taskRange;
  }
  const unknownNames = [...resolutions].filter(([, r]) => isUnknown(r)).map(([name]) => name);
  const mismatch = unknownNames.length >= MISMATCH_MIN_UNKNOWN && unknownNames.length * 2 > resolutions.size;
  if (mismatch && firstUnknown) {
    const shown = unknownNames.slice(0, 5).map((n) => `\`${n}\``).join(', ') + (unknownNames.length > 5 ? ', …' : '');
    push(
      'error',
      'registry-mismatch',
      `${unknownNames.length} of ${resolutions.size} tasks used by this spec are not in the loaded registry (${shown}): load the registry these tasks come from`,
      firstUnknown,
    );
  }

  const resolved: ResolvedInstance[] = [];
  const reportedConditions = new Set<string>();
  for (const t of instances) {
    // Against the wrong registry these would be noise: the summary above says what to do.
    if (!mismatch && t.id !== '' && index.hasFunction(t.id)) {
      push('error', 'id-shadows-task', `task id \`${t.id}\` is also the name of a registered task: choose another id (e.g. \`${t.id}_result\`)`, t.idRange);
    }
    for (const c of t.effectiveSkipif?.conditions ?? []) {
      const r = resolveName(c.name);
      const key = `${c.range.start.line}:${c.range.start.column}`;
      if ('code' in r && !(mismatch && isUnknown(r)) && !reportedConditions.has(key)) {
        // Conditions from task-instance-defaults share one range: report them once.
        reportedConditions.add(key);
        push('error', r.code, `skip condition: ${r.message}`, c.range);
      }
    }
    if (t.task === '') continue;
    const r = resolveName(t.task);
    if ('code' in r) {
      if (!(mismatch && isUnknown(r))) push('error', r.code, r.message, t.taskRange);
      continue;
    }
    const { task } = r;
    const badRef = refProblemsOf(task.jsonSchema)[0];
    if (badRef) {
      // Left out of `resolved`, so no form (params.json, rjsf.json, RJSF) ever sees the broken schema.
      push('error', 'schema-bad-ref', `the registry schema of \`${task.functionName}\` cannot be made into a form: ${badRef.message} (see the registry's \`${task.fqn}\`)`, t.taskRange);
      continue;
    }
    resolved.push({ instance: t, task });
    if (mismatch) continue;
    if (task.entry.metadata.deprecated) {
      const why = task.entry.metadata.deprecation_message;
      push('warning', 'deprecated-task', `task \`${task.importableReference}\` is deprecated${why ? `: ${why}` : ''}`, t.taskRange);
    }
    const props = task.jsonSchema.get('properties');
    if (isObject(props) && task.jsonSchema.get('additionalProperties') === false) {
      const params = [...props.keys()];
      for (const p of t.partial) {
        if (!props.has(p.name)) {
          push(
            'info',
            'partial-argument-not-in-schema',
            `\`${p.name}\` is not in the registry schema of \`${task.functionName}\`${didYouMean(p.name, params)}; fine if the task declares it with \`Field(exclude=True)\` (such parameters are never listed), otherwise the call fails at run time`,
            p.range,
          );
        }
      }
      for (const op of [t.map, t.mapvalues]) {
        for (const n of op?.argnames ?? []) {
          // A name bound in `partial` too is legal (the mapped value wins) and was noted there.
          if (!props.has(n) && !t.partial.some((p) => p.name === n)) push('warning', 'unknown-argument', `\`${n}\` in argnames is not a parameter of \`${task.functionName}\`${didYouMean(n, params)}`, op!.range);
        }
      }
    }
  }
  return { resolved, diagnostics };
}

function isUnknown(r: TaskResolution): boolean {
  return 'code' in r && r.code === 'unknown-task';
}
