import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Monaco spec editor from a test's side: typing goes through the keyboard like a user's, and
 * reading uses the read-only `window.__wtSpecEditor` hook the editor module installs.
 */

/** The editor's text input (Monaco's textbox, named after spec.yaml). */
export function specTextbox(page: Page): Locator {
  return page.getByRole('region', { name: 'Spec editor' }).getByRole('textbox', { name: /spec\.yaml editor/ });
}

/** The editor's text once it has mounted. */
export async function readSpec(page: Page): Promise<string> {
  await page.waitForFunction(() => window.__wtSpecEditor !== undefined);
  return page.evaluate(() => window.__wtSpecEditor!.getValue());
}

/** Waits until the editor's text matches. */
export async function expectSpec(page: Page, pattern: RegExp): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.__wtSpecEditor?.getValue() ?? '')).toMatch(pattern);
}

/** Focuses the editor's input (a tiny element at the cursor, so it is focused rather than clicked). */
export async function focusSpec(page: Page): Promise<void> {
  await readSpec(page);
  await specTextbox(page).focus();
  await expect(specTextbox(page)).toBeFocused();
}

/**
 * Pastes text at the cursor, as Ctrl+V would (a paste event on the focused editor input): typed
 * newlines would be auto-indented, a paste is inserted as it is.
 */
export async function pasteSpec(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  // Monaco may apply the paste a moment later (a busy machine): keys typed before then would land
  // ahead of the pasted text, so wait until it is in.
  await expect.poll(() => page.evaluate(() => window.__wtSpecEditor?.getValue() ?? '')).toContain(text);
}

/** Replaces the whole text from the keyboard: Ctrl+A, then the text pasted. */
export async function setSpec(page: Page, text: string): Promise<void> {
  await focusSpec(page);
  await page.keyboard.press('Control+a');
  await pasteSpec(page, text);
  await expect.poll(() => page.evaluate(() => window.__wtSpecEditor?.getValue())).toBe(text);
}
