import { openDB, type IDBPDatabase } from 'idb';
import { forgetFormData } from '../form/saved-form-data.ts';
import type { Workspace } from './model.ts';
import { DamagedRecordError, parseWorkspaceRecord } from './record.ts';

/** Workspaces in IndexedDB. Saves are checked against the stored revision so no tab overwrites newer work. */

const DB_NAME = 'wt-workbench';
const STORE = 'workspaces';
const LAST_KEY = 'wt-workbench:last-workspace';

let db: Promise<IDBPDatabase> | undefined;

function database(): Promise<IDBPDatabase> {
  db ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE, { keyPath: 'id' });
    },
  });
  return db;
}

/** Storage can throw (private mode, blocked cookies): the app then just forgets which workspace was open. */
function read(storage: () => Storage, key: string): string | undefined {
  try {
    return storage().getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function write(storage: () => Storage, key: string, value: string | undefined): void {
  try {
    if (value === undefined) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // Not remembered; the workspace itself is still in IndexedDB.
  }
}

/** Records `id` as this tab's workspace (sessionStorage: a reload reopens it) and as new tabs' default (localStorage). */
export function rememberOpenWorkspace(id: string): void {
  write(() => sessionStorage, LAST_KEY, id);
  write(() => localStorage, LAST_KEY, id);
}

/** The ids to try on start-up, best first: this tab's own workspace, then the one opened last in any tab. */
export function lastWorkspaceIds(): string[] {
  return [...new Set([read(() => sessionStorage, LAST_KEY), read(() => localStorage, LAST_KEY)])].filter((id): id is string => !!id);
}

/**
 * This tab's workspace, else the one opened last in any tab, if it is still stored; a damaged
 * record is skipped and reported to `onSkip`.
 */
export async function loadLastWorkspace(onSkip?: (message: string) => void): Promise<Workspace | undefined> {
  for (const id of lastWorkspaceIds()) {
    try {
      const ws = await loadWorkspace(id);
      if (ws) return ws;
    } catch (e) {
      if (!(e instanceof DamagedRecordError)) throw e;
      onSkip?.(`The last workspace was not opened: ${e.message}. Workspaces lists it, so you can delete it.`);
    }
  }
  return undefined;
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  updatedAt: number;
  /** The stored record is not a workspace: it can only be deleted. */
  damaged?: boolean;
}

/** Summaries of `all`, newest first; names may repeat, so callers key rows by id. */
export function summarize(all: readonly Workspace[]): WorkspaceSummary[] {
  return all.map(({ id, name, updatedAt }) => ({ id, name, updatedAt })).sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Every stored workspace, newest first; damaged records last, named as such so they can be deleted. */
export async function listWorkspaces(): Promise<WorkspaceSummary[]> {
  const d = await database();
  const good: Workspace[] = [];
  const damaged: WorkspaceSummary[] = [];
  // Keys too (both lists come in key order): a record without a usable id is still deletable by its key.
  const [keys, values] = await Promise.all([d.getAllKeys(STORE), d.getAll(STORE)]);
  for (const [i, key] of keys.entries()) {
    const parsed = parseWorkspaceRecord(values[i]);
    if ('workspace' in parsed && parsed.workspace.id === key) good.push(parsed.workspace);
    else damaged.push({ id: String(key), name: `damaged record ${String(key)}`, updatedAt: 0, damaged: true });
  }
  return [...summarize(good), ...damaged];
}

/** Deletes a stored workspace, and forgets it as the new-tab default so start-up does not look for it. */
export async function deleteWorkspace(id: string): Promise<void> {
  await (await database()).delete(STORE, id);
  forgetFormData(id);
  if (read(() => localStorage, LAST_KEY) === id) write(() => localStorage, LAST_KEY, undefined);
}

/** A stored workspace by id; throws DamagedRecordError when the record is not a workspace. */
export async function loadWorkspace(id: string): Promise<Workspace | undefined> {
  const record: unknown = await (await database()).get(STORE, id);
  if (record === undefined) return undefined;
  const parsed = parseWorkspaceRecord(record);
  if ('error' in parsed) throw new DamagedRecordError(id, parsed.error);
  return parsed.workspace;
}

export type SaveResult = { saved: Workspace } | { conflict: Workspace };

/**
 * Saves `ws` if the stored copy is still at `baseRevision` (or absent); otherwise reports the newer
 * stored copy instead of overwriting it. `force` overwrites anyway (the user chose to keep theirs).
 */
export async function saveWorkspace(ws: Workspace, baseRevision: number, force = false): Promise<SaveResult> {
  const d = await database();
  const tx = d.transaction(STORE, 'readwrite');
  // A damaged stored copy is overwritten: it could not be opened anyway.
  const raw: unknown = await tx.store.get(ws.id);
  const parsed = raw === undefined ? undefined : parseWorkspaceRecord(raw);
  const stored = parsed && 'workspace' in parsed ? parsed.workspace : undefined;
  if (stored && stored.revision > baseRevision && !force) {
    await tx.done;
    return { conflict: stored };
  }
  const saved: Workspace = { ...ws, revision: Math.max(stored?.revision ?? 0, baseRevision) + 1, updatedAt: Date.now() };
  await tx.store.put(saved);
  await tx.done;
  // Which workspace is "last" changes on open only (rememberOpenWorkspace): a save in another tab must
  // not make this tab reload into that tab's workspace.
  return { saved };
}
