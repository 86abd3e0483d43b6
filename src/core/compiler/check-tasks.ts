import type { RegistryIndex } from '../registry/index.ts';
import { flatInstances, type Spec } from '../spec/index.ts';
import type { Diagnostic, Range } from '../util/diagnostics.ts';
import { isObject } from '../util/json-value.ts';
import { didYouMean } from '../util/suggest.ts';
import type { ResolvedInstance } from './task-schema.ts';

/**
 * The spec rules that need the registry: every `task:` and skip condition resolves, instance ids
 * don't shadow registered function names; warnings for deprecated tasks and unknown arguments.
 */
export function checkTasks(spec: Spec, index: RegistryIndex, source?: string): { resolved: ResolvedInstance[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const push = (severity: Diagnostic['severity'], code: string, message: string, range: Range) => {
    const d: Diagnostic = { severity, code, message, range };
    if (source) d.source = source;
    diagnostics.push(d);
  };
  const resolved: ResolvedInstance[] = [];
  const reportedConditions = new Set<string>();
  for (const t of flatInstances(spec)) {
    if (t.id !== '' && index.hasFunction(t.id)) {
      push('error', 'id-shadows-task', `task id \`${t.id}\` is also the name of a registered task: choose another id (e.g. \`${t.id}_result\`)`, t.idRange);
    }
    for (const c of t.effectiveSkipif?.conditions ?? []) {
      const r = index.resolve(c.name);
      const key = `${c.range.start.line}:${c.range.start.column}`;
      if ('code' in r && !reportedConditions.has(key)) {
        // Conditions from task-instance-defaults share one range: report them once.
        reportedConditions.add(key);
        push('error', r.code, `skip condition: ${r.message}`, c.range);
      }
    }
    if (t.task === '') continue;
    const r = index.resolve(t.task);
    if ('code' in r) {
      push('error', r.code, r.message, t.taskRange);
      continue;
    }
    const { task } = r;
    resolved.push({ instance: t, task });
    if (task.entry.metadata.deprecated) {
      const why = task.entry.metadata.deprecation_message;
      push('warning', 'deprecated-task', `task \`${task.importableReference}\` is deprecated${why ? `: ${why}` : ''}`, t.taskRange);
    }
    const props = task.jsonSchema.get('properties');
    if (isObject(props) && task.jsonSchema.get('additionalProperties') === false) {
      const params = [...props.keys()];
      for (const p of t.partial) {
        if (!props.has(p.name)) push('warning', 'unknown-argument', `\`${p.name}\` is not a parameter of \`${task.functionName}\`${didYouMean(p.name, params)} (parameters: ${params.join(', ') || 'none'})`, p.range);
      }
      for (const op of [t.map, t.mapvalues]) {
        for (const n of op?.argnames ?? []) {
          if (!props.has(n)) push('warning', 'unknown-argument', `\`${n}\` in argnames is not a parameter of \`${task.functionName}\`${didYouMean(n, params)}`, op!.range);
        }
      }
    }
  }
  return { resolved, diagnostics };
}
