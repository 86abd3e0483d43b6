import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackExternalRequests } from './offline.ts';

test('the downloaded package zip is byte-identical to the CLI zip of the same workspace', async ({ page }) => {
  const external = trackExternalRequests(page);
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Package' });
  const button = panel.getByRole('button', { name: 'Download package' });
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('wt-hello-wt-workflow.zip');
  const browserZip = readFileSync(await download.path());
  await expect(panel.getByRole('status')).toContainText('Downloaded wt-hello-wt-workflow.zip');

  const dir = mkdtempSync(join(tmpdir(), 'wt-e2e-'));
  const cliZip = join(dir, 'cli.zip');
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'compile', '--spec', 'public/examples/hello-wt/spec.yaml', '--registry', 'public/examples/hello-wt/registry.json', '--zip', cliZip], { encoding: 'utf8' });
  expect(cli.status, cli.stderr).toBe(0);
  expect(browserZip.length).toBeGreaterThan(1000);
  expect(browserZip.equals(readFileSync(cliZip))).toBe(true);
  expect(external).toEqual([]);
});

test('graph.png downloads as a PNG rendered from the Graphviz SVG', async ({ page }) => {
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Package' });
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download graph.png' }).click()]);
  expect(download.suggestedFilename()).toBe('graph.png');
  const png = readFileSync(await download.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // IHDR width/height: a two-node graph at 2× scale is wider than tall and not tiny.
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBeGreaterThan(200);
  expect(width).toBeGreaterThan(height);
});
