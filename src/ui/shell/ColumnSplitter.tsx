import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

/** localStorage key of the left column's share of the workbench width, in percent. */
const KEY = 'wt-workbench:left-column-percent';
export const SPLIT_MIN = 20;
export const SPLIT_MAX = 80;
const SPLIT_DEFAULT = 50;

const clamp = (p: number) => Math.round(Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, p)));

function readSplit(): number {
  try {
    const saved = Number(localStorage.getItem(KEY));
    return saved ? clamp(saved) : SPLIT_DEFAULT;
  } catch {
    return SPLIT_DEFAULT;
  }
}

/** The left column's width in percent, kept across reloads. */
export function useColumnSplit(): [number, (percent: number) => void] {
  const [percent, setPercent] = useState(readSplit);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, String(percent));
    } catch {
      // Storage disabled: the width lasts for this page only.
    }
  }, [percent]);
  return [percent, (p) => setPercent(clamp(p))];
}

/**
 * The bar between the two workbench columns (the WAI-ARIA window splitter): drag it, or focus it and
 * use the arrow keys (Shift for bigger steps), Home/End for the limits and Enter to even the columns.
 */
export function ColumnSplitter({ percent, onChange, controls }: { percent: number; onChange(percent: number): void; controls: string }) {
  const dragging = useRef(false);
  const toPercent = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.parentElement?.getBoundingClientRect();
    return box && box.width > 0 ? ((e.clientX - box.left) / box.width) * 100 : percent;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 10 : 2;
    const next: Record<string, number> = { ArrowLeft: percent - step, ArrowRight: percent + step, Home: SPLIT_MIN, End: SPLIT_MAX, Enter: SPLIT_DEFAULT };
    if (!(e.key in next)) return;
    e.preventDefault();
    onChange(next[e.key]);
  };
  return (
    <div
      className="column-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize columns"
      aria-controls={controls}
      aria-valuemin={SPLIT_MIN}
      aria-valuemax={SPLIT_MAX}
      aria-valuenow={percent}
      aria-valuetext={`Left column ${percent}% of the width`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onChange(SPLIT_DEFAULT)}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        e.preventDefault();
      }}
      onPointerMove={(e) => dragging.current && onChange(toPercent(e))}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
    />
  );
}
