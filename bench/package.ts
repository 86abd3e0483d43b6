import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { buildPackage, compileWorkflow, indexRegistry, isCompiled } from '../src/core/compiler/index.ts';
import { reproducibleZip } from '../src/core/util/zip.ts';
import { deriveRegistry } from '../src/test-support/derive-registry.ts';
import { hasReference, readReference, referencePath } from '../src/test-support/reference.ts';
import { CLOCK, fittedExponent, measureAsync, runsFor, type Timing } from './measure.ts';
import { realScaleSpec, REAL_SCALE_TASKS } from './real-scale.ts';
import { syntheticRegistry, syntheticSpec } from './synthetic.ts';

/**
 * `npm run bench` (part 2): the whole workflow package — compile plus every artifact except the
 * Graphviz SVG rendering — and, separately, the reproducible zip of that tree.
 */

interface Row {
  case: string;
  family: string;
  instances: number;
  files: number;
  package: Timing;
  zip: Timing;
  zipBytes: number;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const rows: Row[] = [];

async function bench(name: string, family: string, specText: string, registryText: string): Promise<void> {
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
  const instances = compileWorkflow(specText, index!, options).resolved.length;
  rows.push({
    case: name,
    family,
    instances,
    files: built.files.length,
    package: await measureAsync(build, runsFor(instances, RUNS), 10),
    zip: await measureAsync(() => reproducibleZip(entries), runsFor(instances, RUNS), 10),
    zipBytes,
  });
}

if (hasReference('wt-examples', 'subject-tracking')) {
  const spec = readReference('wt-examples', 'subject-tracking', 'spec.yaml');
  await bench('subject-tracking', 'real', spec, deriveRegistry(readReference('wt-examples', 'subject-tracking', 'compiled', 'params.json'), spec));
} else {
  console.log(`subject-tracking skipped: ${referencePath('wt-examples', 'subject-tracking')} is missing`);
}
for (const n of [15, 100, 300, 1000]) await bench(`synthetic-${n}`, 'synthetic', syntheticSpec(n), syntheticRegistry(Math.min(n, 40)));
const realRegistry = syntheticRegistry(REAL_SCALE_TASKS);
for (const n of [15, 50, 400, 1000]) await bench(`real-scale-${n}`, 'real-scale', realScaleSpec(n), realRegistry);

console.log(`\nworkflow package (compile + all artifacts but graph.svg) and zip, ${CLOCK} clock, up to ${RUNS} runs after 10 warm-up, node ${process.version}, ${cpus().length} cores\n`);
console.log('| case | instances | files | runs | package median ms | p10 | p90 | µs / instance | zip median ms | p90 | zip KB |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const p = r.package;
  console.log(
    `| ${r.case} | ${r.instances} | ${r.files} | ${p.runs} | ${p.medianMs.toFixed(2)} | ${p.p10Ms.toFixed(2)} | ${p.p90Ms.toFixed(2)} | ${((p.medianMs * 1000) / r.instances).toFixed(1)} | ${r.zip.medianMs.toFixed(2)} | ${r.zip.p90Ms.toFixed(2)} | ${(r.zipBytes / 1024).toFixed(0)} |`,
  );
}
const growth: Record<string, number> = {};
for (const family of ['synthetic', 'real-scale']) {
  const points = rows.filter((r) => r.family === family);
  if (points.length < 2) continue;
  growth[family] = fittedExponent(points.map((r) => [r.instances, r.package.medianMs]));
  console.log(`\ngrowth (${family}): package cost ∝ instances^${growth[family].toFixed(2)} from ${points[0].instances} to ${points[points.length - 1].instances} instances`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/package.json', JSON.stringify({ node: process.version, cores: cpus().length, clock: CLOCK, runs: RUNS, rows, growth }, null, 2) + '\n');
console.log('\nwrote bench/results/package.json');
