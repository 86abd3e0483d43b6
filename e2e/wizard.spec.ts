import { expect, test, type Locator } from '@playwright/test';

/** New workflow: each answer error sits beside its field, named by the field's label, and goes when fixed. */

/** The error text an input points to with aria-describedby (its `-error` id), or undefined. */
async function describedError(input: Locator): Promise<string | undefined> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  if (ids.length === 0) return undefined;
  return (await input.page().locator(`[id="${ids[0]}"]`).textContent()) ?? undefined;
}

test('New workflow: errors beside their fields with the field label, linked by aria-describedby, gone when fixed', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New workflow' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workflow' });
  const id = dialog.getByLabel('Workflow id', { exact: true });
  const name = dialog.getByLabel('Workflow name', { exact: true });
  const author = dialog.getByLabel('Author name', { exact: true });

  await id.fill('1-bad');
  await dialog.getByRole('button', { name: 'Create workflow' }).click();
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  await expect.poll(() => describedError(id)).toMatch(/^Workflow id: /);
  expect(await describedError(id)).not.toContain('workflow_id');
  await expect.poll(() => describedError(name)).toBe('Workflow name: an answer is required');
  await expect.poll(() => describedError(author)).toBe('Author name: an answer is required');
  // Beside its field: in the field's own box, right under the input.
  const idError = dialog.locator('.wizard-field', { has: page.getByLabel('Workflow id', { exact: true }) }).locator('.field-error');
  await expect(idError).toBeVisible();
  const [inputBox, errorBox] = [await id.boundingBox(), await idError.boundingBox()];
  expect(errorBox!.y).toBeGreaterThanOrEqual(inputBox!.y + inputBox!.height - 1);
  expect(errorBox!.y).toBeLessThan(inputBox!.y + inputBox!.height + 40);
  await expect(dialog.getByRole('alert')).toContainText('3 fields need fixing');
  await expect(dialog).not.toContainText(/workflow_id|author_name|workflow_name/);

  // Fixed, the error goes at once; the others stay until fixed too.
  await id.fill('bird_survey');
  await expect(idError).toHaveCount(0);
  await expect(id).not.toHaveAttribute('aria-invalid', 'true');
  expect(await describedError(id)).toBeUndefined();
  await expect.poll(() => describedError(name)).toBe('Workflow name: an answer is required');
  await name.fill('Bird survey');
  await author.fill('Ada');
  await expect(dialog.locator('.field-error')).toHaveCount(0);

  // A requirement's error sits at that requirement's field.
  await dialog.getByRole('button', { name: 'Add a requirement' }).click();
  const req = dialog.getByRole('group', { name: 'Requirement 1' });
  await req.getByLabel('Kind').selectOption('pip');
  await req.getByLabel('Name', { exact: true }).fill('not a name!');
  await req.getByLabel('Source', { exact: true }).fill('https://example.org/pkg.whl');
  await dialog.getByRole('button', { name: 'Create workflow' }).click();
  await expect.poll(() => describedError(req.getByLabel('Name', { exact: true }))).toMatch(/^Name: /);
  await req.getByLabel('Name', { exact: true }).fill('wildlife-tasks');
  await expect(req.locator('.field-error')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Create workflow' }).click();
  await expect(dialog).toBeHidden();
});
