import { expect, test, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { setSpec } from './spec-editor.ts';

/** At 1024×768 every panel stays usable: Problems, Package files and the Task registry's controls. */

test.use({ viewport: { width: 1024, height: 768 } });

const EXAMPLE = readFileSync(new URL('../public/examples/wildlife-counts/spec.yaml', import.meta.url), 'utf8');

const box = async (l: Locator) => (await l.boundingBox())!;

test('Problems shows at least three problems without scrolling', async ({ page }) => {
  await page.goto('/');
  // Three more instances, each with its own error.
  const spec = `${EXAMPLE.trimEnd()}
  - id: time_range
    name: Twice
    task: set_time_range
  - id: extra
    name: Extra
    task: fetch_sightings
    partial:
      time_range: \${{ workflow.nowhere.return }}
  - id: another
    name: Another
    task: no_such_task_here
`;
  await setSpec(page, spec);
  const panel = page.getByRole('region', { name: 'Problems' });
  const rows = panel.getByRole('listitem');
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  const area = await box(panel);
  expect(area.y + area.height).toBeLessThanOrEqual(768);
  const heading = await box(panel.getByRole('heading', { name: 'Problems' }));
  for (let i = 0; i < 3; i++) {
    const row = await box(rows.nth(i));
    expect(row.y).toBeGreaterThanOrEqual(heading.y + heading.height - 1);
    expect(row.y + row.height).toBeLessThanOrEqual(area.y + area.height);
  }
});

test('Package files shows a file next to or under the tree at a readable width', async ({ page }) => {
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Package files' });
  await expect(panel.getByRole('status')).toContainText('files, as the CLI writes them', { timeout: 20_000 });
  await panel.scrollIntoViewIfNeeded();
  const content = await box(panel.locator('.package-files'));
  const view = await box(panel.locator('.file-view'));
  expect(content.width).toBeGreaterThan(300);
  // The file's contents get the panel's width, not what the tree leaves over.
  expect(view.width).toBeGreaterThanOrEqual(content.width * 0.9);
  expect(view.height).toBeGreaterThan(100);
  await expect(panel.locator('.file-tree')).toBeVisible();
});

test('the Task registry controls line up: labels, fields and buttons in columns', async ({ page }) => {
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Task registry' });
  const select = panel.getByLabel('Bundled example registry');
  await expect(select).toBeEnabled({ timeout: 20_000 });
  await panel.scrollIntoViewIfNeeded();
  const [sel, url, file, loadExample, loadUrl] = await Promise.all([
    box(select),
    box(panel.getByLabel('Registry URL')),
    box(panel.locator('.file-button')),
    box(panel.getByRole('button', { name: 'Load example registry' })),
    box(panel.getByRole('button', { name: 'Load from URL' })),
  ]);
  // Fields start at one column; the actions end at one column, on the field's row.
  expect(Math.abs(sel.x - url.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(file.x - sel.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(loadExample.x + loadExample.width - (loadUrl.x + loadUrl.width))).toBeLessThanOrEqual(1);
  expect(Math.abs(loadExample.y + loadExample.height / 2 - (sel.y + sel.height / 2))).toBeLessThanOrEqual(4);
  expect(Math.abs(loadUrl.y + loadUrl.height / 2 - (url.y + url.height / 2))).toBeLessThanOrEqual(4);
});
