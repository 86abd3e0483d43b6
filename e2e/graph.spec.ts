import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { syntheticRegistry } from '../bench/synthetic.ts';
import { LARGE_SPEC_TASKS, largeSpec } from '../bench/browser/large-spec.ts';
import { trackExternalRequests } from './offline.ts';
import { readSpec, setSpec } from './spec-editor.ts';

const TASKS = ['time_range', 'sightings', 'by_site', 'counts', 'charts', 'pages', 'report'];

/** Opens the default example (wildlife-counts) and waits for the Graphviz SVG. */
async function openGraph(page: Page): Promise<Locator> {
  await page.goto('/');
  const graph = page.getByRole('region', { name: 'Workflow graph' });
  // Graphviz loads and lays out on first use: slow on a busy machine.
  await expect(graph.locator('svg [data-task-id]')).toHaveCount(TASKS.length, { timeout: 30_000 });
  return graph;
}

/** True once document.activeElement sits inside the Spec editor region. */
function editorHasFocus(page: Page): Promise<boolean> {
  return page.getByRole('region', { name: 'Spec editor' }).evaluate((el) => el.contains(document.activeElement));
}

async function scale(graph: Locator): Promise<number> {
  return Number(await graph.locator('.graph-viewport').getAttribute('data-scale'));
}

test('task nodes are labelled buttons; Tab and Enter reveal a task in the spec editor', async ({ page }, testInfo) => {
  const external = trackExternalRequests(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const graph = await openGraph(page);

  await expect(graph.getByRole('group', { name: 'Workflow graph: 7 tasks, 7 dependencies' })).toBeVisible();
  for (const id of TASKS) {
    const node = graph.locator(`svg [data-task-id="${id}"]`);
    await expect(node).toHaveAttribute('role', 'button');
    await expect(node).toHaveAttribute('tabindex', '0');
  }
  await expect(graph.getByRole('button', { name: 'charts: Charts (render_chart)' })).toBeVisible();
  await expect(graph.getByRole('button', { name: 'time_range: Time Range (set_time_range)' })).toBeVisible();

  // Keyboard: from the last control, Tab walks the nodes in workflow order.
  await graph.getByRole('button', { name: 'Export PNG' }).focus();
  await page.keyboard.press('Tab');
  await expect(graph.locator('[data-task-id="time_range"]')).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  const charts = graph.locator('[data-task-id="charts"]');
  await expect(charts).toBeFocused();
  // The focus ring is drawn (a stroked rect around the node).
  const ringStroke = await charts.locator('rect.node-focus-ring').evaluate((r) => getComputedStyle(r).stroke);
  expect(ringStroke).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent|none/);
  await page.screenshot({ path: testInfo.outputPath('graph-focused-node.png') });

  await page.keyboard.press('Enter');
  await expect.poll(() => editorHasFocus(page)).toBe(true);
  // Spec line, form section and graph are all in view together: focusing the editor does not
  // scroll the form's section or the graph away.
  await expect.poll(() => page.evaluate(() => window.__wtSpecEditor?.getPosition()?.line)).toBeGreaterThan(30);
  await expect(page.getByRole('region', { name: 'Parameters form' }).locator('[data-task-id="charts"]').first()).toBeInViewport();
  await expect(charts).toBeInViewport();
  await expect(charts).toHaveAttribute('aria-current', 'true');
  await expect(charts).toHaveClass(/is-active/);
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('status')).toHaveText('No problems.');

  // A click activates too, and moves the highlight.
  await graph.locator('[data-task-id="sightings"]').click();
  await expect.poll(() => editorHasFocus(page)).toBe(true);
  await expect(graph.locator('[data-task-id="sightings"]')).toHaveAttribute('aria-current', 'true');
  await expect(charts).not.toHaveAttribute('aria-current', 'true');

  await graph.screenshot({ path: testInfo.outputPath('graph-panel.png') });
  expect(pageErrors).toEqual([]);
  expect(external).toEqual([]);
});

