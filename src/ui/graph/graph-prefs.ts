import { readPref, writePref } from '../shell/stored-preference.ts';

/** The graph panel's remembered choices: the orientation (one preference) and the zoom of each workspace. */

export type Orientation = 'LR' | 'TB';
const ORIENTATION_KEY = 'wt-workbench:graph-orientation';
const ZOOM_KEY = 'wt-workbench:graph-zoom';
/** Graphs with more nodes than this lay out top to bottom unless the user chose an orientation. */
export const AUTO_TB_NODES = 60;
/** Workspaces whose zoom is remembered (the most recently zoomed). */
const MAX_ZOOMS = 50;

/** The orientation the user chose, if any. */
export function savedOrientation(): Orientation | undefined {
  const v = readPref(ORIENTATION_KEY);
  return v === 'LR' || v === 'TB' ? v : undefined;
}

export function saveOrientation(o: Orientation): void {
  writePref(ORIENTATION_KEY, o);
}

/** The chosen orientation, else left to right like wt-compiler's graph.png, top to bottom for big graphs. */
export function orientationFor(nodes: number, chosen = savedOrientation()): Orientation {
  return chosen ?? (nodes > AUTO_TB_NODES ? 'TB' : 'LR');
}

function zooms(): Record<string, number> {
  try {
    const v: unknown = JSON.parse(readPref(ZOOM_KEY) ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** The zoom last used in a workspace, if any. */
export function savedZoom(workspaceId: string | undefined): number | undefined {
  if (!workspaceId) return undefined;
  const v = zooms()[workspaceId];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
}

export function saveZoom(workspaceId: string | undefined, scale: number): void {
  if (!workspaceId) return;
  const all = zooms();
  delete all[workspaceId];
  all[workspaceId] = scale;
  const keys = Object.keys(all);
  for (const k of keys.slice(0, Math.max(0, keys.length - MAX_ZOOMS))) delete all[k];
  writePref(ZOOM_KEY, JSON.stringify(all));
}
