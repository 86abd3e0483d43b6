import { FILE_NAMES, type FileRole, type Workspace } from './model.ts';

/**
 * Stored workspaces are read back from IndexedDB, which anything on this origin (an older version,
 * an extension, a broken save) may have written: a record is checked before the app uses it, so one
 * damaged record never takes the app down.
 */

/** The record as a workspace, or why it is not one. */
export function parseWorkspaceRecord(value: unknown): { workspace: Workspace } | { error: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'it is not an object' };
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '') return { error: 'it has no id' };
  if (typeof r.name !== 'string') return { error: 'its name is not text' };
  if (typeof r.files !== 'object' || r.files === null || Array.isArray(r.files)) return { error: 'it holds no files' };
  if (!Number.isFinite(r.revision)) return { error: 'its revision is not a number' };
  if (!Number.isFinite(r.updatedAt)) return { error: 'its save time is not a number' };
  const files: Workspace['files'] = {};
  for (const [role, text] of Object.entries(r.files as Record<string, unknown>)) {
    if (!(role in FILE_NAMES) || text === undefined) continue;
    if (typeof text !== 'string') return { error: `its ${FILE_NAMES[role as FileRole]} is not text` };
    files[role as FileRole] = text;
  }
  return { workspace: { id: r.id, name: r.name, files, revision: r.revision as number, updatedAt: r.updatedAt as number } };
}

/** A stored record that is not a workspace. */
export class DamagedRecordError extends Error {
  constructor(
    readonly id: string,
    reason: string,
  ) {
    super(`the stored workspace ${id} is damaged (${reason})`);
    this.name = 'DamagedRecordError';
  }
}
