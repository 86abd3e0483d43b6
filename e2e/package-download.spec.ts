import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackExternalRequests } from './offline.ts';

test('the downloaded package zip is byte-identical to the CLI zip of the same workspace', async ({ page }) => {
  const external = trackExternalRequests(page);
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('status')).toHaveText('No problems.');
  const button = page.getByRole('button', { name: 'Download package' });
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('wt-wildlife-counts-workflow.zip');
  const browserZip = readFileSync(await download.path());
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText('Downloaded wt-wildlife-counts-workflow.zip');

  const dir = mkdtempSync(join(tmpdir(), 'wt-e2e-'));
  const cliZip = join(dir, 'cli.zip');
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'compile', '--spec', 'public/examples/wildlife-counts/spec.yaml', '--registry', 'public/examples/wildlife-counts/registry.json', '--zip', cliZip], { encoding: 'utf8' });
  expect(cli.status, cli.stderr).toBe(0);
  expect(browserZip.length).toBeGreaterThan(1000);
  expect(browserZip.equals(readFileSync(cliZip))).toBe(true);
  expect(external).toEqual([]);
});

test('graph.png downloads as a PNG rendered from the Graphviz SVG', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('status')).toHaveText('No problems.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download graph.png' }).click()]);
  expect(download.suggestedFilename()).toBe('graph.png');
  const png = readFileSync(await download.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR width/height: a left-to-right graph at 2× scale is wider than tall and not tiny.
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBeGreaterThan(200);
  expect(width).toBeGreaterThan(height);
});
