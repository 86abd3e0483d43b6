/**
 * Remembers that a workspace is being opened until the app has shown it, so a workspace that
 * crashes or freezes the page is not reopened on every load (it was the "last" one): the next start
 * offers the Workspaces list instead. localStorage, so a new tab is protected too.
 */

const KEY = 'wt-workbench:starting';
/** Long enough for the lazy panels (editor, form, graph) to load and render the workspace once. */
export const START_SETTLE_MS = 2500;

let crashed = false;

function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

/** Called before a workspace opens. */
export function markStarting(id: string): void {
  try {
    storage()?.setItem(KEY, id);
  } catch {
    // Not remembered: a crash then reopens the workspace, as before.
  }
}

/** Called once the workspace has been shown (or the page is left normally). */
export function startCompleted(id: string): void {
  if (crashed) return;
  try {
    if (storage()?.getItem(KEY) === id) storage()?.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}

/** The app as a whole failed: keep (or set) the mark so the next load does not reopen `id`. */
export function markCrashed(id: string | undefined): void {
  crashed = true;
  if (id !== undefined) markStarting(id);
}

/** The id of a workspace whose last start never finished, if any. */
export function unfinishedStart(): string | undefined {
  try {
    return storage()?.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Test support: the module flag lives as long as the page. */
export function resetStartGuardForTests(): void {
  crashed = false;
}
