import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { deriveRegistry } from '../../../test-support/derive-registry.ts';
import { hasReference, readReference, skipReason } from '../../../test-support/reference.ts';
import { registryJson } from '../../../test-support/registry-builder.ts';
import { compileWorkflow } from '../compile.ts';
import { buildPackage, isCompiled } from '../package.ts';

/**
 * wt-compiler runs its Python output through `ruff format` and `ruff check --select I --fix`.
 * Real ruff (its wasm build, a dev dependency only) is the oracle: our output must be a fixed point.
 */

interface RuffWorkspace {
  format(source: string): string;
  check(source: string): Array<{ code: string; message: string }>;
}
const ruff = createRequire(import.meta.url)('@astral-sh/ruff-wasm-nodejs') as {
  Workspace: new (options: object, encoding: number) => RuffWorkspace;
  PositionEncoding: { Utf16: number };
};
/** ruff as run in the release folder, where the package directory makes its name first-party. */
const ruffFor = (packageName: string) =>
  new ruff.Workspace({ 'line-length': 88, lint: { select: ['I'], isort: { 'known-first-party': [packageName] } } }, ruff.PositionEncoding.Utf16);

async function pythonFiles(specText: string, registryText: string) {
  const compiled = compileWorkflow(specText, registryText, { pkgNamePrefix: 'ecoscope-workflows' });
  if (!isCompiled(compiled)) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
  const files = (await buildPackage(compiled, { resultsEnvVar: 'ECOSCOPE_WORKFLOWS_RESULTS', renderGraph: false })).files.filter((f) => f.path.endsWith('.py'));
  return { files, workspace: ruffFor(compiled.packageName) };
}

function expectRuffClean({ files, workspace }: { files: Array<{ path: string; text: string }>; workspace: RuffWorkspace }) {
  for (const f of files) {
    expect.soft(workspace.format(f.text), `${f.path} is not ruff-formatted`).toBe(f.text);
    expect.soft(workspace.check(f.text).map((d) => `${d.code} ${d.message}`), `${f.path} has unsorted imports`).toEqual([]);
  }
}

describe('generated Python is formatted as ruff formats it', () => {
  for (const example of ['events', 'subject-tracking', 'ndvi', 'download-events-legacy']) {
    it.skipIf(!hasReference('wt-examples', example))(`${example}${skipReason('wt-examples', example)}`, async () => {
      const spec = readReference('wt-examples', example, 'spec.yaml');
      const registry = deriveRegistry(readReference('wt-examples', example, 'compiled', 'params.json'), spec);
      expectRuffClean(await pythonFiles(spec, registry));
    });
  }

  it('a spec with long literals, nested references, env refs, skipif and mapvalues', async () => {
    const registry = registryJson(
      ['load_a_rather_long_named_dataset_from_somewhere', 'summarise', 'is_empty'].map((fn) => ({
        fn,
        module: 'pkg.mod',
        tags: fn.startsWith('load') ? ['io'] : [],
        properties: { url: {}, columns: {}, options: {}, inputs: {}, label: {}, frame: {} },
      })),
    );
    const spec = `id: long_literals
requirements: []
task-instance-defaults:
  skipif:
    conditions: [is_empty]
workflow:
  - id: data
    task: load_a_rather_long_named_dataset_from_somewhere
    partial:
      url: \${{ env.DATA_URL }}
      columns: [a_long_column_name, another_long_column_name, yet_another_column, and_one_more]
      options: {"quote \\"me\\"": 'it''s', nested: {deeper: [1, 2.5, -0.0, null, true, {k: v}]}, unicode: "é ⚠️ 😀"}
  - id: summary
    task: summarise
    partial:
      inputs:
        - \${{ workflow.data.return }}
        - \${{ workflow.data.return }}
      label: short
    mapvalues:
      argnames: frame
      argvalues: \${{ workflow.data.return }}
`;
    expectRuffClean(await pythonFiles(spec, registry));
  });
});
