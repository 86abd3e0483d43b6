import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { trackExternalRequests } from './offline.ts';

const TASKS = ['time_range', 'sightings', 'by_site', 'counts', 'charts', 'pages', 'report'];

/** Opens the default example (wildlife-counts) and waits for the Graphviz SVG. */
async function openGraph(page: Page): Promise<Locator> {
  await page.goto('/');
  const graph = page.getByRole('region', { name: 'Workflow graph' });
  await expect(graph.locator('svg [data-task-id]')).toHaveCount(TASKS.length);
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

  // Fit: the whole graph is visible inside the viewport without scrolling.
  await graph.getByRole('button', { name: 'Fit' }).click();
  await expect.poll(async () => viewport.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true);
  const fitted = await scale(graph);
  const frame = (await viewport.boundingBox())!;
  const box = (await svg.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(frame.width);
  expect(box.height).toBeLessThanOrEqual(frame.height);
  expect(fitted).toBeGreaterThan(0.1);

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
