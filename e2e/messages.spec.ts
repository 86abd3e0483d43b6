import { expect, test } from '@playwright/test';
import { readSpec } from './spec-editor.ts';

/** Messages, the registry in use and the form's values (issue 8, section 5). */

test('a message never covers Problems and goes away by itself; an error stays', async ({ page }) => {
  await page.goto('/');
  await readSpec(page);
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('status')).toHaveText('No problems.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download workspace' }).click()]);
  expect(download.suggestedFilename()).toBe('wildlife-counts-workspace.zip');
  const toast = page.locator('.toast').filter({ hasText: 'Downloaded wildlife-counts-workspace.zip' });
  await expect(toast).toBeVisible();
  const a = (await toast.boundingBox())!;
  const b = (await problems.boundingBox())!;
  const overlaps = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlaps).toBe(false);
  await expect(toast).toBeHidden({ timeout: 15_000 });

  // An invalid registry pasted in the Task registry panel: refused there, and it stays until dismissed by fixing it.
  const registry = page.getByRole('region', { name: 'Task registry' });
  await registry.getByText('Paste a registry').click();
  await registry.getByRole('textbox', { name: /Registry JSON/ }).fill('{"entries": ');
  await registry.getByRole('button', { name: 'Use pasted registry' }).click();
  await expect(registry.getByRole('alert')).toContainText('The pasted registry was not loaded: it is not a readable registry');
  // The working registry is still in use: same tasks, the spec still checks clean.
  await expect(registry).toContainText('9 tasks');
  await expect(problems.getByRole('status')).toHaveText('No problems.');
  await page.waitForTimeout(1000);
  await expect(problems.getByRole('status')).toHaveText('No problems.');
});

test('form values are kept per workspace across a reload', async ({ page }) => {
  await page.goto('/');
  await readSpec(page);
  const form = page.getByRole('region', { name: 'Parameters form' });
  const pageSize = form.getByLabel(/^Page Size/, { exact: false }).first();
  await pageSize.fill('123');
  await expect(pageSize).toHaveValue('123');
  await page.waitForTimeout(500);
  await page.reload();
  await readSpec(page);
  await expect(page.getByRole('region', { name: 'Parameters form' }).getByLabel(/^Page Size/).first()).toHaveValue('123');
});
