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
