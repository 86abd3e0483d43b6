import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { trackExternalRequests } from './offline.ts';
import { focusSpec, pasteSpec, readSpec, specTextbox } from './spec-editor.ts';

/** The Monaco spec editor against the built app, with the wildlife-counts example and its registry. */

const EXAMPLE = readFileSync(new URL('../public/examples/wildlife-counts/spec.yaml', import.meta.url), 'utf8');

let external: string[] = [];
let pageErrors: string[] = [];
test.beforeEach(async ({ page }) => {
  external = trackExternalRequests(page);
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto('/');
});
test.afterEach(() => {
  // Monaco, its workers and monaco-yaml all come from the app itself: nothing leaves 127.0.0.1.
  expect(external).toEqual([]);
  expect(pageErrors).toEqual([]);
});

const editor = (page: Page) => page.getByRole('region', { name: 'Spec editor' }).getByRole('group', { name: 'spec.yaml' });
const suggestion = (page: Page, name: RegExp) => editor(page).locator('.suggest-widget').getByRole('option', { name });

/** Puts the cursor at the end of the first line containing `text`. */
async function cursorAfter(page: Page, text: string): Promise<void> {
  const index = (await readSpec(page)).split('\n').findIndex((l) => l.includes(text));
  expect(index).toBeGreaterThanOrEqual(0);
  await focusSpec(page);
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

test('the editor shows the example, labelled, with the Tab-trap shortcut in its name', async ({ page }) => {
  await expect(editor(page).locator('.view-lines')).toContainText('id: wildlife_counts');
  expect(await readSpec(page)).toBe(EXAMPLE);
  await expect(specTextbox(page)).toHaveAttribute('aria-label', /Ctrl\+M/);
  await expect(editor(page).locator('.squiggly-error')).toHaveCount(0);
});

test('typing an unknown task gives a problem and an error marker; the problem reveals its position', async ({ page }) => {
  await focusSpec(page);
  await page.keyboard.press('Control+End');
  await pasteSpec(page, '  - id: extra\n    task: ');
  // Typed key by key: no keystroke may be lost while the app re-renders with each change.
  await page.keyboard.type('no_such_task_typed_key_by_key');
  await page.keyboard.press('Escape');
  const problems = page.getByRole('region', { name: 'Problems' });
  const item = problems.getByRole('button', { name: /no registered task named `no_such_task_typed_key_by_key`/ });
  await expect(item).toBeVisible();
  await expect(editor(page).locator('.squiggly-error').first()).toBeAttached();
  const line = EXAMPLE.split('\n').length + 1;
  await expect(item).toContainText(`${line}:11`);

  await page.keyboard.press('Control+Home');
  await item.click();
  await expect(specTextbox(page)).toBeFocused();
  expect(await page.evaluate(() => window.__wtSpecEditor?.getPosition())).toEqual({ line, column: 11 });
});

test('completion after `task:` lists the registry; hover shows a task', async ({ page }) => {
  await focusSpec(page);
  await page.keyboard.press('Control+End');
  await pasteSpec(page, '  - id: extra\n    name: Extra\n    task: ');
  await page.keyboard.press('Control+Space');
  await expect(suggestion(page, /count_species/)).toBeVisible();
  await expect(suggestion(page, /gather_report/)).toBeVisible();
  await page.keyboard.type('count_sp');
  await page.keyboard.press('Enter');
  await expect.poll(() => readSpec(page)).toContain('    task: count_species');

  // Structural keys come from monaco-yaml and the spec schema.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Space');
  await expect(suggestion(page, /^mapvalues/)).toBeVisible();
  await expect(suggestion(page, /^skipif/)).toBeVisible();

  // Hovering a task name shows its title, description and parameters.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Home');
  // Bring line 21 (`task: fetch_sightings`) into view however small the window is.
  for (let i = 0; i < 21; i++) await page.keyboard.press('ArrowDown');
  await editor(page).locator('.view-line span', { hasText: /^fetch_sightings$/ }).hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: 'Fetch Sightings' });
  await expect(hover).toBeVisible();
  await expect(hover).toContainText('page_size');
});

