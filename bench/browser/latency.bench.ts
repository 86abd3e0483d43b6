import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { deriveRegistry } from '../../src/test-support/derive-registry.ts';
import { hasReference, readReference } from '../../src/test-support/reference.ts';
import { setSpec } from '../../e2e/spec-editor.ts';
import { syntheticRegistry, syntheticSpec } from '../synthetic.ts';

/**
 * Keystroke → form and graph updated, in Chromium against the built app. The first instance's
 * `name` is edited in the Monaco editor: it is that task's section title in the Parameters form and
 * part of its node's label in the Workflow graph. The time runs from the keydown event to the
 * moment both panels show the new name.
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;
const results: Record<string, { instances: number; runs: number; medianMs: number; p90Ms: number }> = {};

async function openWorkspace(page: Page, spec: string, registry: string) {
  await page.goto('/');
  await page.getByLabel('Open files').setInputFiles([
    { name: 'registry.json', mimeType: 'application/json', buffer: Buffer.from(registry) },
    { name: 'spec.yaml', mimeType: 'text/yaml', buffer: Buffer.from(spec) },
  ]);
  // Wait for a node of *this* spec: the default example's graph is on screen until the files are read.
  const lastId = [...spec.matchAll(/^\s*-?\s*id: (\w+)$/gm)].at(-1)![1];
  await page.locator(`[data-task-id="${lastId}"]`).first().waitFor({ timeout: 60_000 });
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
  const measured = page.evaluate(
    (scripts) =>
      new Promise<number>((resolve) => {
        document.addEventListener(
          'keydown',
          (e) => {
            const start = e.timeStamp;
            void Promise.all(scripts.map((s) => eval(s) as Promise<number>)).then((times) => resolve(Math.max(...times) - start));
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
  await page.keyboard.press('Control+Home');
  for (let k = 0; k < line; k++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

function record(label: string, instances: number, samples: number[]) {
  samples.sort((a, b) => a - b);
  results[label] = { instances, runs: samples.length, medianMs: samples[Math.floor(samples.length / 2)], p90Ms: samples[Math.floor(samples.length * 0.9)] };
  console.log(`${label} (${instances} instances): median ${results[label].medianMs.toFixed(0)} ms, p90 ${results[label].p90Ms.toFixed(0)} ms over ${samples.length} keystrokes`);
}

/** A rename: the first instance's name is its form section's title and part of its node's label. */
async function benchRename(page: Page, label: string, spec: string, instances: number) {
  const all = spec.split('\n');
  const workflowAt = all.findIndex((l) => /^workflow:/.test(l));
  const nameLine = all.findIndex((l, i) => i > workflowAt && /^\s+(- )?name: \S/.test(l));
  const samples: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const marker = `Bench${i}x`;
    const lines = spec.split('\n');
    lines[nameLine] += ` ${marker.slice(0, -1)}`;
    await setSpec(page, lines.join('\n'));
    // Let the previous edit settle in both panels before timing the next keystroke.
    await expect(page.getByRole('region', { name: 'Workflow graph' }).locator(`[aria-label*="${marker.slice(0, -1)}"]`).first()).toBeAttached({ timeout: 30_000 });
    await cursorToEndOf(page, nameLine);
    const ms = await timeKeystroke(page, marker.slice(-1), [
      ['form-heading', marker],
      ['graph-heading', marker],
    ]);
    if (i >= WARMUP) samples.push(ms);
  }
  record(label, instances, samples);
}

/**
 * A structural edit: one keystroke re-points instance t150's `df` reference (`t4` → `t42`, a digit
 * typed), so the graph gets a different edge and Graphviz lays it out again. Each run makes a DOT
 * not seen before, so no cached layout answers. Timed until the new edge is drawn.
 */
async function benchRewire(page: Page, label: string, spec: string, instances: number) {
  const lines = spec.split('\n');
  const refLine = lines.findIndex((l) => l.includes('df: ${{ workflow.t149.return }}'));
  const graph = page.getByRole('region', { name: 'Workflow graph' });
  const samples: number[] = [];
  for (let i = 0; i < RUNS + WARMUP; i++) {
    const from = 2 + (i % 13);
    const digit = Math.floor(i / 13) % 10;
    lines[refLine] = lines[refLine].replace(/t\d+\.return/, `t${from}.return`);
    await setSpec(page, lines.join('\n'));
    await expect(graph.locator('title', { hasText: new RegExp(`^t${from}:return->t150:`) })).toBeAttached({ timeout: 30_000 });
    await cursorToEndOf(page, refLine);
    for (let k = 0; k < '.return }}'.length; k++) await page.keyboard.press('ArrowLeft');
    const ms = await timeKeystroke(page, String(digit), [['graph-heading', `t${from}${digit}:return-&gt;t150:`]]);
    if (i >= WARMUP) samples.push(ms);
  }
  record(label, instances, samples);
}

test('keystroke → Parameters form and Workflow graph updated', async ({ page }) => {
  if (hasReference('wt-examples', 'subject-tracking')) {
    const spec = readReference('wt-examples', 'subject-tracking', 'spec.yaml');
    await openWorkspace(page, spec, deriveRegistry(readReference('wt-examples', 'subject-tracking', 'compiled', 'params.json'), spec));
    await benchRename(page, 'subject-tracking', spec, 82);
  }
  const synthetic = syntheticSpec(300);
  await openWorkspace(page, synthetic, syntheticRegistry(40));
  await benchRename(page, 'synthetic-300', synthetic, 300);
  await benchRewire(page, 'synthetic-300 structural edit (graph only)', synthetic, 300);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/browser-latency.json', JSON.stringify(results, null, 2) + '\n');
});
