import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { compileWorkflow, indexRegistry } from '../src/core/compiler/index.ts';
import { deriveRegistry } from '../src/test-support/derive-registry.ts';
import { hasReference, readReference, referencePath } from '../src/test-support/reference.ts';
import { CLOCK, fittedExponent, measure, runsFor, type Timing } from './measure.ts';
import { realScaleSpec, REAL_SCALE_TASKS } from './real-scale.ts';
import { syntheticRegistry, syntheticSpec } from './synthetic.ts';

/**
 * `npm run bench`: parse + validate + params.json + rjsf.json (registry indexed once, as the app
 * caches it). Prints a table and writes bench/results/compile.json. Not a test: it never fails on speed.
 * BENCH_RUNS caps the runs per case (default 300; large cases get fewer, at least 40).
 */

interface Row extends Timing {
  case: string;
  family: string;
  instances: number;
  usPerInstance: number;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const rows: Row[] = [];

function bench(name: string, family: string, specText: string, registryText: string, instances: number): void {
  const { index, diagnostics } = indexRegistry(registryText);
  if (!index || diagnostics.some((d) => d.severity === 'error')) throw new Error(`${name}: registry does not load`);
  const probe = compileWorkflow(specText, index);
  if (!probe.schemas) throw new Error(`${name}: spec does not compile: ${probe.diagnostics.map((d) => d.message).join('; ')}`);
  const t = measure(() => compileWorkflow(specText, index), runsFor(instances, RUNS), 20);
  rows.push({ case: name, family, instances, ...t, usPerInstance: (t.medianMs * 1000) / instances });
}

if (hasReference('wt-examples', 'subject-tracking')) {
  const spec = readReference('wt-examples', 'subject-tracking', 'spec.yaml');
  const registry = deriveRegistry(readReference('wt-examples', 'subject-tracking', 'compiled', 'params.json'), spec);
  const instances = compileWorkflow(spec, registry).resolved.length;
  bench('subject-tracking', 'real', spec, registry, instances);
} else {
  console.log(`subject-tracking skipped: ${referencePath('wt-examples', 'subject-tracking')} is missing`);
}
for (const n of [15, 100, 300, 1000]) bench(`synthetic-${n}`, 'synthetic', syntheticSpec(n), syntheticRegistry(Math.min(n, 40)), n);
const realRegistry = syntheticRegistry(REAL_SCALE_TASKS);
for (const n of [15, 50, 400, 1000]) bench(`real-scale-${n}`, 'real-scale', realScaleSpec(n), realRegistry, n);

const table = [
  '| case | instances | runs | median ms | p10 ms | p90 ms | µs / instance |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.case} | ${r.instances} | ${r.runs} | ${r.medianMs.toFixed(2)} | ${r.p10Ms.toFixed(2)} | ${r.p90Ms.toFixed(2)} | ${r.usPerInstance.toFixed(1)} |`),
].join('\n');
console.log(`compile (parse + validate + params.json + rjsf.json), ${CLOCK} clock, up to ${RUNS} runs after 20 warm-up, node ${process.version}, ${cpus().length} cores\n`);
console.log(table);
console.log('');
const growth: Record<string, number> = {};
for (const family of ['synthetic', 'real-scale']) {
  const points = rows.filter((r) => r.family === family);
  if (points.length < 2) continue;
  growth[family] = fittedExponent(points.map((r) => [r.instances, r.medianMs]));
  console.log(`growth (${family}): cost ∝ instances^${growth[family].toFixed(2)} from ${points[0].instances} to ${points[points.length - 1].instances} instances (least squares on log-log; 1.00 = linear)`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/compile.json', JSON.stringify({ node: process.version, cores: cpus().length, clock: CLOCK, runs: RUNS, rows, growth }, null, 2) + '\n');
console.log('\nwrote bench/results/compile.json');
