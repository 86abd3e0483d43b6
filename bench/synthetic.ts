/**
 * Synthetic workloads shaped like real ecoscope workflows: chained instances with partial
 * references, every fifth one in a task group, a shared `$defs` family, and rjsf-overrides.
 */

/** A registry with `tasks` functions, each with four parameters and access to shared defs. */
export function syntheticRegistry(tasks: number): string {
  const entries: Record<string, unknown> = {};
  for (let i = 0; i < tasks; i++) {
    const fn = `task_${i}`;
    entries[`synthetic_tasks.mod_${i % 7}.${fn}`] = {
      metadata: { title: `Task ${i}`, description: `Synthetic task number ${i}.`, tags: i % 4 === 0 ? ['io'] : [], deprecated: false, deprecation_message: null },
      module_path: `synthetic_tasks.mod_${i % 7}`,
      public_module_path: 'synthetic_tasks',
      function_name: fn,
      import_statement: `from synthetic_tasks import ${fn} as ${fn}`,
      json_schema: {
        $defs: {
          Grouper: { properties: { index_name: { title: 'Index Name', type: 'string' } }, required: ['index_name'], title: 'Grouper', type: 'object' },
          Window: { properties: { start: { format: 'date-time', type: 'string' }, grouper: { $ref: '#/$defs/Grouper' } }, title: 'Window', type: 'object' },
        },
        additionalProperties: false,
        properties: {
          df: { title: 'Df', type: 'object' },
          column: { default: 'value', title: 'Column', type: 'string' },
          ratio: { default: 0.5, maximum: 1.0, minimum: 0.0, title: 'Ratio', type: 'number' },
          window: { anyOf: [{ $ref: '#/$defs/Window' }, { type: 'null' }], default: null, title: 'Window' },
        },
        required: ['df'],
        type: 'object',
      },
    };
  }
  return JSON.stringify({ entries, version: '1.0.0' });
}

/** A spec with `instances` task instances over the synthetic registry. */
export function syntheticSpec(instances: number, tasks = Math.min(instances, 40)): string {
  const lines = ['id: synthetic_workflow', 'requirements:', '  - name: synthetic-tasks', '    version: ">=1.0,<2"', '    channel: ecoscope-workflows'];
  lines.push('rjsf-overrides:', '  properties:', '    t0.properties.column.default: name', '  uiSchema:', '    t0.column.ui:widget: textarea');
  lines.push('task-instance-defaults:', '  skipif:', '    conditions:', '      - task_0', 'workflow:');
  const instance = (i: number, indent: string) => {
    lines.push(`${indent}- id: t${i}`, `${indent}  name: Step ${i}`, `${indent}  task: task_${i % tasks}`);
    if (i > 0) {
      lines.push(`${indent}  partial:`, `${indent}    df: \${{ workflow.t${i - 1}.return }}`);
      if (i % 3 === 0) lines.push(`${indent}    column: fixed_${i}`, `${indent}    ratio: 0.25`);
    }
  };
  for (let i = 0; i < instances; ) {
    if (i % 5 === 4 && i + 2 < instances) {
      lines.push(`  - type: task-group`, `    title: Group ${i}`, `    description: Instances ${i} and ${i + 1}.`, '    tasks:');
      instance(i, '      ');
      instance(i + 1, '      ');
      i += 2;
    } else {
      instance(i, '  ');
      i += 1;
    }
  }
  return lines.join('\n') + '\n';
}
