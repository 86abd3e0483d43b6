import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { trackExternalRequests } from './offline.ts';
import { readSpec, setSpec } from './spec-editor.ts';

// RJSF turns datetime-local input into UTC ISO strings: pin the zone so the params are predictable.
test.use({ timezoneId: 'UTC' });

const expected = {
  time_range: { since: '2024-01-01T00:00:00.000Z', until: '2024-02-01T00:00:00.000Z' },
  sightings: { page_size: 250 },
  by_site: { min_count: 1 },
  counts: { species_column: 'species', normalise: false },
  charts: { chart_type: 'pie', opacity: 0.8 },
  report: { report_title: 'Wildlife counts' },
};

test('the Parameters form validates live, converts to params, copies, downloads and saves a test case', async ({ page, context }, testInfo) => {
  const external = trackExternalRequests(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');

  const form = page.getByRole('region', { name: 'Parameters form' });
  // One section per task; task groups are fieldsets with their description.
  await expect(form.getByLabel('Since')).toBeVisible();
  await expect(form.getByLabel('Until')).toBeVisible();
  const group = form.getByRole('group', { name: 'Species Counts' });
  await expect(group).toHaveAccessibleDescription('How species are counted and charted at each site.');
  await expect(group.getByRole('radiogroup', { name: 'Chart Type' })).toBeVisible();
  await expect(form.getByLabel('Page Size')).toHaveValue('500');
  await expect(form.locator('[data-task-id="charts"]')).toHaveAttribute('id', 'root_Species-Counts_charts');

  // Since/Until are required: the conversion lists the errors by path and nothing can be saved yet.
  const paramErrors = form.getByRole('list', { name: /does not validate/ });
  await expect(paramErrors).toContainText("time_range 'since' is a required property");
  const save = form.getByRole('button', { name: 'Save as test case' });
  await expect(save).toBeDisabled();

  await form.getByLabel('Since').fill('2024-01-01T00:00');
  await form.getByLabel('Until').fill('2024-02-01T00:00');
  const paramsJson = form.getByLabel('params.json');
  await expect(paramsJson).toContainText('"page_size": 500');
  await form.getByLabel('Page Size').fill('250');
  await group.getByRole('radio', { name: 'pie' }).check();
  await expect(paramsJson).toContainText('"page_size": 250');
  await expect(paramsJson).toContainText('"chart_type": "pie"');
  expect(JSON.parse((await paramsJson.textContent()) ?? '')).toEqual(expected);

  // An invalid value: the field, the form's error list and the conversion all say so.
  await form.getByLabel('Page Size').fill('0');
  await expect(form.locator('#root_sightings_page_size__error')).toHaveText('must be >= 1');
  await expect(form.getByLabel('Page Size')).toHaveAccessibleDescription(/must be >= 1/);
  await expect(form.getByRole('group', { name: '1 error in the form' })).toContainText('sightings › page_size');
  await expect(paramErrors).toContainText('sightings › page_size must be >= 1');
  await expect(save).toBeDisabled();
  // "Validate" moves focus to the first error.
  await form.getByLabel('Since').focus();
  await form.getByRole('button', { name: 'Validate' }).click();
  await expect(form.getByLabel('Page Size')).toBeFocused();
  await form.getByLabel('Page Size').fill('250');
  await expect(paramsJson).toContainText('"page_size": 250');
  await expect(form.getByRole('group', { name: /in the form/ })).toHaveCount(0);

  // Copy and download, as JSON and as YAML.
  await form.getByRole('button', { name: 'Copy params' }).click();
  await expect(form.getByRole('status')).toHaveText('Copied params.json to the clipboard.');
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(expected);
  const [json] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Download params' }).click()]);
  expect(json.suggestedFilename()).toBe('params.json');
  expect(JSON.parse(readFileSync(await json.path(), 'utf8'))).toEqual(expected);

  await form.getByRole('radio', { name: 'YAML' }).check();
  await expect(form.getByLabel('params.yaml')).toContainText('sightings:\n  page_size: 250\n');
  const [yaml] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Download params' }).click()]);
  expect(yaml.suggestedFilename()).toBe('params.yaml');
  const yamlText = readFileSync(await yaml.path(), 'utf8');
  expect(yamlText).toContain('time_range:\n  since: "2024-01-01T00:00:00.000Z"\n');
  expect(yamlText).toContain('charts:\n  chart_type: pie\n  opacity: 0.8\n');

  // Save as test case: the app appends it to test-cases.yaml.
  await form.getByLabel('Test case key').fill('baseline');
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved test case baseline to test-cases.yaml.' })).toBeVisible();
  await expect(form.getByLabel('Test case key')).toHaveValue('case_1');

  // A recompile keeps the form data whose keys still fit.
  await form.getByRole('radio', { name: 'JSON' }).check();
  await setSpec(page, (await readSpec(page)).replace('name: Report', 'name: Final Report'));
  await expect(form.getByRole('group', { name: 'Final Report' })).toBeVisible();
  await expect(form.getByLabel('Page Size')).toHaveValue('250');
  await expect(paramsJson).toContainText('"page_size": 250');

  await form.screenshot({ path: testInfo.outputPath('parameters-form.png') });
  expect(pageErrors).toEqual([]);
  expect(external).toEqual([]);
});
