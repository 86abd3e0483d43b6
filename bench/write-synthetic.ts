import { realScaleSpec, REAL_SCALE_TASKS } from './real-scale.ts';
import { syntheticRegistry } from './synthetic.ts';

/**
 * Writes the real-scale synthetic spec, or its registry, to stdout:
 *   node --import tsx bench/write-synthetic.ts 400 > spec.yaml
 *   node --import tsx bench/write-synthetic.ts --registry > registry.json
 */
const arg = process.argv[2] ?? '400';
if (arg === '--registry') process.stdout.write(syntheticRegistry(REAL_SCALE_TASKS) + '\n');
else {
  const instances = Number(arg);
  if (!Number.isInteger(instances) || instances < 1) {
    console.error('usage: write-synthetic.ts [instances (default 400)] | --registry');
    process.exit(2);
  }
  process.stdout.write(realScaleSpec(instances));
}
