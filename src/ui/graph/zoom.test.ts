import { describe, expect, it } from 'vitest';
import { clampScale, fitScale, formatScale, MAX_SCALE, MIN_SCALE, naturalSize, scrollForZoom, stepScale, wheelFactor, READABLE_SCALE, readableFitScale } from './zoom.ts';

describe('zoom math', () => {
  it('clamps scales and repairs nonsense', () => {
    expect(clampScale(100)).toBe(MAX_SCALE);
    expect(clampScale(0.001)).toBe(MIN_SCALE);
    expect(clampScale(Number.NaN)).toBe(1);
    expect(clampScale(-2)).toBe(1);
  });

  it('steps in and out symmetrically', () => {
    expect(stepScale(1, 1)).toBe(1.25);
    expect(stepScale(1, -1)).toBe(0.8);
    expect(stepScale(stepScale(1, 1), -1)).toBe(1);
    expect(stepScale(MAX_SCALE, 1)).toBe(MAX_SCALE);
  });

  it('fits the limiting dimension, inside the padding, without enlarging past maxScale', () => {
    expect(fitScale({ width: 1000, height: 200 }, { width: 516, height: 400 }, 8)).toBe(0.5);
    expect(fitScale({ width: 200, height: 1000 }, { width: 600, height: 516 }, 8)).toBe(0.5);
    expect(fitScale({ width: 100, height: 50 }, { width: 600, height: 400 }, 8)).toBe(1);
    expect(fitScale({ width: 100, height: 50 }, { width: 616, height: 400 }, 8, 10)).toBe(MAX_SCALE);
    expect(fitScale({ width: 100, height: 50 }, { width: 316, height: 400 }, 8, 10)).toBe(3);
    expect(fitScale({ width: 0, height: 0 }, { width: 600, height: 400 })).toBe(1);
  });

  it('keeps the point under the anchor in place while zooming', () => {
    const scroll = { left: 100, top: 50 };
    const anchor = { x: 200, y: 100 };
    const next = scrollForZoom(scroll, anchor, 1, 2);
    // Content point under the anchor: (300, 150) at 1× → (600, 300) at 2×, still at the anchor.
    expect(next).toEqual({ left: 400, top: 200 });
    expect(scrollForZoom({ left: 0, top: 0 }, { x: 10, y: 10 }, 2, 1)).toEqual({ left: 0, top: 0 });
  });

  it('turns wheel deltas into zoom factors: wheel up zooms in, and one notch is at most one step', () => {
    expect(wheelFactor(-100)).toBeCloseTo(1.25);
    expect(wheelFactor(100)).toBeCloseTo(0.8);
    expect(wheelFactor(-1000)).toBeCloseTo(1.25);
    expect(wheelFactor(-3, 1)).toBeCloseTo(Math.pow(1.25, 0.48));
    expect(wheelFactor(0)).toBe(1);
  });

  it('reads the natural size from a Graphviz viewBox in points', () => {
    expect(naturalSize('0.00 0.00 787.00 268.00')).toEqual({ width: (787 * 4) / 3, height: (268 * 4) / 3 });
    expect(naturalSize('0 0 0 10')).toBeUndefined();
    expect(naturalSize(null)).toBeUndefined();
    expect(naturalSize('0 0 x 1')).toBeUndefined();
  });

  it('formats percentages', () => {
    expect(formatScale(1)).toBe('100%');
    expect(formatScale(0.8)).toBe('80%');
  });
});

describe('readableFitScale', () => {
  it('fits the whole graph when its text stays readable', () => {
    expect(readableFitScale({ width: 800, height: 300 }, { width: 616, height: 416 }, 8, 1)).toBe(0.75);
  });
  it('fits a big graph to the panel width, never below the readable scale', () => {
    // A tall top-to-bottom graph: the whole of it would be 5%; the width fits at 75%.
    expect(readableFitScale({ width: 800, height: 12_000 }, { width: 616, height: 616 }, 8, 1)).toBe(0.75);
    // A very wide one: the width would be 1%, so it stays readable and scrolls (the overview map helps).
    expect(readableFitScale({ width: 60_000, height: 2_000 }, { width: 616, height: 416 }, 8, 1)).toBe(READABLE_SCALE);
  });
});