test('zoom in/out, reset, fit, Ctrl+wheel and drag to pan', async ({ page }) => {
  const graph = await openGraph(page);
  const viewport = graph.locator('.graph-viewport');
  const svg = graph.locator('svg.workflow-graph-svg');
  const level = graph.getByRole('status', { name: 'Zoom level' });

  await graph.getByRole('button', { name: 'Reset' }).click();
  await expect(level).toHaveText('100%');
  const base = (await svg.boundingBox())!.width;

  await graph.getByRole('button', { name: 'Zoom in' }).click();
  await expect(level).toHaveText('125%');
  expect((await svg.boundingBox())!.width).toBeCloseTo(base * 1.25, 0);
  await graph.getByRole('button', { name: 'Zoom out' }).click();
  await graph.getByRole('button', { name: 'Zoom out' }).click();
  await expect(level).toHaveText('80%');
  expect((await svg.boundingBox())!.width).toBeCloseTo(base * 0.8, 0);

  // Fit: the whole graph when it stays readable, else the panel's width with readable text (the
  // overview map shows the rest). Either way nothing scrolls sideways.
  await graph.getByRole('button', { name: 'Fit' }).click();
  await expect.poll(async () => viewport.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 || Number(el.dataset.scale) === 0.55)).toBe(true);
  const fitted = await scale(graph);
  const frame = (await viewport.boundingBox())!;
  const box = (await svg.boundingBox())!;
  if (fitted > 0.55) {
    expect(box.width).toBeLessThanOrEqual(frame.width);
    expect(box.height).toBeLessThanOrEqual(frame.height);
  } else {
    expect(fitted).toBe(0.55);
    await expect(graph.locator('.graph-minimap')).toBeVisible();
  }

  // Ctrl+wheel zooms around the pointer; a plain wheel does not zoom.
  await graph.getByRole('button', { name: 'Reset' }).click();
  await viewport.scrollIntoViewIfNeeded();
  const vp = (await viewport.boundingBox())!;
  await page.mouse.move(vp.x + vp.width / 2, vp.y + vp.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect.poll(() => scale(graph)).toBeGreaterThan(1);

  // Drag to pan: zoomed in, the viewport scrolls with the pointer.
  await graph.getByRole('button', { name: 'Zoom in' }).click();
  await graph.getByRole('button', { name: 'Zoom in' }).click();
  // Zoomed in until the graph overflows both ways (the preview layout is compact).
  for (let i = 0; i < 6 && (await viewport.evaluate((el) => el.scrollHeight < el.clientHeight + 150 || el.scrollWidth < el.clientWidth + 150)); i++) {
    await graph.getByRole('button', { name: 'Zoom in' }).click();
  }
  await viewport.evaluate((el) => el.scrollTo(0, 0));
  await viewport.scrollIntoViewIfNeeded();
  const at = (await viewport.boundingBox())!;
  await page.mouse.move(at.x + at.width - 30, at.y + at.height - 30);
  await page.mouse.down();
  await page.mouse.move(at.x + at.width - 130, at.y + at.height - 70, { steps: 5 });
  await page.mouse.up();
  const scrolled = await viewport.evaluate((el) => ({ left: el.scrollLeft, top: el.scrollTop }));
  expect(scrolled.left).toBeGreaterThan(50);
  expect(scrolled.top).toBeGreaterThan(10);
});

