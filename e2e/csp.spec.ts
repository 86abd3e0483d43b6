import { expect, test, type Page } from '@playwright/test';
import { trackExternalRequests } from './offline.ts';
import { focusSpec } from './spec-editor.ts';

/**
 * The Content-Security-Policy of `npm start` (header) and of the built index.html (meta tag): the
 * whole app works under it, and a remote image (a tracking beacon) is blocked.
 */

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

const PANELS = ['Spec editor', 'Problems', 'Workspace files', 'Parameters form', 'Workflow graph', 'Package files', 'Task registry'];

/** Records CSP violations of the page (from its first script on) and console errors. */
async function watchPolicy(page: Page): Promise<{ consoleErrors: string[]; violations: () => Promise<string[]> }> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    // Both policies are enforced and each reports: the header's has frame-ancestors, the meta's not.
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations!.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} by the ${e.originalPolicy.includes('frame-ancestors') ? 'header' : 'meta tag'}`),
    );
  });
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text().slice(0, 300)} at ${m.location().url}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) consoleErrors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  return { consoleErrors, violations: () => page.evaluate(() => window.__cspViolations ?? []) };
}

test('npm start sends the policy as a header and in the page', async ({ request }) => {
  const response = await request.get('/');
  const header = response.headers()['content-security-policy'];
  expect(header).toContain("default-src 'self'");
  expect(header).toContain("img-src 'self' data: blob:");
  expect(header).toContain("connect-src 'self'");
  const html = await response.text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  expect(meta).toBeDefined();
  // The meta tag carries the same policy, less what a meta tag cannot say.
  expect(meta).toBe(header.replace(/; frame-ancestors [^;]*/, ''));
  // Every asset is served under the policy too (workers take theirs from their own response).
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
  expect((await request.get(script)).headers()['content-security-policy']).toBe(header);
});

test('every panel works under the policy with no violation, and a remote image is blocked', async ({ page }) => {
  const external = trackExternalRequests(page);
  const { consoleErrors, violations } = await watchPolicy(page);
  await page.goto('/');
  for (const name of PANELS) await expect(page.getByRole('region', { name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('status')).toHaveText('No problems.');
  // Graphviz (wasm in a worker) drew the graph; the form (RJSF + Ajv) rendered its fields.
  await page.locator('[data-task-id]').first().waitFor();
  // The form validates in the page (Ajv compiles a validator): an invalid value shows its error.
  const form = page.getByRole('region', { name: 'Parameters form' });
  await form.getByLabel('Page Size').fill('0');
  await expect(form.locator('#root_sightings_page_size__error')).toHaveText('must be >= 1');
  await expect(page.getByRole('region', { name: 'Task registry' })).toContainText('9 tasks');
  const files = page.getByRole('region', { name: 'Package files' }).getByRole('tree', { name: 'Generated files' });
  await files.getByRole('treeitem', { name: 'wt-wildlife-counts-workflow/pixi.toml' }).click();
  // Monaco's YAML worker: completion opens in the editor.
  await focusSpec(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.monaco-editor .suggest-widget')).toBeVisible();
  await page.keyboard.press('Escape');
  // The New workflow dialog (its own form).
  await page.getByRole('button', { name: 'New workflow' }).click();
  await expect(page.getByRole('dialog', { name: 'New workflow' })).toBeVisible();
  await page.keyboard.press('Escape');

  expect(await violations()).toEqual([]);
  expect(consoleErrors).toEqual([]);

  expect(external).toEqual([]);

  // A beacon injected into the page (as a markdown image would be) never loads: the browser
  // blocks it itself ("csp"; without the policy it would fail later, on the unknown host).
  const failed = new Map<string, string>();
  page.on('requestfailed', (r) => failed.set(r.url(), r.failure()?.errorText ?? ''));
  const loaded = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const img = document.createElement('img');
        img.onload = () => resolve(true);
        img.onerror = () => resolve(false);
        img.src = 'http://example.invalid/x.png';
        document.body.append(img);
      }),
  );
  expect(loaded).toBe(false);
  await expect.poll(async () => (await violations()).sort()).toEqual([
    'img-src blocked http://example.invalid/x.png by the header',
    'img-src blocked http://example.invalid/x.png by the meta tag',
  ]);
  expect(failed.get('http://example.invalid/x.png')).toBe('csp');
});

test('a registry URL on a host the policy does not allow says how to allow it', async ({ page }) => {
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Task registry' });
  await expect(panel).toContainText('9 tasks');
  await panel.getByLabel('Registry URL').fill('https://registry.example.invalid/tasks/registry.json');
  await panel.getByRole('button', { name: 'Load from URL' }).click();
  await expect(panel).toContainText(
    'Could not load https://registry.example.invalid/tasks/registry.json: https://registry.example.invalid is not an allowed host; start the workbench with WT_CONNECT_SRC=https://registry.example.invalid to allow it',
  );
  // The working registry stays.
  await expect(panel).toContainText('9 tasks');
});
