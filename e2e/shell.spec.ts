import { expect, test } from '@playwright/test';
import { trackExternalRequests } from './offline.ts';
import { expectSpec, readSpec, setSpec, specTextbox } from './spec-editor.ts';

test('the workbench opens the default example with every panel, and nothing leaves 127.0.0.1', async ({ page }, testInfo) => {
  const external = trackExternalRequests(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'wt workbench' })).toBeVisible();
  for (const name of ['Spec editor', 'Problems', 'Workspace files', 'Parameters form', 'Workflow graph', 'Package files', 'Task registry']) {
    await expect(page.getByRole('region', { name })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Problems' }).getByRole('status')).toHaveText('No problems.');
  // The package of the clean example: its tree lists the generated files.
  const files = page.getByRole('region', { name: 'Package files' }).getByRole('tree', { name: 'Generated files' });
  await expect(files.getByRole('treeitem', { name: 'wt-wildlife-counts-workflow/pixi.toml' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Task registry' })).toContainText('9 tasks');
  await page.screenshot({ path: testInfo.outputPath('workbench.png'), fullPage: true });
  // One picture per panel, kept with the test results for review.
  await page.locator('[data-task-id]').first().waitFor();
  for (const name of ['Spec editor', 'Problems', 'Workspace files', 'Parameters form', 'Workflow graph', 'Package files', 'Task registry']) {
    await page.getByRole('region', { name }).screenshot({ path: testInfo.outputPath(`panel-${name.toLowerCase().replaceAll(' ', '-')}.png`) });
  }
  expect(pageErrors).toEqual([]);
  expect(external).toEqual([]);
});

test('a problem appears while the spec is broken and disappears when it is fixed; activating it focuses the editor', async ({ page }) => {
  await page.goto('/');
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('status')).toHaveText('No problems.');
  const original = await readSpec(page);
  await setSpec(page, original + '  - id: extra\n    task: no_such_task\n');
  const item = problems.getByRole('button', { name: /no registered task named `no_such_task`/ });
  await expect(item).toBeVisible();
  const lines = (original + '  - id: extra\n').split('\n').length;
  await expect(item).toContainText(`${lines}:11`);
  await item.click();
  await expect(specTextbox(page)).toBeFocused();
  await setSpec(page, original);
  await expect(problems.getByRole('status')).toHaveText('No problems.');
});

test('edits survive a reload, and Ctrl+S saves without the browser dialog', async ({ page }) => {
  await page.goto('/');
  await expectSpec(page, /id: wildlife_counts/);
  const edited = (await readSpec(page)).replace('name: Report', 'name: Final Report');
  await setSpec(page, edited);
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'saved' }).first()).toContainText(': saved');
  await page.reload();
  await expectSpec(page, /name: Final Report/);
});

test('the Examples menu loads another example and is keyboard-operable', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Examples' }).click();
  const menu = page.getByRole('menu', { name: 'Examples' });
  await expect(menu.getByRole('menuitem')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /Hello wt/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectSpec(page, /id: hello_wt/);
  await expect(page.getByRole('button', { name: 'Examples' })).toBeFocused();
});

test('loading an example keeps the previous workspace: Workspaces reopens it with its edits', async ({ page }) => {
  await page.goto('/');
  await expectSpec(page, /id: wildlife_counts/);
  const edited = (await readSpec(page)).replace('name: Report', 'name: Kept Report');
  await setSpec(page, edited);
  // Switch right away: the pending edit is saved before the example replaces it.
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: /Hello wt/ }).click();
  await expectSpec(page, /id: hello_wt/);

  await page.getByRole('button', { name: 'Workspaces' }).click();
  const dialog = page.getByRole('dialog', { name: 'Workspaces' });
  await expect(dialog.getByRole('button', { name: 'Open hello-wt' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Open wildlife-counts' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Opened workspace wildlife-counts.' })).toBeVisible();
  await expectSpec(page, /name: Kept Report/);

  // A reload opens this tab's workspace.
  await page.reload();
  await expectSpec(page, /name: Kept Report/);
});