test('the table view lists every task and dependency, and its task buttons reveal the spec', async ({ page }) => {
  const graph = await openGraph(page);
  const toggle = graph.getByRole('button', { name: 'Show table' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  const back = graph.getByRole('button', { name: 'Show graph' });
  await expect(back).toHaveAttribute('aria-pressed', 'true');

  const tasks = graph.getByRole('table', { name: 'Tasks (7)' });
  await expect(tasks.locator('tbody tr')).toHaveCount(7);
  for (const id of TASKS) await expect(tasks.getByRole('rowheader', { name: id })).toBeVisible();
  await expect(tasks.getByRole('row', { name: /^pages\b/ })).toContainText('charts (key, html)');
  const deps = graph.getByRole('table', { name: 'Dependencies (7)' });
  await expect(deps.locator('tbody tr')).toHaveCount(7);
  await expect(deps.getByRole('row', { name: 'time_range sightings time_range' })).toBeVisible();

  await tasks.getByRole('button', { name: 'counts' }).click();
  await expect.poll(() => editorHasFocus(page)).toBe(true);
  await expect(tasks.getByRole('row', { name: /^counts\b/ })).toHaveAttribute('aria-current', 'true');

  await back.click();
  await expect(graph.getByRole('button', { name: 'Show table' })).toHaveAttribute('aria-pressed', 'false');
  await expect(graph.locator('svg [data-task-id="counts"]')).toBeVisible();
});

test('Export SVG and Export PNG download graph.svg (with a background) and graph.png', async ({ page }) => {
  const graph = await openGraph(page);

  const [svgDownload] = await Promise.all([page.waitForEvent('download'), graph.getByRole('button', { name: 'Export SVG' }).click()]);
  expect(svgDownload.suggestedFilename()).toBe('graph.svg');
  const svg = readFileSync(await svgDownload.path(), 'utf8');
  expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
  expect(svg).toMatch(/<svg[^>]*>\s*<rect class="background"[^>]*fill="white"/);
  expect(svg).toContain('<title>charts</title>');
  expect(svg).not.toContain('<script');

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), graph.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(pngDownload.suggestedFilename()).toBe('graph.png');
  const png = readFileSync(await pngDownload.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBeGreaterThan(png.readUInt32BE(20));
});

test('empty and error states: no workflow yet, a stale last graph while the spec does not parse, repeated ids kept apart', async ({ page }) => {
  const graph = await openGraph(page);
  const original = await readSpec(page);
  const viewport = graph.locator('.graph-viewport');

  // A syntax error: the last good graph stays, marked stale, and the note says where the problem is.
  await setSpec(page, original.replace('    name: Sightings\n', '    name: "Sightings\n'));
  await expect(graph.getByRole('status').filter({ hasText: /The spec does not parse \(line \d+: .*Showing the last good graph, marked stale/ })).toBeVisible({ timeout: 30_000 });
  await expect(viewport).toHaveAttribute('data-stale', 'true');
  await expect(graph.locator('svg [data-task-id]')).toHaveCount(TASKS.length);

  // Fixed again: the stale mark goes.
  await setSpec(page, original);
  await expect(viewport).not.toHaveAttribute('data-stale', 'true', { timeout: 30_000 });

  // A repeated id draws two nodes, never one merged node.
  await setSpec(page, original.replace('  - id: by_site\n', '  - id: sightings\n'));
  await expect(graph.locator('svg [data-task-id="sightings"]')).toHaveCount(2, { timeout: 30_000 });
  await expect(graph.getByRole('button', { name: /^sightings: Group by Site \(group_by_site\) \(repeated id\)/ })).toBeVisible();

  // No workflow yet: a message instead of an empty canvas.
  await setSpec(page, original.slice(0, original.indexOf('workflow:')) + 'workflow: []\n');
  await expect(graph.getByRole('status').filter({ hasText: 'No workflow yet' })).toBeVisible({ timeout: 30_000 });
  await expect(graph.locator('.graph-stage')).toBeHidden();
});

test('task groups are clusters; map, mapvalues and skipif are marked; nodes show titles; LR/TB is a kept preference', async ({ page }, testInfo) => {
  const graph = await openGraph(page);
  const cluster = graph.locator('g.cluster');
  await expect(cluster).toHaveCount(1);
  await expect(cluster).toContainText('Species Counts');
  const node = (id: string) => graph.locator(`svg [data-task-id="${id}"]`);
  await expect(node('counts')).toContainText('mapvalues over df');
  await expect(node('pages')).toContainText('map over key, html');
  await expect(node('pages')).toContainText('skip if never');
  await expect(node('time_range')).not.toContainText('skip if');
  // The title row shows the instance's name next to its id.
  await expect(node('by_site').locator('text.node-title')).toHaveText('Group by Site');
  await expect(node('by_site')).toContainText('by_site');
  // Fan-out edges are drawn bold.
  await expect(graph.locator('g.edge', { has: page.locator('title', { hasText: /^by_site:return->counts:df$/ }) }).locator('path')).toHaveAttribute('stroke-width', '2');

  const viewport = graph.locator('.graph-viewport');
  await expect(viewport).toHaveAttribute('data-orientation', 'LR');
  await graph.getByRole('button', { name: 'Left to right' }).click();
  await expect(viewport).toHaveAttribute('data-orientation', 'TB');
  // The new layout is taller than wide.
  await expect.poll(async () => graph.locator("svg.workflow-graph-svg").evaluate((s) => (s as SVGSVGElement).viewBox.baseVal.height > (s as SVGSVGElement).viewBox.baseVal.width), { timeout: 30_000 }).toBe(true);
  await graph.screenshot({ path: testInfo.outputPath('graph-top-to-bottom.png') });
  await page.reload();
  await expect(graph.getByRole('button', { name: 'Top to bottom' })).toBeVisible({ timeout: 30_000 });
  await expect(viewport).toHaveAttribute('data-orientation', 'TB');
});

test('the zoom is kept per workspace, and the graph follows the dark theme', async ({ page }, testInfo) => {
  const graph = await openGraph(page);
  // An edit makes the example a saved workspace, which a reload reopens.
  await setSpec(page, (await readSpec(page)).replace('name: Report', 'name: Zoomed Report'));
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: ': saved' })).toBeVisible();
  const level = graph.getByRole('status', { name: 'Zoom level' });
  await graph.getByRole('button', { name: 'Reset' }).click();
  await graph.getByRole('button', { name: 'Zoom in' }).click();
  await expect(level).toHaveText('125%');

  // Kept across a reload of the same workspace…
  await page.reload();
  await expect(graph.locator('svg [data-task-id="report"]')).toBeAttached({ timeout: 30_000 });
  await expect(level).toHaveText('125%');

  // …and another workspace has its own.
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Hello wt/ }).click();
  await expect(graph.locator('svg [data-task-id]').first()).toBeVisible({ timeout: 30_000 });
  await expect(level).not.toHaveText('125%');

  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  const colors = await graph.evaluate((el) => {
    const vp = el.querySelector('.graph-viewport')!;
    const text = el.querySelector('svg g.node text')!;
    const table = el.querySelector('svg g.node polygon[fill="white"]')!;
    return { background: getComputedStyle(vp).backgroundColor, text: getComputedStyle(text).fill, table: getComputedStyle(table).fill };
  });
  const lightness = (c: string) => {
    const [r, g, b] = c.match(/\d+(\.\d+)?/g)!.map(Number);
    return (r + g + b) / 3;
  };
  expect(lightness(colors.background)).toBeLessThan(60);
  expect(lightness(colors.table)).toBeLessThan(80);
  expect(lightness(colors.text)).toBeGreaterThan(180);
  await graph.screenshot({ path: testInfo.outputPath('graph-dark.png') });
});

