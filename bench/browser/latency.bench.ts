import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { deriveRegistry } from '../../src/test-support/derive-registry.ts';
import { hasReference, readReference } from '../../src/test-support/reference.ts';
import { setSpec } from '../../e2e/spec-editor.ts';
import { syntheticRegistry, syntheticSpec } from '../synthetic.ts';
import { LARGE_SPEC_TASKS, largeSpec } from './large-spec.ts';

/**
 * Keystroke → form and graph updated, in Chromium against the built app. The first instance's
 * `name` is edited in the Monaco editor: it is that task's section title in the Parameters form and
 * part of its node's label in the Workflow graph. The time runs from the keydown event to the
 * moment both panels show the new name.
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;
/** Which cases run (comma-separated labels' first words, e.g. `BENCH_CASES=large-400`); all by default. */
const CASES = process.env.BENCH_CASES?.split(',');
const runs = (name: string) => !CASES || CASES.some((c) => name.startsWith(c));
const results: Record<string, { instances: number; runs: number; medianMs: number; p90Ms: number }> = {};

const lastIdOf = (spec: string) => [...spec.matchAll(/^\s*-?\s*id: (\w+)$/gm)].at(-1)![1];

/**
 * Opens the spec and registry as files in a loaded app; resolves with the ms from the file input's
 * change event until the graph shows a node of *this* spec (the previous graph stays until then).
 */
async function openWorkspace(page: Page, spec: string, registry: string): Promise<number> {
  await page.goto('/');
  await page.locator("svg [data-task-id]").first().waitFor({ timeout: 60_000 });
  const lastId = lastIdOf(spec);
  const measured = page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        document.addEventListener(
          'change',
          (e) => {
            const start = e.timeStamp;
            const poll = () => (document.querySelector(`svg [data-task-id="${id}"]`) ? resolve(performance.now() - start) : requestAnimationFrame(poll));
            poll();
          },
          { once: true, capture: true },
        );
      }),
    lastId,
  );
  await page.getByLabel('Open files').setInputFiles([
    { name: 'registry.json', mimeType: 'application/json', buffer: Buffer.from(registry) },
    { name: 'spec.yaml', mimeType: 'text/yaml', buffer: Buffer.from(spec) },
  ]);
  await page.locator(`svg [data-task-id="${lastId}"]`).first().waitFor({ timeout: 60_000 });
  return measured;
}

/** Ms from navigation start until the saved workspace's graph shows `lastId` (a reload of the app). */
async function reloadToGraph(page: Page, lastId: string): Promise<number> {
  await page.reload();
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        const poll = () => (document.querySelector(`svg [data-task-id="${id}"]`) ? resolve(performance.now()) : requestAnimationFrame(poll));
        poll();
      }),
    lastId,
  );
}

/**
 * Opening → first graph: the files opened into a loaded app, and a reload of the app with that
 * workspace saved, each timed until the graph shows the spec's last task.
 */
async function benchOpen(browser: Browser, baseURL: string | undefined, label: string, spec: string, registry: string, instances: number, times = 5) {
  const open: number[] = [];
  const reload: number[] = [];
  for (let i = 0; i < times; i++) {
    // A fresh context each time: the saved workspace of the last run would otherwise be on screen already.
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    open.push(await openWorkspace(page, spec, registry));
    reload.push(await reloadToGraph(page, lastIdOf(spec)));
    await context.close();
  }
  record(`${label} open files → first graph`, instances, open);
  record(`${label} reload → first graph`, instances, reload);
}

/** Resolves (in the page) once a node under `region` shows `marker`; checks only what changed. */
function watchScript(regionHeading: string, marker: string): string {
  return `new Promise((resolve) => {
    const root = document.querySelector('[aria-labelledby="${regionHeading}"]');
    const has = (n) => n && ((n.nodeType === 1 && (n.outerHTML || '').includes(${JSON.stringify(marker)})) || (n.nodeType === 3 && n.textContent.includes(${JSON.stringify(marker)})));
    const obs = new MutationObserver((records) => {
      for (const r of records) {
        const hit = r.type === 'attributes' ? (r.target.getAttribute(r.attributeName) || '').includes(${JSON.stringify(marker)})
          : r.type === 'characterData' ? r.target.textContent.includes(${JSON.stringify(marker)})
          : [...r.addedNodes].some(has);
        if (hit) { obs.disconnect(); resolve(performance.now()); return; }
      }
    });
    obs.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  })`;
}

/** Presses `key` and resolves with the ms from its keydown until every watched region shows its marker. */
async function timeKeystroke(page: Page, key: string, watch: Array<[heading: string, marker: string]>): Promise<number> {
  return Math.max(...(await timeKeystrokeEach(page, key, watch)));
}

/** Like timeKeystroke, with the ms until each watched region showed its marker. */
async function timeKeystrokeEach(page: Page, key: string, watch: Array<[heading: string, marker: string]>): Promise<number[]> {
  const measured = page.evaluate(
    (scripts) =>
      new Promise<number[]>((resolve) => {
        document.addEventListener(
          'keydown',
          (e) => {
            const start = e.timeStamp;
            void Promise.all(scripts.map((s) => eval(s) as Promise<number>)).then((times) => resolve(times.map((t) => t - start)));
          },
          { once: true, capture: true },
        );
      }),
    watch.map(([heading, marker]) => watchScript(heading, marker)),
  );
  await page.waitForTimeout(50);
  await page.keyboard.press(key);
  return measured;
}