test('dropping files on the window opens them, with a drop target while dragging', async ({ page }) => {
  await page.goto('/');
  await expectSpec(page, /id: wildlife_counts/);
  const spec = 'id: dropped\nrequirements: []\nworkflow:\n  - id: only\n    task: set_time_range\n';
  const data = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'spec.yaml', { type: 'text/yaml' }));
    return dt;
  }, spec);
  const target = page.getByRole('region', { name: 'Workflow graph' });
  await target.dispatchEvent('dragover', { dataTransfer: data });
  await expect(page.locator('.drop-target')).toBeVisible();
  await target.dispatchEvent('drop', { dataTransfer: data });
  await expect(page.locator('.drop-target')).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Opened spec.yaml.' })).toBeVisible();
  await expectSpec(page, /id: dropped/);
});

test('two tabs editing the same workspace: the conflict is detected and said, and the chosen version wins', async ({ context }) => {
  const a = await context.newPage();
  // Tab A's clock is ours: its edit can then be held unsaved while tab B edits and saves, whatever the
  // machine's load (otherwise A's save may land first, B follows it before B's edit, and there is
  // rightly no conflict to show).
  await a.clock.install();
  await a.goto('/');
  await expectSpec(a, /id: wildlife_counts/);
  await setSpec(a, (await readSpec(a)).replace('name: Report', 'name: Report A0'));
  await a.keyboard.press('Control+s');
  await expect(a.getByRole('status').filter({ hasText: ': saved' })).toBeVisible();
  const b = await context.newPage();
  await b.goto('/');
  await expectSpec(b, /name: Report A0/);

  // Both edit before either save lands: one of them must be told, not silently overwritten.
  // A's debounced save waits on A's paused clock until B's edit is in.
  await a.clock.pauseAt(await a.evaluate(() => Date.now() + 1000));
  await setSpec(a, (await readSpec(a)).replace('name: Report A0', 'name: Report A1'));
  await setSpec(b, (await readSpec(b)).replace('name: Report A0', 'name: Report B1'));
  await a.clock.resume();
  const alertIn = async () => {
    for (const p of [a, b]) if (await p.getByRole('alert').filter({ hasText: 'changed in another tab' }).isVisible()) return p;
    return undefined;
  };
  await expect.poll(async () => (await alertIn()) !== undefined, { timeout: 10_000 }).toBe(true);
  const flagged = (await alertIn())!;
  const mine = (await readSpec(flagged)).match(/name: Report (A1|B1)/)![0];
  const theirs = mine.endsWith('A1') ? 'name: Report B1' : 'name: Report A1';
  // The conflict shows what differs, line by line, and never covers the toolbar.
  const banner = flagged.getByRole('alert').filter({ hasText: 'changed in another tab' });
  await expect(banner).toContainText('What differs (spec.yaml)');
  await expect(banner.locator('.conflict-diff .diff-del')).toContainText([mine]);
  await expect(banner.locator('.conflict-diff .diff-add')).toContainText([theirs]);
  const toolbar = (await flagged.getByRole('navigation', { name: 'Workspace' }).boundingBox())!;
  const box = (await banner.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
  await flagged.getByRole('button', { name: "Keep this tab's version" }).click();
  await expect(flagged.getByRole('status').filter({ hasText: ': saved' })).toBeVisible();
  const other = flagged === a ? b : a;
  await other.reload();
  await expectSpec(other, new RegExp(mine));
});

test('nothing jumps while the editor, form, graph and package load (cumulative layout shift under 0.1)', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/');
  await expectSpec(page, /id: wildlife_counts/);
  await page.locator('[data-task-id]').first().waitFor();
  await expect(page.getByRole('region', { name: 'Package files' }).getByRole('treeitem').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Parameters form' }).getByRole('textbox').first()).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThan(0.1);
});
