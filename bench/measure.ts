/** Timing helpers: medians over many runs after a warm-up, so one slow run doesn't decide the figure. */

export interface Timing {
  runs: number;
  medianMs: number;
  p10Ms: number;
  p90Ms: number;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed, and summarises. */
export function measure(fn: () => unknown, runs = 200, warmup = 50): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}

/** The same for an async function, awaited run by run. */
export async function measureAsync(fn: () => Promise<unknown>, runs = 200, warmup = 50): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}

function summarise(samples: number[]): Timing {
  const runs = samples.length;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { runs, medianMs: at(0.5), p10Ms: at(0.1), p90Ms: at(0.9) };
}
