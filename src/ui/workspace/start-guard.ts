/**
 * Remembers that a workspace is being opened until the app has shown it, so a workspace that
 * crashes or freezes the page is not reopened on every load (it was the "last" one): the next start
 * offers the Workspaces list instead. localStorage, so a new tab is protected too. The mark names
 * the tab that set it: another tab's fresh mark means that tab is still starting, not that it
 * crashed (a second tab opened at once must open normally).
 */

const KEY = 'wt-workbench:starting';
const TAB_KEY = 'wt-workbench:tab';
/** Long enough for the lazy panels (editor, form, graph) to load and render the workspace once. */
export const START_SETTLE_MS = 2500;
/** Another tab's mark younger than this is a start still in progress there. */
export const OTHER_TAB_GRACE_MS = 20_000;

interface Mark {
  id: string;
  tab?: string;
  at?: number;
}

/** This tab's id: sessionStorage survives a reload of the tab and is not shared with other tabs. */
function tabId(): string | undefined {
  try {
    let id = sessionStorage.getItem(TAB_KEY);
    if (!id) sessionStorage.setItem(TAB_KEY, (id = crypto.randomUUID()));
    return id;
  } catch {
    return undefined;
  }
}

function readMark(): Mark | undefined {
  const raw = storage()?.getItem(KEY);
  if (!raw) return undefined;
  try {
    const mark = JSON.parse(raw) as Mark;
    if (typeof mark?.id === 'string') return mark;
  } catch {
    // An older release stored the bare id.
  }
  return { id: raw };
}

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
    storage()?.setItem(KEY, JSON.stringify({ id, tab: tabId(), at: Date.now() } satisfies Mark));
  } catch {
    // Not remembered: a crash then reopens the workspace, as before.
  }
}

/** Called once the workspace has been shown (or the page is left normally). */
export function startCompleted(id: string): void {
  if (crashed) return;
  try {
    if (readMark()?.id === id) storage()?.removeItem(KEY);
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
export function unfinishedStart(now = Date.now()): string | undefined {
  try {
    const mark = readMark();
    if (!mark) return undefined;
    const otherTabStarting = mark.tab !== undefined && mark.tab !== tabId() && mark.at !== undefined && now - mark.at < OTHER_TAB_GRACE_MS;
    return otherTabStarting ? undefined : mark.id;
  } catch {
    return undefined;
  }
}

/** Test support: the module flag lives as long as the page. */
export function resetStartGuardForTests(): void {
  crashed = false;
}
