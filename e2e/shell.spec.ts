import { expect, test } from '@playwright/test';
import { trackExternalRequests } from './offline.ts';

test('the app shell loads, core checks the example in a worker, and nothing leaves 127.0.0.1', async ({ page }) => {
  const external = trackExternalRequests(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'wt workbench' })).toBeVisible();

  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('status')).toContainText('No problems');

  // The worker compiled the example: the generated params.json holds the configurable task and omits the bound one.
  const params = page.getByRole('region', { name: 'params.json' }).getByLabel('Generated params.json');
  await expect(params).toContainText('"greeting": {');
  await expect(params).toContainText('"description": "Greet someone by name."');
  await expect(params).toContainText('"min_length"');
  await expect(params).not.toContainText('"punctuation"');

  await expect(page.getByRole('region', { name: /Spec — hello-wt/ })).toBeVisible();
  expect(pageErrors).toEqual([]);
  expect(external).toEqual([]);
});
