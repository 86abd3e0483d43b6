import { expect, test } from '@playwright/test';
import { runCliSync } from '../src/test-support/cli.ts';
import { trackExternalRequests } from './offline.ts';
import { readSpec, setSpec } from './spec-editor.ts';

test('a share link carries the workspace into a fresh browser profile', async ({ browser }) => {
  const first = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await first.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Hello wt/ }).click();
  await expect(page.getByRole('region', { name: 'Package files' }).getByRole('treeitem', { name: 'wt-hello-wt-workflow/pixi.toml' })).toBeVisible();
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
  await expect(other.getByRole('region', { name: 'Package files' }).getByRole('treeitem', { name: 'wt-hello-wt-workflow/pixi.toml' })).toBeVisible();
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
  await expect(dialog.getByText(/^Workflow id: /)).toBeVisible();
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

test('Open files takes a spec and says which files it skipped; a registry can be pasted or fetched from a URL', async ({ page }) => {
  await page.goto('/');
  const spec = 'id: opened\nrequirements: []\nworkflow:\n  - id: only\n    task: lonely_task\n';
  const registry = JSON.stringify({
    entries: {
      'm.lonely_task': {
        metadata: { title: 'Lonely Task', description: 'Waits.', tags: [], deprecated: false, deprecation_message: null },
        module_path: 'm',
        public_module_path: 'm',
        function_name: 'lonely_task',
        import_statement: 'from m import lonely_task as lonely_task',
        json_schema: { additionalProperties: false, properties: { seconds: { type: 'integer' } }, required: ['seconds'], type: 'object' },
      },
    },
    version: '1.0.0',
  });
  await page.getByLabel('Open files').setInputFiles([
    { name: 'spec.yaml', mimeType: 'text/yaml', buffer: Buffer.from(spec) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Opened spec.yaml' })).toContainText('Not opened (not a spec, registry, env-overrides or test-cases file): notes.txt');
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('no registered task named `lonely_task`');

  const panel = page.getByRole('region', { name: 'Task registry' });
  await panel.getByText('Paste a registry').click();
  await panel.getByLabel(/Registry JSON/).fill(registry);
  await panel.getByRole('button', { name: 'Use pasted registry' }).click();
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('status')).toHaveText('No problems.');
  await expect(panel).toContainText('1 tasks');

  // A URL the user points at (here the app's own origin, which serves the bundled example registry).
  await panel.getByLabel('Registry URL').fill(new URL('/examples/wildlife-counts/registry.json', page.url()).href);
  await panel.getByRole('button', { name: 'Load from URL' }).click();
  await expect(panel).toContainText('9 tasks');
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('no registered task named `lonely_task`');
});

test('Package files shows a generated file with syntax highlighting, and its diff', async ({ page }) => {
  await page.goto('/');
  const files = page.getByRole('region', { name: 'Package files' });
  await files.getByRole('treeitem', { name: 'wt-wildlife-counts-workflow/wt_wildlife_counts_workflow/dags/run_sequential.py' }).click();
  const view = files.getByLabel('Contents of wt-wildlife-counts-workflow/wt_wildlife_counts_workflow/dags/run_sequential.py');
  await expect(view).toContainText('def main(params: dict[str, Any], validate_params_schema: bool = True) -> Any:');
  await expect(view).toHaveAttribute('data-highlighted', 'true');
  await files.getByLabel('Diff against the previous compile').check();
  await expect(view).toContainText('def main(');
});

test('opening a compiled package zip: its files become the diff baseline and the next download bumps its version', async ({ page }, testInfo) => {
  const { readFileSync } = await import('node:fs');
  const JSZip = (await import('jszip')).default;
  const zipPath = testInfo.outputPath('previous.zip');
  const cli = runCliSync(['compile', '--spec', 'public/examples/wildlife-counts/spec.yaml', '--registry', 'public/examples/wildlife-counts/registry.json', '--zip', zipPath]);
  expect(cli.code, cli.stderr).toBe(0);

  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('status')).toHaveText('No problems.');
  await page.getByLabel('Open files').setInputFiles(zipPath);
  await expect(page.getByRole('status').filter({ hasText: 'Opened previous.zip' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Package files' }).getByLabel('Diff against previous.zip')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download package' }).click()]);
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  expect(await zip.file('wt-wildlife-counts-workflow/VERSION.yaml')!.async('string')).toBe('{MAJ: 0, MIN: 1, PATCH: 0}\n');
});

