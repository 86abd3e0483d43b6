import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { compileWorkflow, indexRegistry } from '../src/core/compiler/index.ts';
import { deriveRegistry } from '../src/test-support/derive-registry.ts';
import { hasReference, readReference, referencePath } from '../src/test-support/reference.ts';
import { measure, type Timing } from './measure.ts';
import { syntheticRegistry, syntheticSpec } from './synthetic.ts';

/**
 * `npm run bench`: parse + validate + params.json + rjsf.json (registry indexed once, as the app
 * caches it). Prints a table and writes bench/results/compile.json. Not a test: it never fails on speed.
 */

interface Row extends Timing {
  case: string;
  instances: number;
  usPerInstance: number;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const rows: Row[] = [];

function bench(name: string, specText: string, registryText: string, instances: number): void {
  const { index, diagnostics } = indexRegistry(registryText);
  if (!index || diagnostics.some((d) => d.severity === 'error')) throw new Error(`${name}: registry does not load`);
  const probe = compileWorkflow(specText, index);
  if (!probe.schemas) throw new Error(`${name}: spec does not compile: ${probe.diagnostics.map((d) => d.message).join('; ')}`);
  const t = measure(() => compileWorkflow(specText, index), RUNS);
  rows.push({ case: name, instances, ...t, usPerInstance: (t.medianMs * 1000) / instances });
}

if (hasReference('wt-examples', 'subject-tracking')) {
  const spec = readReference('wt-examples', 'subject-tracking', 'spec.yaml');
  const registry = deriveRegistry(readReference('wt-examples', 'subject-tracking', 'compiled', 'params.json'), spec);
  const instances = compileWorkflow(spec, registry).resolved.length;
  bench('subject-tracking', spec, registry, instances);
} else {
  console.log(`subject-tracking skipped: ${referencePath('wt-examples', 'subject-tracking')} is missing`);
}
for (const n of [15, 100, 300]) bench(`synthetic-${n}`, syntheticSpec(n), syntheticRegistry(Math.min(n, 40)), n);

const table = [
  '| case | instances | median ms | p10 ms | p90 ms | µs / instance |',
  '|---|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.case} | ${r.instances} | ${r.medianMs.toFixed(3)} | ${r.p10Ms.toFixed(3)} | ${r.p90Ms.toFixed(3)} | ${r.usPerInstance.toFixed(1)} |`),
].join('\n');
console.log(`compile (parse + validate + params.json + rjsf.json), ${RUNS} runs after 50 warm-up, node ${process.version}, ${cpus().length} cores\n`);
console.log(table);
const synthetic = rows.filter((r) => r.case.startsWith('synthetic-'));
if (synthetic.length >= 2) {
  const [first, last] = [synthetic[0], synthetic[synthetic.length - 1]];
  const slope = Math.log(last.medianMs / first.medianMs) / Math.log(last.instances / first.instances);
  console.log(`\ngrowth: cost ∝ instances^${slope.toFixed(2)} between ${first.instances} and ${last.instances} instances (1.00 = linear)`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/compile.json', JSON.stringify({ node: process.version, cores: cpus().length, runs: RUNS, rows }, null, 2) + '\n');
console.log('\nwrote bench/results/compile.json');
