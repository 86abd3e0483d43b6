/**
 * A spec shaped like the largest real workflows (about 400 task instances and 6,000 lines of YAML)
 * over bench/synthetic.ts's registry: 9 task groups, most instances reading two or three earlier
 * results through `${{ workflow.<id>.return }}`, `map`/`mapvalues` fan-out, `skipif` conditions and
 * long rjsf-overrides. Used by the browser benchmark until the shared bench generator replaces it.
 */

/** Tasks in the registry the spec is written against: pass `syntheticRegistry(LARGE_SPEC_TASKS)`. */
export const LARGE_SPEC_TASKS = 40;

/** The instance whose `df` reference the structural-edit benchmark re-points (`t149` by default). */
export const REWIRE_TARGET = 150;

/** A spec with `instances` task instances (400 by default) in `groups` task groups. */
export function largeSpec(instances = 400, groups = 9): string {
  const lines = ['id: large_workflow', 'requirements:', '  - name: synthetic-tasks', '    version: ">=1.0,<2"', '    channel: ecoscope-workflows'];
  const overrides: string[] = [];
  const ui: string[] = [];
  const instance = (i: number, indent: string, grouped: boolean) => {
    const at = (s: string) => lines.push(`${indent}${s}`);
    at(`- id: t${i}`);
    at(`  name: Step ${i} of the large workflow`);
    at(`  task: task_${i % LARGE_SPEC_TASKS}`);
    const mapped = i > 3 && i % 11 === 5;
    const mappedValues = !mapped && i > 2 && i % 13 === 7;
    const columnRef = !mapped && !mappedValues && i > 8 && i % 4 === 1;
    if (i > 0) {
      at('  partial:');
      at(`    df: \${{ workflow.t${i - 1}.return }}`);
      if (columnRef) at(`    column: \${{ workflow.t${i - 7}.return }}`);
      if (i % 3 === 0) at(`    ratio: 0.${(i % 9) + 1}`);
      if (i % 40 !== 0) {
        // Nested literal values, as real plot and map settings are written.
        at('    window:');
        at(`      start: "2024-${String((i % 12) + 1).padStart(2, '0')}-01T00:00:00Z"`);
        at('      grouper:');
        at(`        index_name: site_${i % 17}`);
      }
    }
    if (mapped || mappedValues) {
      at(mapped ? '  map:' : '  mapvalues:');
      at(mapped ? '    argnames: column' : '    argnames: [column]');
      at(`    argvalues: \${{ workflow.t${i - (mapped ? 3 : 2)}.return }}`);
    }
    if (i % 3 === 2) {
      at('  skipif:');
      at('    conditions:');
      at(`      - task_${i % 3}`);
      at('      - task_1');
    }
    // Instances whose `column` stays a parameter get overrides, like real workflows' long blocks.
    const columnFree = !mapped && !mappedValues && !columnRef;
    if (!grouped && columnFree && i % 3 !== 1) {
      overrides.push(`    t${i}.properties.column.default: column_${i}`, `    t${i}.properties.column.title: Column for step ${i}`, `    t${i}.properties.ratio.maximum: 0.9`);
      ui.push(`    t${i}.column.ui:widget: textarea`, `    t${i}.ratio.ui:help: How much of step ${i}'s input is kept.`, `    t${i}.ratio.ui:widget: range`, `    t${i}.column.ui:placeholder: a column of step ${i - 1}'s table`, `    t${i}.ui:description: Settings of step ${i}.`);
      ui.push(`    t${i}.ui:order:`, '      - column', '      - ratio', '      - window', "      - '*'");
    }
  };
  const body: string[] = [];
  const swap = lines.splice(0);
  const perGroup = Math.floor(instances / (groups * 2));
  const groupEvery = Math.floor(instances / groups);
  for (let i = 0; i < instances; ) {
    if (i % groupEvery === groupEvery - perGroup && i + perGroup <= instances && i > 0) {
      lines.push('  - type: task-group', `    title: Group ${i}`, `    description: Instances ${i} to ${i + perGroup - 1}, drawn together.`, '    tasks:');
      for (let k = 0; k < perGroup; k++) instance(i + k, '      ', true);
      i += perGroup;
    } else {
      instance(i, '  ', false);
      i += 1;
    }
  }
  body.push(...lines.splice(0));
  lines.push(...swap);
  lines.push('rjsf-overrides:', '  properties:', ...overrides, '  uiSchema:', ...ui);
  lines.push('task-instance-defaults:', '  skipif:', '    conditions:', '      - task_0', 'workflow:', ...body);
  return lines.join('\n') + '\n';
}
