import { describe, expect, it } from 'vitest';
import { realScaleSpec, REAL_SCALE_TASKS } from '../../../bench/real-scale.ts';
import { syntheticRegistry } from '../../../bench/synthetic.ts';
import { dumpPythonJsonFile } from '../util/python-json.ts';
import { YamlReader } from '../util/yaml-reader.ts';
import { compileWorkflow, indexRegistry } from './index.ts';

/**
 * Scaling tests: the cost per unit of input must not grow with the input. No time limits: each
 * test compares two sizes in one process, using the least CPU time (not wall time, which a busy
 * machine stretches more for long runs than for short ones) of several runs, with a generous ratio.
 * A linear stage gives a ratio near 1; a quadratic one grows with the size factor.
 */

function leastCpuMicros(fn: () => unknown, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    fn();
    const used = process.cpuUsage(t0);
    best = Math.min(best, used.user + used.system);
  }
  return best;
}

/** Cost per unit at `large` over cost per unit at `small`; `make(n)` returns the work for size n. */
function perUnitRatio(make: (n: number) => () => unknown, small: number, large: number, runs: { small: number; large: number }): number {
  const smallWork = make(small);
  const largeWork = make(large);
  smallWork();
  largeWork(); // warm-up: compile the code paths at both sizes
  const perSmall = leastCpuMicros(smallWork, runs.small) / small;
  const perLarge = leastCpuMicros(largeWork, runs.large) / large;
  return perLarge / perSmall;
}

describe('compile scales linearly with the number of task instances', () => {
  const { index } = indexRegistry(syntheticRegistry(REAL_SCALE_TASKS));

  it('costs about the same per instance at 1,000 instances as at 100 (parse + validate + params + rjsf)', { timeout: 180_000 }, () => {
    const ratio = perUnitRatio((n) => {
      const spec = realScaleSpec(n);
      return () => compileWorkflow(spec, index!);
    }, 100, 1000, { small: 30, large: 5 });
    // Linear code measures 1.5 to 3 here (a bigger heap costs more per object); a quadratic stage
    // that costs as much as the rest at 100 instances measures over 5.
    expect(ratio, `ratio ${ratio}`).toBeLessThan(4);
  });

  it('costs about the same per instance at 3,000 instances as at 1,000', { timeout: 180_000 }, () => {
    const ratio = perUnitRatio((n) => {
      const spec = realScaleSpec(n);
      return () => compileWorkflow(spec, index!);
    }, 1000, 3000, { small: 5, large: 3 });
    expect(ratio, `ratio ${ratio}`).toBeLessThan(1.8);
  });

  it('writes params.json and rjsf.json at a cost per byte that does not grow with their size', { timeout: 120_000 }, () => {
    const forms = (n: number) => compileWorkflow(realScaleSpec(n), index!).schemas!;
    const small = forms(50);
    const large = forms(1000);
    const bytes = (s: ReturnType<typeof forms>) => s.paramsJsonText.length + s.rjsfJsonText.length;
    const dump = (s: ReturnType<typeof forms>) => () => [dumpPythonJsonFile(s.paramsJson), dumpPythonJsonFile(s.rjsfJson)];
    dump(small)();
    dump(large)();
    const perSmall = leastCpuMicros(dump(small), 40) / bytes(small);
    const perLarge = leastCpuMicros(dump(large), 8) / bytes(large);
    // One token array for the whole output measured about 8 here.
    expect(perLarge / perSmall, `ratio ${perLarge / perSmall}`).toBeLessThan(4);
  });
});

describe('YAML reading scales linearly with the size of a mapping', () => {
  it('reads a mapping of 16,000 keys at about the cost per key of 2,000 keys', { timeout: 120_000 }, () => {
    const mapping = (keys: number) => Array.from({ length: keys }, (_, i) => `key_${i}.properties.column.default: value ${i}`).join('\n') + '\n';
    const ratio = perUnitRatio((n) => {
      const text = mapping(n);
      return () => new YamlReader(text);
    }, 2000, 16_000, { small: 20, large: 8 });
    // Linear code measures 1 to 2.6 here (GC grows with the heap); the parser's duplicate-key check,
    // which compared each key with every earlier one, grows with the 8x size factor.
    expect(ratio, `ratio ${ratio}`).toBeLessThan(4.5);
  });
});
