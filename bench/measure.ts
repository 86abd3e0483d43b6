/** Timing helpers: medians over many runs after a warm-up, so one slow run doesn't decide the figure. */

export interface Timing {
  runs: number;
  medianMs: number;
  p10Ms: number;
  p90Ms: number;
}

/**
 * BENCH_CLOCK=cpu times the process's CPU time instead of wall time: on a machine shared with
 * other work, wall time stretches long runs more than short ones, CPU time much less.
 */
export const CLOCK: 'wall' | 'cpu' = process.env.BENCH_CLOCK === 'cpu' ? 'cpu' : 'wall';

/** Milliseconds on the chosen clock. */
function now(): number {
  if (CLOCK === 'wall') return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed, and summarises. */
export function measure(fn: () => unknown, runs = 200, warmup = 50): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    fn();
    samples.push(now() - t0);
  }
  return summarise(samples);
}

/** The same for an async function, awaited run by run. */
export async function measureAsync(fn: () => Promise<unknown>, runs = 200, warmup = 50): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await fn();
    samples.push(now() - t0);
  }
  return summarise(samples);
}

function summarise(samples: number[]): Timing {
  const runs = samples.length;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { runs, medianMs: at(0.5), p10Ms: at(0.1), p90Ms: at(0.9) };
}

/** Runs for a case of `instances`: `max` for small cases, fewer for large ones (never under 40). */
export function runsFor(instances: number, max: number): number {
  return Math.max(40, Math.min(max, Math.round((max * 100) / instances)));
}

/** The exponent b of cost ≈ a·n^b fitted by least squares on log-log points `[n, cost]`. */
export function fittedExponent(points: Array<[number, number]>): number {
  const xs = points.map(([n]) => Math.log(n));
  const ys = points.map(([, c]) => Math.log(c));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}
