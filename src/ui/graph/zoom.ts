/** Zoom arithmetic for the graph viewport: pure, so it is tested without a DOM. */

export const MIN_SCALE = 0.1;
export const MAX_SCALE = 4;
export const ZOOM_STEP = 1.25;

export interface Size {
  width: number;
  height: number;
}

/** Keeps a scale inside [MIN_SCALE, MAX_SCALE] (and finite), rounded to 4 decimals so steps compose cleanly. */
export function clampScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) return 1;
  return Math.round(Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale)) * 10_000) / 10_000;
}

/** One step in (`direction` 1) or out (-1). */
export function stepScale(scale: number, direction: 1 | -1): number {
  return clampScale(direction > 0 ? scale * ZOOM_STEP : scale / ZOOM_STEP);
}

/** The factor a Ctrl/⌘+wheel event applies: smooth for trackpads (small deltas), one step per notch. */
export function wheelFactor(deltaY: number, deltaMode = 0): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const clamped = Math.max(-100, Math.min(100, pixels));
  return Math.pow(ZOOM_STEP, -clamped / 100);
}

/**
 * The scale at which `content` fits inside `viewport` minus `padding` on each side; never above
 * `maxScale` (fitting a small graph should not blow it up).
 */
export function fitScale(content: Size, viewport: Size, padding = 8, maxScale = 1): number {
  if (content.width <= 0 || content.height <= 0) return 1;
  const w = Math.max(1, viewport.width - 2 * padding);
  const h = Math.max(1, viewport.height - 2 * padding);
  return clampScale(Math.min(maxScale, w / content.width, h / content.height));
}

/**
 * Scroll offsets that keep the content point under `anchor` (viewport coordinates) in place when
 * the scale changes from `from` to `to`.
 */
export function scrollForZoom(scroll: { left: number; top: number }, anchor: { x: number; y: number }, from: number, to: number): { left: number; top: number } {
  const ratio = to / from;
  return {
    left: Math.max(0, (scroll.left + anchor.x) * ratio - anchor.x),
    top: Math.max(0, (scroll.top + anchor.y) * ratio - anchor.y),
  };
}

/** The SVG's natural size in CSS pixels from Graphviz's `viewBox` (points: 1pt = 4/3 px). */
export function naturalSize(viewBox: string | null | undefined, unitsToPx = 4 / 3): Size | undefined {
  const parts = (viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [, , w, h] = parts;
  if (w <= 0 || h <= 0) return undefined;
  return { width: w * unitsToPx, height: h * unitsToPx };
}

/** "125%" */
export function formatScale(scale: number): string {
  return `${Math.round(scale * 100)}%`;
}

/** Smallest scale at which node text stays readable (11 pt labels at about 8 px). */
export const READABLE_SCALE = 0.55;

/**
 * The Fit scale: the whole graph when it stays readable that small, else the panel's width (a big
 * graph then scrolls one way, with the overview map for the rest); never below READABLE_SCALE
 * unless even that is wider than needed, never above `maxScale`.
 */
export function readableFitScale(content: Size, viewport: Size, padding = 8, maxScale = 1): number {
  const all = fitScale(content, viewport, padding, maxScale);
  if (all >= READABLE_SCALE || content.width <= 0) return all;
  const width = Math.max(1, viewport.width - 2 * padding) / content.width;
  return clampScale(Math.min(maxScale, Math.max(READABLE_SCALE, width)));
}
