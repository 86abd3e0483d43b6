/**
 * A spec shaped like the largest real workflows (about 400 task instances and 6,000 lines of YAML):
 * nine task groups, fan-in through many `${{ workflow.<id>.return }}` references, `map` and
 * `mapvalues` instances, own and default `skipif`, `${{ env.X }}` references and long
 * `rjsf-overrides`. It checks clean against `syntheticRegistry(REAL_SCALE_TASKS)`. Every instance
 * writes a bounded amount of text, so the spec grows linearly with `instances`.
 */

/** The number of registry tasks the real-scale spec uses: pass it to `syntheticRegistry`. */
export const REAL_SCALE_TASKS = 40;

const VERBS = ['fetch', 'clean', 'split', 'join', 'summarise', 'draw_map', 'persist', 'rename_columns', 'classify', 'filter_rows', 'add_index', 'resample'];
const GROUP_TITLES = ['Data Source', 'Observations', 'Relocations', 'Trajectories', 'Speed Maps', 'Time Density', 'Summary Tables', 'Dashboards', 'Exports'];
const WIDGETS = ['textarea', 'select', 'radio', 'hidden'];

interface Planned {
  id: string;
  /** Parameters the form still shows (not bound by partial/map/mapvalues). */
  free: string[];
  group?: string;
}