test('the bar between the columns resizes them by drag and by keyboard, and the width survives a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const editorRegion = page.getByRole('region', { name: 'Spec editor' });
  const formRegion = page.getByRole('region', { name: 'Parameters form' });
  const splitter = page.getByRole('separator', { name: 'Resize columns' });
  await expect(page.locator('.monaco-editor[data-uri$="spec.yaml"]')).toBeVisible();
  await expect(splitter).toHaveAttribute('aria-valuenow', '50');
  const width = async (region: typeof editorRegion) => (await region.boundingBox())!.width;
  const evenEditor = await width(editorRegion);

  // Drag to 30% of the width: the editor column narrows, the form column widens.
  const box = (await page.locator('main.workbench').boundingBox())!;
  const bar = (await splitter.boundingBox())!;
  await page.mouse.move(bar.x + bar.width / 2, bar.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, bar.y + 40, { steps: 5 });
  await page.mouse.up();
  const dragged = Number(await splitter.getAttribute('aria-valuenow'));
  expect(dragged).toBeGreaterThanOrEqual(28);
  expect(dragged).toBeLessThanOrEqual(32);
  expect(await width(editorRegion)).toBeLessThan(evenEditor * 0.75);
  expect(await width(formRegion)).toBeGreaterThan(evenEditor * 1.25);
  // Monaco follows its panel's new width.
  await expect.poll(async () => (await page.locator('.monaco-editor[data-uri$="spec.yaml"]').boundingBox())!.width).toBeLessThan(evenEditor * 0.75);

  // Keyboard: arrows step by 2, Shift by 10, End/Home go to the limits, Enter evens the columns.
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(dragged + 2));
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(dragged - 8));
  await page.keyboard.press('End');
  await expect(splitter).toHaveAttribute('aria-valuenow', '80');
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', '80');
  await page.keyboard.press('Home');
  await expect(splitter).toHaveAttribute('aria-valuenow', '20');

  await page.reload();
  await expect(splitter).toHaveAttribute('aria-valuenow', '20');
  await splitter.focus();
  await page.keyboard.press('Enter');
  await expect(splitter).toHaveAttribute('aria-valuenow', '50');
  expect(Math.abs((await width(editorRegion)) - evenEditor)).toBeLessThan(2);
});

test('the spec editor panel resizes by its corner and the editor fills it', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Spec editor' });
  const monaco = page.locator('.monaco-editor[data-uri$="spec.yaml"]');
  await expect(monaco).toBeVisible();
  const before = (await monaco.boundingBox())!.height;
  const box = (await panel.boundingBox())!;
  // The resize grip is the panel's bottom-right corner.
  await page.mouse.move(box.x + box.width - 3, box.y + box.height - 3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 3, box.y + box.height + 200, { steps: 5 });
  await page.mouse.up();
  expect((await panel.boundingBox())!.height).toBeGreaterThan(box.height + 150);
  await expect.poll(async () => (await monaco.boundingBox())!.height).toBeGreaterThan(before + 150);
});

test('a workspace holding a credential makes no link; Download workspace gives a zip another browser opens', async ({ browser }, testInfo) => {
  const first = await browser.newContext({ permissions: ['clipboard-write'] });
  const page = await first.newPage();
  await page.goto('/');
  const spec = (await readSpec(page)).replace('id: wildlife_counts', 'id: wildlife_counts_shared');
  await setSpec(page, spec);
  const overrides = '[feature.default.pypi-dependencies]\nwildlife-tasks = { git = "https://ci:hunter2hunter2@git.example.org/wildlife-tasks.git" }\n';
  await page.getByLabel('Open files').setInputFiles({ name: 'env-overrides.toml', mimeType: 'text/plain', buffer: Buffer.from(overrides) });
  await expect(page.getByRole('status').filter({ hasText: 'Opened env-overrides.toml' })).toBeVisible();

  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No link made' })).toContainText('env-overrides.toml line 2 (a user name or password in a URL)');
  await expect(page.getByRole('status').filter({ hasText: 'Copied a share link' })).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download workspace' }).click()]);
  expect(download.suggestedFilename()).toBe('wildlife-counts-workspace.zip');
  const zipPath = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(zipPath);
  await first.close();

  const second = await browser.newContext();
  const other = await second.newPage();
  await other.goto('/');
  await readSpec(other);
  await other.getByLabel('Open files').setInputFiles(zipPath);
  await expect(other.getByRole('status').filter({ hasText: 'Opened wildlife-counts-workspace.zip' })).toContainText('as the workspace wildlife-counts (spec.yaml, registry.json, env-overrides.toml)');
  await expect.poll(() => readSpec(other)).toBe(spec);
  await second.close();
});

