import { useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import type { Box } from './svg-process.ts';
import type { Size } from './zoom.ts';

/** Largest size of the overview map in CSS px; a very long graph keeps at least MIN_SIDE across. */
const MAX_W = 160;
const MAX_H = 140;
const MIN_SIDE = 28;

export interface MinimapProps {
  /** The scrolling viewport and the `<svg>` inside it. */
  viewport: RefObject<HTMLDivElement | null>;
  svg(): SVGSVGElement | null | undefined;
  size: Size;
  nodes: Box[];
  clusters: Box[];
  scale: number;
  /** Changes whenever the graph is re-inserted (a new layout), so the frame is measured again. */
  version: unknown;
}

/** Map size for a graph: its aspect ratio inside MAX_W × MAX_H, each side at least MIN_SIDE. */
export function minimapSize(size: Size): Size {
  const k = Math.min(MAX_W / size.width, MAX_H / size.height);
  return { width: Math.max(MIN_SIDE, Math.round(size.width * k)), height: Math.max(MIN_SIDE, Math.round(size.height * k)) };
}

/**
 * An overview of a graph bigger than its panel: every node and task group as a box, the visible part
 * framed. Clicking or dragging on it scrolls the graph there. Hidden from assistive technology: the
 * table view is the text alternative, and the graph itself scrolls with the keyboard.
 */
export function GraphMinimap({ viewport, svg, size, nodes, clusters, scale, version }: MinimapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const map = minimapSize(size);
  const kx = map.width / size.width;
  const ky = map.height / size.height;
  const [frame, setFrame] = useState<{ x: number; y: number; w: number; h: number } | undefined>();
  const dragging = useRef(false);

  useEffect(() => {
    const ctx = canvas.current?.getContext?.('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, map.width, map.height);
    ctx.strokeStyle = 'rgba(120, 144, 156, 0.9)';
    ctx.lineWidth = 1;
    for (const c of clusters) ctx.strokeRect(c.x * kx + 0.5, c.y * ky + 0.5, Math.max(1, c.width * kx), Math.max(1, c.height * ky));
    ctx.fillStyle = 'rgba(84, 110, 122, 0.75)';
    for (const n of nodes) ctx.fillRect(n.x * kx, n.y * ky, Math.max(1.5, n.width * kx), Math.max(1.5, n.height * ky));
  }, [nodes, clusters, kx, ky, map.width, map.height]);

  // The frame follows scrolling and zooming (one measurement per animation frame).
  useEffect(() => {
    const vp = viewport.current;
    if (!vp) return;
    let queued = 0;
    const measure = () => {
      queued = 0;
      const s = svg();
      if (!s) return;
      const v = vp.getBoundingClientRect();
      const g = s.getBoundingClientRect();
      setFrame({ x: ((v.left - g.left) / scale) * kx, y: ((v.top - g.top) / scale) * ky, w: (vp.clientWidth / scale) * kx, h: (vp.clientHeight / scale) * ky });
    };
    const onScroll = () => (queued ||= requestAnimationFrame(measure));
    measure();
    vp.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      vp.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      if (queued) cancelAnimationFrame(queued);
    };
  }, [viewport, svg, scale, kx, ky, version]);

  const centerOn = (e: PointerEvent<HTMLDivElement>) => {
    const vp = viewport.current;
    const s = svg();
    if (!vp || !s) return;
    const r = e.currentTarget.getBoundingClientRect();
    const cx = (e.clientX - r.left) / kx;
    const cy = (e.clientY - r.top) / ky;
    const v = vp.getBoundingClientRect();
    const g = s.getBoundingClientRect();
    vp.scrollLeft += g.left + cx * scale - (v.left + vp.clientWidth / 2);
    vp.scrollTop += g.top + cy * scale - (v.top + vp.clientHeight / 2);
  };

  return (
    <div
      className="graph-minimap"
      aria-hidden="true"
      title="Overview: click or drag to move the view"
      style={{ width: map.width, height: map.height }}
      onPointerDown={(e) => {
        e.stopPropagation();
        dragging.current = true;
        e.currentTarget.setPointerCapture?.(e.pointerId);
        centerOn(e);
      }}
      onPointerMove={(e) => dragging.current && centerOn(e)}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
    >
      <canvas ref={canvas} width={map.width} height={map.height} />
      {frame && (
        <div
          className="graph-minimap-frame"
          style={{ left: Math.max(0, frame.x), top: Math.max(0, frame.y), width: Math.min(map.width, frame.w), height: Math.min(map.height, frame.h) }}
        />
      )}
    </div>
  );
}
