import { didYouMean } from '../util/suggest.ts';
import type { YamlReader } from '../util/yaml-reader.ts';
import { flatInstances, type Spec, type TaskInstance } from './model.ts';

/** Whole-workflow rules: unique ids, no clash with the spec id, dependencies defined earlier. */
export function checkWorkflow(r: YamlReader, spec: Spec): void {
  const instances = flatInstances(spec);
  const firstById = new Map<string, { t: TaskInstance; index: number }>();
  instances.forEach((t, index) => {
    if (t.id === '') return;
    const first = firstById.get(t.id);
    if (first) {
      r.error(t.idRange, 'duplicate-id', `duplicate task id \`${t.id}\`: it is already used on line ${first.t.idRange.start.line}; ids must be unique across the workflow, groups included`);
    } else firstById.set(t.id, { t, index });
    if (spec.id !== '' && t.id === spec.id) {
      r.error(t.idRange, 'id-equals-spec-id', `task id \`${t.id}\` is the same as the spec \`id\`: choose a different id for this task`);
    }
  });

  const groupTitles = new Map<string, number>();
  for (const item of spec.workflow) {
    if (item.kind !== 'task-group') continue;
    const line = groupTitles.get(item.title);
    if (line !== undefined) {
      r.warning(item.titleRange, 'duplicate-group-title', `another task group is also titled "${item.title}" (line ${line}); their form sections would merge into one`);
    } else groupTitles.set(item.title, item.titleRange.start.line);
    if (firstById.has(item.title)) {
      r.error(item.titleRange, 'group-title-clash', `group title "${item.title}" is also a task id: rjsf.json keys both by name, so rename one`);
    }
  }

  instances.forEach((t, index) => {
    for (const dep of t.dependencies) {
      if (dep.id === t.id) {
        r.error(dep.range, 'self-reference', `\`${t.id}\` uses its own return value \`${dep.text}\`: a task cannot depend on itself`);
        continue;
      }
      const target = firstById.get(dep.id);
      if (!target) {
        r.error(dep.range, 'unknown-dependency', `\`${t.id}\` uses \`${dep.text}\` but there is no task instance with id \`${dep.id}\`${didYouMean(dep.id, firstById.keys())}`);
      } else if (target.index > index) {
        r.error(dep.range, 'dependency-defined-later', `\`${t.id}\` uses \`${dep.text}\` but \`${dep.id}\` is defined later (line ${target.t.idRange.start.line}): move \`${dep.id}\` above \`${t.id}\``);
      }
    }
  });
}