/** Moves the cursor to the end of 0-based `line`. */
async function cursorToEndOf(page: Page, line: number) {
  if (line < 30) {
    await page.keyboard.press('Control+Home');
    for (let k = 0; k < line; k++) await page.keyboard.press('ArrowDown');
  } else {
    // Far down a long spec: Monaco's Go to Line (Ctrl+G) instead of hundreds of arrow keys.
    await page.keyboard.press('Control+g');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line + 1}`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__wtSpecEditor?.getPosition()?.line)).toBe(line + 1);
  }
  await page.keyboard.press('End');
}

function record(label: string, instances: number, samples: number[]) {
  samples.sort((a, b) => a - b);
  results[label] = { instances, runs: samples.length, medianMs: samples[Math.floor(samples.length / 2)], p90Ms: samples[Math.floor(samples.length * 0.9)] };
  console.log(`${label} (${instances} instances): median ${results[label].medianMs.toFixed(0)} ms, p90 ${results[label].p90Ms.toFixed(0)} ms over ${samples.length} runs`);
}

/** A rename: the first instance's name is its form section's title and part of its node's label. */
async function benchRename(page: Page, label: string, spec: string, instances: number) {
  const all = spec.split('\n');
  const workflowAt = all.findIndex((l) => /^workflow:/.test(l));
  const nameLine = all.findIndex((l, i) => i > workflowAt && /^\s+(- )?name: \S/.test(l));
  const samples: number[] = [];
  const graphOnly: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const marker = `Bench${i}x`;
    const lines = spec.split('\n');
    lines[nameLine] += ` ${marker.slice(0, -1)}`;
    await setSpec(page, lines.join('\n'));
    // Let the previous edit settle in both panels before timing the next keystroke.
    await expect(page.getByRole('region', { name: 'Workflow graph' }).locator(`[aria-label*="${marker.slice(0, -1)}"]`).first()).toBeAttached({ timeout: 30_000 });
    await cursorToEndOf(page, nameLine);
    const [form, graph] = await timeKeystrokeEach(page, marker.slice(-1), [
      ['form-heading', marker],
      ['graph-heading', marker],
    ]);
    if (i >= WARMUP) samples.push(Math.max(form, graph)), graphOnly.push(graph);
  }
  record(label, instances, samples);
  record(`${label} (graph only)`, instances, graphOnly);
}

/**
 * A structural edit: one keystroke re-points instance t150's `df` reference (`t4` → `t42`, a digit
 * typed), so the graph gets a different edge and Graphviz lays it out again. Each run makes a DOT
 * not seen before, so no cached layout answers. Timed until the new edge is drawn.
 */
async function benchRewire(page: Page, label: string, spec: string, instances: number) {
  const lines = spec.split('\n');
  const refLine = lines.findIndex((l) => l.includes('df: ${{ workflow.t149.return }}'));
  const target = lines.slice(0, refLine).reverse().find((l) => /id: t\d+/.test(l))!.match(/t\d+/)![0];
  const graph = page.getByRole('region', { name: 'Workflow graph' });
  const samples: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const from = 2 + (i % 13);
    const digit = Math.floor(i / 13) % 10;
    lines[refLine] = lines[refLine].replace(/t\d+\.return/, `t${from}.return`);
    await setSpec(page, lines.join('\n'));
    await expect(graph.locator('title', { hasText: new RegExp(`^t${from}:return->${target}:`) })).toBeAttached({ timeout: 30_000 });
    await cursorToEndOf(page, refLine);
    for (let k = 0; k < '.return }}'.length; k++) await page.keyboard.press('ArrowLeft');
    const ms = await timeKeystroke(page, String(digit), [['graph-heading', `t${from}${digit}:return-&gt;${target}:`]]);
    if (i >= WARMUP) samples.push(ms);
  }
  record(label, instances, samples);
}

test('keystroke → Parameters form and Workflow graph updated', async ({ page, browser, baseURL }) => {
  // The 400-instance case takes long on a shared machine.
  test.setTimeout(3_600_000);
  if (runs('subject-tracking') && hasReference('wt-examples', 'subject-tracking')) {
    const spec = readReference('wt-examples', 'subject-tracking', 'spec.yaml');
    await openWorkspace(page, spec, deriveRegistry(readReference('wt-examples', 'subject-tracking', 'compiled', 'params.json'), spec));
    await benchRename(page, 'subject-tracking', spec, 82);
  }
  if (runs('synthetic-300')) {
    const synthetic = syntheticSpec(300);
    await openWorkspace(page, synthetic, syntheticRegistry(40));
    await benchRename(page, 'synthetic-300', synthetic, 300);
    await benchRewire(page, 'synthetic-300 structural edit (graph only)', synthetic, 300);
  }
  if (runs('large-400')) {
    // About 400 instances and 6,000 lines: the largest real workflows (bench/browser/large-spec.ts).
    const large = largeSpec(400);
    const registry = syntheticRegistry(LARGE_SPEC_TASKS);
    await benchOpen(browser, baseURL, 'large-400', large, registry, 400, Number(process.env.BENCH_OPENS ?? 5));
    // BENCH_OPEN_ONLY=1: only opening → first graph (an A/B of start-up takes minutes, not a quarter hour).
    if (process.env.BENCH_OPEN_ONLY) return void writeResults();
    await openWorkspace(page, large, registry);
    await benchRename(page, 'large-400', large, 400);
    await benchRewire(page, 'large-400 structural edit (graph only)', large, 400);
  }
  writeResults();
});

function writeResults() {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/browser-latency.json', JSON.stringify(results, null, 2) + '\n');
}
