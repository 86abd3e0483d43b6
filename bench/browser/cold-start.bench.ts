import { test, type Browser } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { AddressInfo } from 'node:net';
import { preview } from 'vite';

/**
 * Cold start → an editor that accepts a keystroke. Each run opens the app in a fresh browser context
 * (empty HTTP cache, no saved workspace, so the default example loads), types one character into the
 * Monaco spec editor as soon as its input exists, and times from navigation start to the moment the
 * character is drawn in the editor. The form and the graph are timed too, to show what comes first.
 *
 * CPU: the issue asks for this project's 2-core machine. On a machine with more cores the page's CPU
 * is slowed by cores / 2 (`Emulation.setCPUThrottlingRate`), an approximation: throttling slows every
 * thread of the renderer, not its core count. `BENCH_CPU_THROTTLE` overrides the rate.
 *
 * `BENCH_BASELINE_DIST=<dir>` also serves another build (say, one of the previous commit) and
 * alternates runs between the two, so before and after are measured in the same run.
 */

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 9);
const THROTTLE = Number(process.env.BENCH_CPU_THROTTLE ?? Math.max(1, cpus().length / 2));
// Typed at the start of the example's first line, a comment: `## …` is still a comment, so the
// spec stays valid and the form and graph still appear.
const MARK = '#';

interface Sample {
  /** ms from navigation start: Monaco's input exists, the typed character is drawn, form and graph shown. */
  editorInput: number;
  keystrokeShown: number;
  form: number;
  graph: number;
}

/** Installed before the page's own scripts: records when each milestone first appears. */
const OBSERVER = `(() => {
  const t = (window.__coldStart = {});
  const mark = ${JSON.stringify(MARK)};
  const seen = (name) => { if (t[name] === undefined) t[name] = performance.now(); };
  const check = () => {
    if (t.editorInput === undefined && document.querySelector('.monaco-editor [role="textbox"]')) seen('editorInput');
    if (t.form === undefined && document.querySelector('[aria-labelledby="form-heading"] form')) seen('form');
    if (t.graph === undefined && document.querySelector('[data-task-id]')) seen('graph');
    if (t.keystrokeShown === undefined && t.editorInput !== undefined) {
      for (const l of document.querySelectorAll('.monaco-editor .view-line')) if (l.textContent.startsWith(mark + mark)) { seen('keystrokeShown'); break; }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

async function coldStart(browser: Browser, baseURL: string): Promise<Sample> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    if (THROTTLE > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    }
    await page.addInitScript(OBSERVER);
    await page.goto('/', { waitUntil: 'commit' });
    // Monaco's input: an EditContext element in Chromium (its textarea takes no keys there).
    const input = page.getByRole('textbox', { name: /spec\.yaml editor/ });
    await input.waitFor({ state: 'attached', timeout: 60_000 });
    await input.focus();
    await page.keyboard.press(MARK);
    await page
      .waitForFunction(() => {
        const t = (window as unknown as { __coldStart: Partial<Sample> }).__coldStart;
        return t.keystrokeShown !== undefined && t.form !== undefined && t.graph !== undefined;
      }, undefined, { timeout: 60_000 })
      .catch(async (e: Error) => {
        const state = await page.evaluate(() => ({ seen: (window as unknown as { __coldStart: unknown }).__coldStart, first: document.querySelector('.view-line')?.textContent }));
        throw new Error(`${e.message}: ${JSON.stringify(state)}`);
      });
    return await page.evaluate(() => (window as unknown as { __coldStart: Sample }).__coldStart);
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function summary(samples: Sample[]) {
  const keys = ['editorInput', 'keystrokeShown', 'form', 'graph'] as const;
  return Object.fromEntries(keys.map((k) => [`${k}MedianMs`, Math.round(median(samples.map((s) => s[k])))])) as Record<`${(typeof keys)[number]}MedianMs`, number>;
}

test('cold start → a keystroke shown in the spec editor', async ({ browser, baseURL }) => {
  const targets: Array<{ label: string; url: string }> = [{ label: 'current', url: baseURL! }];
  const baselineDist = process.env.BENCH_BASELINE_DIST;
  const baseline = baselineDist
    ? await preview({ build: { outDir: baselineDist }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false }, logLevel: 'warn' })
    : undefined;
  try {
    if (baseline) targets.unshift({ label: `baseline (${baselineDist})`, url: `http://127.0.0.1:${(baseline.httpServer.address() as AddressInfo).port}` });
    const samples = new Map<string, Sample[]>(targets.map((t) => [t.label, []]));
    // One unmeasured start each warms the server and the OS file cache; then the targets alternate.
    for (const t of targets) await coldStart(browser, t.url);
    for (let i = 0; i < RUNS; i++) for (const t of targets) samples.get(t.label)!.push(await coldStart(browser, t.url));
    const results = Object.fromEntries(targets.map((t) => [t.label, { runs: RUNS, cpuThrottle: THROTTLE, ...summary(samples.get(t.label)!), samples: samples.get(t.label) }]));
    for (const [label, r] of Object.entries(results)) {
      console.log(
        `${label}: keystroke shown ${r.keystrokeShownMedianMs} ms (editor input ${r.editorInputMedianMs} ms, form ${r.formMedianMs} ms, graph ${r.graphMedianMs} ms), medians of ${RUNS} cold starts, CPU throttle ×${THROTTLE}`,
      );
    }
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/browser-cold-start.json', JSON.stringify(results, null, 2) + '\n');
  } finally {
    await baseline?.close();
  }
});