test('completion inside `partial:` lists only the unbound parameters, and `${{` the instances above', async ({ page }) => {
  // sightings runs fetch_sightings(time_range, source_url, page_size); partial binds the first two.
  await cursorAfter(page, 'source_url: ${{ env.SIGHTINGS_URL }}');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Space');
  await expect(suggestion(page, /page_size/)).toBeVisible();
  await expect(suggestion(page, /source_url|time_range/)).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect.poll(() => readSpec(page)).toContain('\n      page_size: \n');

  // References: only instances defined above `sightings` (time_range), plus env variables.
  await page.keyboard.type('${{ ');
  await expect(suggestion(page, /workflow\.time_range\.return/)).toBeVisible();
  await expect(suggestion(page, /env\.SIGHTINGS_URL/)).toBeVisible();
  await expect(suggestion(page, /workflow\.by_site\.return/)).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect.poll(() => readSpec(page)).toContain('\n      page_size: ${{ workflow.time_range.return }}\n');
});

test('at an argument value, completion offers whole `${{ workflow.<id>.return }}` and `${{ env.… }}` without typing `${{`', async ({ page }) => {
  await cursorAfter(page, 'source_url: ${{ env.SIGHTINGS_URL }}');
  await page.keyboard.press('Enter');
  await page.keyboard.type('page_size:');
  await page.keyboard.press('Escape');
  // The space after the colon opens the list by itself.
  await page.keyboard.type(' ');
  await expect(suggestion(page, /^\$\{\{ workflow\.time_range\.return \}\}/)).toBeVisible();
  await expect(suggestion(page, /^\$\{\{ env\.SIGHTINGS_URL \}\}/)).toBeVisible();
  await expect(suggestion(page, /workflow\.by_site\.return/)).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect.poll(() => readSpec(page)).toContain('\n      page_size: ${{ workflow.time_range.return }}\n');

  // `${{ env.… }}` leaves the cursor on the variable's name; typing a word filters the list.
  await page.keyboard.press('Enter');
  await page.keyboard.type('other:');
  await page.keyboard.press('Escape');
  await page.keyboard.type(' env');
  await expect(suggestion(page, /workflow\./)).toHaveCount(0);
  await suggestion(page, /^\$\{\{ env\.… \}\}/).click();
  await expect.poll(() => readSpec(page)).toContain('\n      other: ${{ env. }}\n');
  await page.keyboard.type('MY_VAR');
  await expect.poll(() => readSpec(page)).toContain('\n      other: ${{ env.MY_VAR }}\n');
});

test('Enter after `- id: x` puts the cursor under `id`, in `workflow:` and in a group', async ({ page }) => {
  // Known gap (issue 8 closing note): an Enter pressed while the form and graph are still loading
  // can miss the rule; this checks the rule once the workbench has loaded.
  await expect(page.getByRole('region', { name: 'Workflow graph' }).locator('svg [data-task-id]').first()).toBeVisible({ timeout: 30_000 });
  await cursorAfter(page, '  - id: by_site');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__wtSpecEditor?.getPosition())).toMatchObject({ column: 5 });
  await page.keyboard.type('name: x');
  await expect.poll(() => readSpec(page)).toContain('\n  - id: by_site\n    name: x\n');
  await cursorAfter(page, '      - id: counts');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__wtSpecEditor?.getPosition())).toMatchObject({ column: 9 });
});

test('Ctrl+M toggles the Tab trap visibly, and the choice persists', async ({ page }) => {
  const bar = page.getByRole('region', { name: 'Spec editor' });
  const status = bar.getByRole('status').filter({ hasText: /^Tab / });
  await expect(status).toHaveText('Tab inserts spaces');
  await focusSpec(page);
  await page.keyboard.press('Control+m');
  await expect(status).toHaveText('Tab moves focus');
  await expect(specTextbox(page)).toHaveAttribute('aria-label', /Tab moves focus/);
  expect(await page.evaluate(() => localStorage.getItem('wt.editor.tabMovesFocus'))).toBe('1');
  // Tab now leaves the editor (and inserts nothing).
  const before = await readSpec(page);
  await page.keyboard.press('Tab');
  await expect(specTextbox(page)).not.toBeFocused();
  expect(await readSpec(page)).toBe(before);

  await page.reload();
  await expect(status).toHaveText('Tab moves focus');
  await bar.getByRole('button', { name: /Toggle Tab key/ }).click();
  await expect(status).toHaveText('Tab inserts spaces');
  await focusSpec(page);
  await page.keyboard.press('Tab');
  await expect(specTextbox(page)).toBeFocused();
  await expect.poll(() => readSpec(page)).not.toBe(before);

  // Monaco's own command palette entry flips the same switch, and the hint follows it.
  await page.keyboard.press('F1');
  await page.keyboard.type('Toggle Tab Key Moves Focus');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Tab moves focus');
  expect(await page.evaluate(() => localStorage.getItem('wt.editor.tabMovesFocus'))).toBe('1');
});
