import { parseSpec, type Spec } from '../spec/index.ts';

/** Test helpers: a minimal valid spec around a `requirements:` block. */

/** Parses a one-task spec with the given YAML requirement items (each starting with `- `), failing on any spec error. */
export function specWith(requirementsYaml: string[], id = 'demo'): Spec {
  const requirements = requirementsYaml.length === 0 ? ['requirements: []'] : ['requirements:', ...requirementsYaml.map((l) => `  ${l}`)];
  const text = [`id: ${id}`, ...requirements, 'workflow:', '  - id: a', '    task: do_thing', ''].join('\n');
  const { spec, diagnostics } = parseSpec(text);
  if (!spec || diagnostics.some((d) => d.severity === 'error')) throw new Error(`bad test spec: ${JSON.stringify(diagnostics)}`);
  return spec;
}