test('a 400-task workflow opens fitted to the panel width with readable text and an overview map', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByLabel('Open files').setInputFiles([
    { name: 'registry.json', mimeType: 'application/json', buffer: Buffer.from(syntheticRegistry(LARGE_SPEC_TASKS)) },
    { name: 'spec.yaml', mimeType: 'text/yaml', buffer: Buffer.from(largeSpec(400)) },
  ]);
  const graph = page.getByRole('region', { name: 'Workflow graph' });
  await expect(graph.locator('svg [data-task-id="t399"]')).toBeAttached({ timeout: 120_000 });
  await expect(graph.locator('svg [data-task-id]')).toHaveCount(400);
  await expect(graph.locator('g.cluster')).toHaveCount(9);
  const viewport = graph.locator('.graph-viewport');
  // Big graphs lay out top to bottom unless the user chose otherwise, and open fitted to the width.
  await expect(viewport).toHaveAttribute('data-orientation', 'TB');
  await expect.poll(() => viewport.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  expect(await scale(graph)).toBeGreaterThanOrEqual(0.55);
  // Readable: the ids are drawn at 8 px or more on screen.
  const idPx = await graph.locator('svg [data-task-id="t0"] text').first().evaluate((t) => t.getBoundingClientRect().height);
  expect(idPx).toBeGreaterThanOrEqual(8);
  const minimap = graph.locator('.graph-minimap');
  await expect(minimap).toBeVisible();
  // Clicking the bottom of the overview scrolls the graph there. A locator click, not a raw mouse
  // click at fixed coordinates: the "Opened registry.json, spec.yaml." message covers the bottom of
  // the right column for 8 s, so when the graph is quick a raw click there hits the message's Dismiss
  // button; like a user, a locator click brings the map into view and clicks only where it is uncovered.
  const box = (await minimap.boundingBox())!;
  await minimap.click({ position: { x: box.width / 2, y: box.height - 2 } });
  await expect.poll(() => viewport.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
  await expect(graph.locator('svg [data-task-id="t399"]')).toBeInViewport();
  await graph.screenshot({ path: testInfo.outputPath('graph-400.png') });
});
