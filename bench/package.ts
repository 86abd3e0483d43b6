import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { buildPackage, compileWorkflow, indexRegistry, isCompiled } from '../src/core/compiler/index.ts';
import { reproducibleZip } from '../src/core/util/zip.ts';
import { deriveRegistry } from '../src/test-support/derive-registry.ts';
import { hasReference, readReference, referencePath } from '../src/test-support/reference.ts';
import { measureAsync, type Timing } from './measure.ts';
import { syntheticRegistry, syntheticSpec } from './synthetic.ts';

/**
 * `npm run bench` (part 2): the whole workflow package — compile plus every artifact except the
 * Graphviz SVG rendering — and, separately, the reproducible zip of that tree.
 */

interface Row {
  case: string;
  instances: number;
  files: number;
  package: Timing;
  zip: Timing;
  zipBytes: number;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const rows: Row[] = [];

async function bench(name: string, specText: string, registryText: string): Promise<void> {
  const { index } = indexRegistry(registryText);
  const options = { pkgNamePrefix: 'ecoscope-workflows' };
  const build = async () => {
    const compiled = compileWorkflow(specText, index!, options);
    if (!isCompiled(compiled)) throw new Error(`${name} does not compile`);
    return buildPackage(compiled, { resultsEnvVar: 'ECOSCOPE_WORKFLOWS_RESULTS', variant: 'gcp', renderGraph: false });
  };
  const built = await build();
  const entries = built.files.map((f) => ({ path: f.path, content: f.text }));
  const zipBytes = (await reproducibleZip(entries)).length;
  rows.push({
    case: name,
    instances: compileWorkflow(specText, index!, options).resolved.length,
    files: built.files.length,
    package: await measureAsync(build, RUNS, 30),
    zip: await measureAsync(() => reproducibleZip(entries), RUNS, 30),
    zipBytes,
  });
}

if (hasReference('wt-examples', 'subject-tracking')) {
  const spec = readReference('wt-examples', 'subject-tracking', 'spec.yaml');
  await bench('subject-tracking', spec, deriveRegistry(readReference('wt-examples', 'subject-tracking', 'compiled', 'params.json'), spec));
} else {
  console.log(`subject-tracking skipped: ${referencePath('wt-examples', 'subject-tracking')} is missing`);
}
for (const n of [15, 100, 300]) await bench(`synthetic-${n}`, syntheticSpec(n), syntheticRegistry(Math.min(n, 40)));

console.log(`\nworkflow package (compile + all artifacts but graph.svg) and zip, ${RUNS} runs after 30 warm-up, node ${process.version}, ${cpus().length} cores\n`);
console.log('| case | instances | files | package median ms | p90 | zip median ms | p90 | zip KB |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.case} | ${r.instances} | ${r.files} | ${r.package.medianMs.toFixed(2)} | ${r.package.p90Ms.toFixed(2)} | ${r.zip.medianMs.toFixed(2)} | ${r.zip.p90Ms.toFixed(2)} | ${(r.zipBytes / 1024).toFixed(0)} |`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/package.json', JSON.stringify({ node: process.version, cores: cpus().length, runs: RUNS, rows }, null, 2) + '\n');
console.log('\nwrote bench/results/package.json');
