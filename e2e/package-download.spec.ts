import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliSync } from '../src/test-support/cli.ts';
import { trackExternalRequests } from './offline.ts';

test('the downloaded package zip is byte-identical to the CLI zip of the same workspace', async ({ page }, testInfo) => {
  const external = trackExternalRequests(page);
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('status')).toHaveText('No problems.');
  const button = page.getByRole('button', { name: 'Download package' });
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('wt-wildlife-counts-workflow.zip');
  const browserZip = readFileSync(await download.path());
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText('Downloaded wt-wildlife-counts-workflow.zip');

  const dir = testInfo.outputPath('cli');
  mkdirSync(dir, { recursive: true });
  const cliZip = join(dir, 'cli.zip');
  const cli = runCliSync(['compile', '--spec', 'public/examples/wildlife-counts/spec.yaml', '--registry', 'public/examples/wildlife-counts/registry.json', '--zip', cliZip]);
  expect(cli.code, cli.stderr).toBe(0);
  expect(browserZip.length).toBeGreaterThan(1000);
  expect(browserZip.equals(readFileSync(cliZip))).toBe(true);
  expect(external).toEqual([]);
});

test('unzipped, the downloaded package equals the tree `compile --out` writes, env-overrides included', async ({ page }, testInfo) => {
  const { readdirSync, statSync, writeFileSync } = await import('node:fs');
  const JSZip = (await import('jszip')).default;
  const dir = testInfo.outputPath('cli');
  mkdirSync(dir, { recursive: true });
  const overrides = join(dir, 'env-overrides.toml');
  writeFileSync(overrides, '[feature.default.dependencies]\nnumpy = ">=2"\n\n[feature.test.pypi-dependencies]\nhypothesis = "*"\n');

  await page.goto('/');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Hello wt/ }).click();
  // Opened at once, while the example still loads: the file joins the example, not the workspace it replaces.
  await page.getByLabel('Open files').setInputFiles(overrides);
  const files = page.getByRole('region', { name: 'Package files' });
  await files.getByRole('treeitem', { name: 'wt-hello-wt-workflow/pixi.toml' }).click();
  await expect(files.getByLabel('Contents of wt-hello-wt-workflow/pixi.toml')).toContainText('hypothesis');
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('status')).toHaveText('No problems.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download package' }).click()]);
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));

  const out = join(dir, 'out');
  const cli = runCliSync(['compile', '--spec', 'public/examples/hello-wt/spec.yaml', '--registry', 'public/examples/hello-wt/registry.json', '--env-overrides', overrides, '--out', out]);
  expect(cli.code, cli.stderr).toBe(0);
  const walk = (d: string, prefix = ''): string[] =>
    readdirSync(d).flatMap((name) => (statSync(join(d, name)).isDirectory() ? walk(join(d, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
  const onDisk = walk(out).sort();
  const inZip = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name)
    .sort();
  expect(inZip).toEqual(onDisk);
  for (const path of onDisk) expect(await zip.file(path)!.async('string'), path).toBe(readFileSync(join(out, path), 'utf8'));
});
