import { test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * How much JavaScript the first screen loads before the Monaco editor arrives: every script the
 * page requests until the editor chunk is asked for, sized gzipped (level 9) from dist/.
 */
// Monaco's own chunks and workers (the lazily loaded editor).
const MONACO = /SpecEditor|editor\.api|editor\.main|monaco|yaml\.worker|editor\.worker|json\.worker/i;

test('initial JavaScript before the editor loads', async ({ page }) => {
  const scripts: Array<{ path: string; beforeEditor: boolean }> = [];
  let editorRequested = false;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!url.pathname.endsWith('.js')) return;
    if (MONACO.test(url.pathname)) editorRequested = true;
    scripts.push({ path: url.pathname, beforeEditor: !editorRequested });
  });
  await page.goto('/');
  await page.getByRole('region', { name: 'Spec editor' }).locator('.monaco-editor').waitFor({ timeout: 60_000 });
  await page.locator('[data-task-id]').first().waitFor();
  await page.waitForLoadState('networkidle');
  const dist = process.env.WT_DIST ?? 'dist';
  const size = (p: string) => {
    const bytes = readFileSync(join(dist, p));
    return { file: p, kb: bytes.length / 1024, gzipKb: gzipSync(bytes, { level: 9 }).length / 1024 };
  };
  const unique = [...new Map(scripts.map((s) => [s.path, s])).values()];
  const beforeEditor = unique.filter((s) => s.beforeEditor).map((s) => size(s.path));
  const nonMonaco = unique.filter((s) => !MONACO.test(s.path)).map((s) => size(s.path));
  const sum = (rows: Array<{ gzipKb: number }>) => rows.reduce((n, r) => n + r.gzipKb, 0);
  for (const r of nonMonaco) console.log(`${r.file}  ${r.kb.toFixed(1)} KB, ${r.gzipKb.toFixed(1)} KB gzipped`);
  console.log(`before the editor is requested: ${sum(beforeEditor).toFixed(1)} KB gzipped in ${beforeEditor.length} files`);
  console.log(`all startup JavaScript except Monaco (form, graph, worker included): ${sum(nonMonaco).toFixed(1)} KB gzipped in ${nonMonaco.length} files`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/initial-js.json', JSON.stringify({ beforeEditorGzipKb: sum(beforeEditor), nonMonacoGzipKb: sum(nonMonaco), files: nonMonaco }, null, 2) + '\n');
});
