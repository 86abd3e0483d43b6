import { expect, test } from '@playwright/test';
import { trackExternalRequests } from './offline.ts';

test('a share link carries the workspace into a fresh browser profile', async ({ browser }) => {
  const first = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await first.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Hello wt/ }).click();
  await expect(page.getByRole('region', { name: 'Package files' }).getByRole('button', { name: 'wt-hello-wt-workflow/pixi.toml' })).toBeVisible();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied a share link' })).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/#w1\.[A-Za-z0-9_-]+$/);
  await first.close();

  // A new context has an empty IndexedDB: only the link can bring hello-wt back.
  const second = await browser.newContext();
  const other = await second.newPage();
  const external = trackExternalRequests(other);
  await other.goto(url);
  await expect(other.getByRole('status').filter({ hasText: 'Opened the shared workspace hello-wt' })).toBeVisible();
  await expect(other.getByRole('region', { name: 'Package files' }).getByRole('button', { name: 'wt-hello-wt-workflow/pixi.toml' })).toBeVisible();
  expect(new URL(other.url()).hash).toBe('');
  expect(external).toEqual([]);
  await second.close();
});

test('the theme choice applies and survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('? opens the keyboard shortcuts sheet and Esc closes it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Problems' })).toBeVisible();
  await page.locator('h1').click();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Ctrl + M');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('New workflow: the scaffold questions as a form; problems are listed, a valid answer opens the new spec', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New workflow' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workflow' });
  await dialog.getByLabel('Workflow id').fill('1-bad');
  await dialog.getByRole('button', { name: 'Create workflow' }).click();
  await expect(dialog.getByRole('alert')).toContainText('workflow_id');
  await dialog.getByLabel('Workflow id').fill('bird_survey');
  await dialog.getByLabel('Workflow name').fill('Bird survey');
  await dialog.getByLabel('Author name').fill('Ada');
  await dialog.getByRole('button', { name: 'Add a requirement' }).click();
  const req = dialog.getByRole('group', { name: 'Requirement 1' });
  await req.getByLabel('Name').fill('wildlife-tasks');
  await req.getByLabel('Version').fill('>=1.2,<2');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download project files' }).click()]);
  expect(download.suggestedFilename()).toBe('bird_survey.zip');
  await dialog.getByRole('button', { name: 'Create workflow' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Created bird_survey' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^bird_survey: / })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('status')).toHaveText('No problems.');
});