test('a broken env-overrides file shows in Problems, and Package files says it shows the last good build', async ({ page }) => {
  await page.goto('/');
  const problems = page.getByRole('region', { name: 'Problems' });
  const files = page.getByRole('region', { name: 'Package files' });
  await expect(files.getByRole('status')).toContainText('files, as the CLI writes them.');
  await page.getByLabel('Open files').setInputFiles({ name: 'env-overrides.toml', mimeType: 'text/plain', buffer: Buffer.from('[feature.nightly.dependencies]\nnumpy = "*"\n') });
  await expect(problems.getByRole('listitem')).toContainText(['env-overrides 1:']);
  await expect(files.getByRole('status')).toHaveText('Shows the last package that built: fix the errors in Problems to update it.');
  // Activating the problem opens the file in Workspace files with the cursor in its editor.
  await problems.getByRole('button', { name: /env-overrides 1:/ }).click();
  const workspaceFiles = page.getByRole('region', { name: 'Workspace files' });
  await expect(workspaceFiles.getByRole('tab', { name: /env-overrides\.toml/ })).toHaveAttribute('aria-selected', 'true');
  await expect(workspaceFiles.getByRole('textbox', { name: 'env-overrides.toml editor' })).toBeFocused();
  // Fixing it there clears the problem.
  const lines = workspaceFiles.locator('.view-lines');
  await expect(async () => {
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    expect((await lines.innerText()).trim()).toBe('');
  }).toPass();
  await page.keyboard.type('[feature.default.dependencies]\nscipy = ">=1"\n');
  await expect(problems.getByRole('status')).toHaveText('No problems.');

  await page.getByLabel('Open files').setInputFiles({ name: 'env-overrides.toml', mimeType: 'text/plain', buffer: Buffer.from('[feature.default.dependencies]\nnumpy = ">=2"\n') });
  await expect(problems.getByRole('status')).toHaveText('No problems.');
  await expect(files.getByRole('status')).toContainText('files, as the CLI writes them.');
  await files.getByRole('treeitem', { name: 'wt-wildlife-counts-workflow/pixi.toml' }).click();
  await expect(files.getByLabel('Contents of wt-wildlife-counts-workflow/pixi.toml')).toContainText('[dependencies.numpy]version = ">=2"');
});

test('Workspace files edits the registry and test cases; a missing file can be created', async ({ page }) => {
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Workspace files' });
  const registryTab = panel.getByRole('tab', { name: 'registry.json' });
  await expect(registryTab).toHaveAttribute('aria-selected', 'true');
  const registryEditor = panel.getByRole('textbox', { name: 'registry.json editor' });
  // Its editor starts once the panel is in view (the column scrolls to it).
  await panel.scrollIntoViewIfNeeded();
  await expect(registryEditor).toBeAttached();
  await expect(panel.locator('.view-line').first()).toContainText('{');

  // Breaking the registry here shows at once in Problems, which reveals the spot in this editor.
  await registryEditor.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(',');
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('button', { name: /^registry \d+:\d+/ }).first()).toBeVisible();
  await page.keyboard.press('Backspace');
  await expect(problems.getByRole('status')).toHaveText('No problems.');

  // Keyboard: arrows move between the tabs; a missing file offers to create it.
  await registryTab.focus();
  await page.keyboard.press('ArrowLeft');
  const testCasesTab = panel.getByRole('tab', { name: /test-cases\.yaml/ });
  await expect(testCasesTab).toBeFocused();
  await expect(testCasesTab).toHaveAttribute('aria-selected', 'true');
  await panel.getByRole('button', { name: 'Create test-cases.yaml' }).click();
  await expect(panel.getByRole('textbox', { name: 'test-cases.yaml editor' })).toBeAttached();
  await expect(testCasesTab).toHaveText('test-cases.yaml');
});
