import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import type { CoreClient } from '../../worker/client.ts';
import type { EdgeSummary, InstanceSummary } from '../../worker/protocol.ts';
import { saveBlob } from '../shell/save-blob.ts';
import { svgToPng } from '../shell/svg-to-png.ts';
import { GraphTable } from './GraphTable.tsx';
import { exportableSvg, prepareGraphSvg } from './svg-process.ts';
import { useGraphSvg } from './use-graph-svg.ts';
import { clampScale, fitScale, formatScale, scrollForZoom, stepScale, wheelFactor } from './zoom.ts';
import './graph.css';

export interface WorkflowGraphProps {
  /** DOT of the last check. */
  dot?: string;
  instances: InstanceSummary[];
  edges: EdgeSummary[];
  client: CoreClient;
  /** A node (or table row) was activated. */
  onActivateTask(id: string): void;
}

/** Pointer travel (px) after which a press on the graph is a pan, not a click. */
const DRAG_THRESHOLD = 4;

/**
 * The workflow graph: Graphviz SVG from the worker with focusable task nodes, zoom/fit/reset,
 * Ctrl/⌘+wheel zoom, drag to pan, a table view as the text alternative, and SVG/PNG export.
 */
export default function WorkflowGraph({ dot, instances, edges, client, onActivateTask }: WorkflowGraphProps) {
  const render = useGraphSvg(client, dot);
  const prepared = useMemo(() => (render.svg ? prepareGraphSvg(render.svg, instances) : undefined), [render.svg, instances]);
  // Keyed by the markup text: React re-assigns innerHTML whenever the object changes, which would drop focus.
  const html = prepared?.markup;
  const markup = useMemo(() => (html ? { __html: html } : undefined), [html]);

  const [scale, setScale] = useState(1);
  const [tableView, setTableView] = useState(false);
  const [activeId, setActiveId] = useState<string | undefined>();
  const [exportError, setExportError] = useState<string | undefined>();

  const viewport = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  /** Scroll offsets to apply once the new scale is laid out. */
  const pendingScroll = useRef<{ left: number; top: number } | undefined>(undefined);
  const initialFit = useRef(false);
  /** The node that had focus, so a re-render of the SVG does not drop keyboard users to <body>. */
  const focusedId = useRef<string | undefined>(undefined);
  const drag = useRef<{ x: number; y: number; left: number; top: number; pointer: number; panning: boolean } | undefined>(undefined);
  const suppressClick = useRef(false);

  const zoomTo = useCallback((next: number, anchor?: { x: number; y: number }) => {
    const vp = viewport.current;
    const from = scaleRef.current;
    const to = clampScale(next);
    if (!vp || to === from) return;
    const at = anchor ?? { x: vp.clientWidth / 2, y: vp.clientHeight / 2 };
    pendingScroll.current = scrollForZoom({ left: vp.scrollLeft, top: vp.scrollTop }, at, from, to);
    scaleRef.current = to;
    setScale(to);
  }, []);

  const fit = useCallback(
    (maxScale = 2) => {
      const vp = viewport.current;
      if (!vp || !prepared?.size) return;
      const to = fitScale(prepared.size, { width: vp.clientWidth, height: vp.clientHeight }, 8, maxScale);
      pendingScroll.current = { left: 0, top: 0 };
      scaleRef.current = to;
      setScale(to);
    },
    [prepared],
  );

  const reset = useCallback(() => {
    pendingScroll.current = { left: 0, top: 0 };
    scaleRef.current = 1;
    setScale(1);
  }, []);

  // Size the SVG for the scale (the viewport scrolls), then restore the scroll position and focus.
  useLayoutEffect(() => {
    const svg = canvas.current?.querySelector('svg');
    const vp = viewport.current;
    if (!svg || !vp || !prepared?.size) return;
    if (!initialFit.current && vp.clientWidth > 0) {
      initialFit.current = true;
      // A graph wider or taller than the panel starts fitted; a small one at 100%.
      const fitted = fitScale(prepared.size, { width: vp.clientWidth, height: vp.clientHeight }, 8, 1);
      if (fitted !== scaleRef.current) {
        scaleRef.current = fitted;
        setScale(fitted);
        return;
      }
    }
    svg.style.width = `${(prepared.size.width * scale).toFixed(2)}px`;
    svg.style.height = `${(prepared.size.height * scale).toFixed(2)}px`;
    if (pendingScroll.current) {
      vp.scrollLeft = pendingScroll.current.left;
      vp.scrollTop = pendingScroll.current.top;
      pendingScroll.current = undefined;
    }
  }, [prepared, scale]);

  useLayoutEffect(() => {
    const id = focusedId.current;
    if (!id || !canvas.current) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    nodeById(canvas.current, id)?.focus({ preventScroll: true });
  }, [prepared]);

  // The activated node is highlighted (and marked aria-current) until another one is activated.
  useEffect(() => {
    if (!canvas.current) return;
    for (const node of canvas.current.querySelectorAll<SVGGElement>('[data-task-id]')) {
      const on = node.getAttribute('data-task-id') === activeId;
      node.classList.toggle('is-active', on);
      if (on) node.setAttribute('aria-current', 'true');
      else node.removeAttribute('aria-current');
    }
  }, [prepared, activeId]);

  // Ctrl/⌘+wheel zooms around the pointer; React's wheel listener is passive, so this one is native.
  useEffect(() => {
    const vp = viewport.current;
    if (!vp) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const rect = vp.getBoundingClientRect();
      zoomTo(scaleRef.current * wheelFactor(e.deltaY, e.deltaMode), { x: e.clientX - rect.left, y: e.clientY - rect.top });
    };
    vp.addEventListener('wheel', onWheel, { passive: false });
    return () => vp.removeEventListener('wheel', onWheel);
  }, [zoomTo]);

  const activate = (id: string) => {
    setActiveId(id);
    onActivateTask(id);
  };

  const onCanvasClick = (e: MouseEvent) => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    const node = (e.target as Element).closest?.('[data-task-id]');
    const id = node?.getAttribute('data-task-id');
    if (id) activate(id);
  };

  const onViewportKeyDown = (e: KeyboardEvent) => {
    const node = (e.target as Element).closest?.('[data-task-id]');
    const id = node?.getAttribute('data-task-id');
    if (id && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      activate(id);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '+' || e.key === '=') zoomTo(stepScale(scaleRef.current, 1));
    else if (e.key === '-') zoomTo(stepScale(scaleRef.current, -1));
    else if (e.key === '0') reset();
    else return;
    e.preventDefault();
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || !viewport.current) return;
    suppressClick.current = false;
    drag.current = { x: e.clientX, y: e.clientY, left: viewport.current.scrollLeft, top: viewport.current.scrollTop, pointer: e.pointerId, panning: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    const vp = viewport.current;
    if (!d || !vp || d.pointer !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.panning) {
      if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      d.panning = true;
      vp.setPointerCapture(e.pointerId);
      vp.classList.add('is-panning');
    }
    vp.scrollLeft = d.left - dx;
    vp.scrollTop = d.top - dy;
  };
  const endDrag = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointer !== e.pointerId) return;
    drag.current = undefined;
    if (d.panning) {
      suppressClick.current = true;
      viewport.current?.classList.remove('is-panning');
      if (viewport.current?.hasPointerCapture(e.pointerId)) viewport.current.releasePointerCapture(e.pointerId);
    }
  };

  const exportSvg = () => {
    const svg = render.svg && exportableSvg(render.svg);
    if (!svg) return;
    saveBlob(new Blob([svg], { type: 'image/svg+xml' }), 'graph.svg');
  };
  const exportPng = async () => {
    const svg = render.svg && exportableSvg(render.svg);
    if (!svg) return;
    try {
      setExportError(undefined);
      saveBlob(await svgToPng(svg), 'graph.png');
    } catch (e) {
      setExportError(`The PNG could not be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const hasGraph = !!prepared;
  const firstLoad = !render.svg && render.pending;
  const renderProblems = render.diagnostics.filter((d) => d.severity !== 'info');

  return (
    <div className="workflow-graph">
      <div className="graph-controls toolbar" role="group" aria-label="Graph controls">
        <button type="button" aria-label="Zoom out" title="Zoom out (−)" disabled={!hasGraph || tableView} onClick={() => zoomTo(stepScale(scale, -1))}>
          −
        </button>
        <output className="graph-scale" aria-label="Zoom level" data-scale={scale}>
          {formatScale(scale)}
        </output>
        <button type="button" aria-label="Zoom in" title="Zoom in (+)" disabled={!hasGraph || tableView} onClick={() => zoomTo(stepScale(scale, 1))}>
          +
        </button>
        <button type="button" title="Fit the graph into the panel" disabled={!hasGraph || tableView} onClick={() => fit()}>
          Fit
        </button>
        <button type="button" title="Actual size (0)" disabled={!hasGraph || tableView} onClick={reset}>
          Reset
        </button>
        <span className="graph-controls-gap" />
        <button type="button" aria-pressed={tableView} onClick={() => setTableView((v) => !v)}>
          {tableView ? 'Show graph' : 'Show table'}
        </button>
        <button type="button" disabled={!render.svg} onClick={exportSvg}>
          Export SVG
        </button>
        <button type="button" disabled={!render.svg} onClick={() => void exportPng()}>
          Export PNG
        </button>
      </div>

      <div className="graph-messages">
        {firstLoad && (
          <p role="status" className="graph-loading">
            <span className="graph-spinner" aria-hidden="true" /> Loading Graphviz…
          </p>
        )}
        {render.error && <p role="alert">The graph could not be rendered: {render.error}</p>}
        {renderProblems.map((d, i) => (
          <p key={i} role="status" className="warning">
            {d.message}
          </p>
        ))}
        {dot === undefined && !render.pending && (
          <p role="status">{render.svg ? 'The spec does not parse: showing the last graph.' : 'The graph appears once the spec parses.'}</p>
        )}
        {exportError && <p role="alert">{exportError}</p>}
      </div>

      {tableView && <GraphTable instances={instances} edges={edges} activeId={activeId} onActivate={activate} />}
      <div
        ref={viewport}
        className="graph-viewport"
        hidden={tableView}
        role="group"
        aria-label="Graph viewport: Tab to a task and press Enter to show it in the spec; drag to pan, Ctrl+wheel or + and − to zoom"
        aria-busy={render.pending}
        tabIndex={-1}
        data-scale={scale}
        onKeyDown={onViewportKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onFocus={(e) => {
          const id = (e.target as Element).getAttribute?.('data-task-id');
          if (id) focusedId.current = id;
        }}
        onBlur={(e) => {
          // Focus moved somewhere real (not just the node being replaced by a re-render).
          if (e.relatedTarget && !viewport.current?.contains(e.relatedTarget as Node)) focusedId.current = undefined;
        }}
      >
        {markup && <div ref={canvas} className="graph-canvas" onClick={onCanvasClick} dangerouslySetInnerHTML={markup} />}
      </div>
    </div>
  );
}

function nodeById(root: ParentNode, id: string): SVGGElement | undefined {
  for (const node of root.querySelectorAll<SVGGElement>('[data-task-id]')) if (node.getAttribute('data-task-id') === id) return node;
  return undefined;
}