/** The 400-instance spec (or any size) as YAML text; `instances` below 10 gives no groups. */
export function realScaleSpec(instances = 400): string {
  const groups = Math.min(GROUP_TITLES.length, Math.floor(instances / 10));
  const lines: string[] = [];
  const planned: Planned[] = [];
  const body: string[] = [];
  // Fan-in: these ids are referenced from everywhere, as a data source and a time range are.
  const hub = (i: number) => (i < 3 ? undefined : `${VERBS[i % 3]}_${i % 3}`);

  const instance = (i: number, indent: string, group?: string) => {
    const id = `${VERBS[i % VERBS.length]}_${i}`;
    const out = (s: string) => body.push(indent + s);
    const bound = new Set<string>();
    if (i % 2 === 0) body.push(`${indent}# step ${i}: ${VERBS[i % VERBS.length].replace('_', ' ')} the ${group ? 'grouped' : 'whole'} data`);
    out(`- name: Step ${i} ${VERBS[i % VERBS.length].replace('_', ' ')}${i % 5 === 0 ? ' for every subject group, with a longer title' : ''}`);
    out(`  id: ${id}`);
    // Every tenth instance names its task by dotted public path instead of the short name.
    out(`  task: ${i % 10 === 9 ? 'synthetic_tasks.' : ''}task_${i % REAL_SCALE_TASKS}`);
    const previous = i > 0 ? planned[i - 1].id : undefined;
    const far = i >= 12 ? planned[i - 1 - (i % 11)].id : undefined;
    const parallel = i > 2 && i % 7 === 3 ? 'map' : i > 2 && i % 11 === 5 ? 'mapvalues' : undefined;
    const partial: string[] = [];
    if (previous && parallel !== 'mapvalues') {
      bound.add('df');
      if (i % 4 === 0 && far && hub(i)) {
        // Fan-in: one argument gathering several upstream results, as a mapping or as a list.
        partial.push('df:', `  current: \${{ workflow.${previous}.return }}`, `  earlier: \${{ workflow.${far}.return }}`, `  source: \${{ workflow.${hub(i)}.return }}`);
      } else if (i % 4 === 2 && far && hub(i)) {
        partial.push('df:', `  - \${{ workflow.${previous}.return }}`, `  - \${{ workflow.${far}.return }}`, `  - \${{ workflow.${hub(i)}.return }}`, `  - \${{ workflow.${planned[i - 2].id}.return }}`);
      } else partial.push(`df: \${{ workflow.${previous}.return }}`);
    }
    if (i % 3 === 0 && parallel !== 'map') {
      bound.add('column');
      partial.push(i % 6 === 0 ? 'column: ${{ env.SYNTHETIC_COLUMN }}' : `column: column_${i}`);
    }
    if (i % 5 === 2 || i % 5 === 4) {
      bound.add('ratio');
      partial.push(`ratio: ${(i % 9) / 10 + 0.05}`);
    }
    if (i % 3 === 1) {
      bound.add('window');
      partial.push('window:', `  start: "2024-${String((i % 12) + 1).padStart(2, '0')}-01T00:00:00Z"`, '  grouper:', `    index_name: ${i % 12 === 1 ? '${{ env.SYNTHETIC_GROUPER }}' : 'month'}`);
    }
    if (partial.length > 0) {
      out('  partial:');
      for (const p of partial) out(`    ${p}`);
    }
    if (parallel === 'map' && previous) {
      bound.add('column');
      out('  map:', );
      out('    argnames: column');
      out(`    argvalues: \${{ workflow.${previous}.return }}`);
    } else if (parallel === 'mapvalues' && previous) {
      bound.add('df');
      out('  mapvalues:');
      out('    argnames:');
      out('      - df');
      out(`    argvalues: \${{ workflow.${previous}.return }}`);
    }
    if (i % 3 === 2) {
      out('  skipif:');
      out('    conditions:');
      out(`      - task_${(i % 3) + 1}`);
      if (i % 12 === 5) out('      - task_0');
      if (i % 24 === 5) out('    unpack_depth: 2');
    }
    body.push('');
    planned.push({ id, free: ['df', 'column', 'ratio', 'window'].filter((p) => !bound.has(p)), group });
  };

  // Ungrouped runs alternate with the nine groups, which hold about four fifths of the instances.
  const ungroupedRun = groups > 0 ? Math.max(1, Math.floor(instances / (5 * (groups + 1)))) : instances;
  const groupSize = groups > 0 ? Math.floor((instances - ungroupedRun * (groups + 1)) / groups) : 0;
  let i = 0;
  for (let g = 0; g <= groups && i < instances; g++) {
    for (let k = 0; k < ungroupedRun && i < instances; k++) instance(i++, '  ');
    if (g === groups) break;
    const title = GROUP_TITLES[g];
    body.push('  - type: task-group', `    title: ${title}`, '    description: >-', `      Steps ${i} to ${i + groupSize - 1}: ${title.toLowerCase()} for every subject group,`, '      written the way real workflows describe their sections.', '    tasks:');
    for (let k = 0; k < groupSize && i < instances; k++) instance(i++, '      ', title);
  }
  while (i < instances) instance(i++, '  ');

  lines.push('id: synthetic_real_scale', 'requirements:', '  - name: synthetic-tasks', '    version: ">=1.0,<2"', '    channel: ecoscope-workflows', '  - name: pandas', '    version: ">=2.0"', '    channel: conda-forge');
  lines.push('rjsf-overrides:', '  properties:');
  const shown = planned.filter((p) => p.free.length > 0);
  const formKey = (p: Planned) => (p.group ? `${p.group}.properties.${p.id}` : p.id);
  const uiKey = (p: Planned) => (p.group ? `${p.group}.${p.id}` : p.id);
  // About seven overrides for every four instances, split between properties and uiSchema.
  shown.forEach((p, k) => {
    const param = p.free[k % p.free.length];
    if (param === 'ratio') lines.push(`    ${formKey(p)}.properties.ratio.default: ${((k % 7) + 1) / 10}`);
    else if (param === 'column' && k % 2 === 0) lines.push(`    ${formKey(p)}.properties.column.enum:`, '      - value', '      - name', '      - count');
    else lines.push(`    ${formKey(p)}.properties.${param}.title: ${param} for step ${p.id.replace(/_/g, ' ')}`);
  });
  lines.push('  $defs:', '    Grouper.properties.index_name.oneOf:', '      - const: month', '        title: Month', '      - const: year', '        title: Year', '    Window.properties.start.title: Window start');
  lines.push('  uiSchema:');
  shown.forEach((p, k) => {
    if (k % 4 === 3) return;
    const param = p.free[(k + 1) % p.free.length];
    if (k % 4 === 0) lines.push(`    ${uiKey(p)}.${param}:`, `      ui:help: Set the ${param} of ${p.id.replace(/_/g, ' ')}.`, '      ui:options:', '        label: false');
    else lines.push(`    ${uiKey(p)}.${param}.ui:widget: ${WIDGETS[k % WIDGETS.length]}`);
  });
  lines.push('task-instance-defaults:', '  skipif:', '    conditions:', '      - task_0', '      - task_1', 'workflow:');
  return [...lines, ...body].join('\n');
}
