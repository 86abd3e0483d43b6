import { openDB, type IDBPDatabase } from 'idb';
import type { Workspace } from './model.ts';

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

/** The workspace opened last, if any. */
export async function loadLastWorkspace(): Promise<Workspace | undefined> {
  const id = localStorage.getItem(LAST_KEY);
  return id ? ((await (await database()).get(STORE, id)) as Workspace | undefined) : undefined;
}

/** A stored workspace by id. */
export async function loadWorkspace(id: string): Promise<Workspace | undefined> {
  return (await (await database()).get(STORE, id)) as Workspace | undefined;
}

export type SaveResult = { saved: Workspace } | { conflict: Workspace };

/**
 * Saves `ws` if the stored copy is still at `baseRevision` (or absent); otherwise reports the newer
 * stored copy instead of overwriting it. `force` overwrites anyway (the user chose to keep theirs).
 */
export async function saveWorkspace(ws: Workspace, baseRevision: number, force = false): Promise<SaveResult> {
  const d = await database();
  const tx = d.transaction(STORE, 'readwrite');
  const stored = (await tx.store.get(ws.id)) as Workspace | undefined;
  if (stored && stored.revision > baseRevision && !force) {
    await tx.done;
    return { conflict: stored };
  }
  const saved: Workspace = { ...ws, revision: Math.max(stored?.revision ?? 0, baseRevision) + 1, updatedAt: Date.now() };
  await tx.store.put(saved);
  await tx.done;
  localStorage.setItem(LAST_KEY, ws.id);
  return { saved };
}
