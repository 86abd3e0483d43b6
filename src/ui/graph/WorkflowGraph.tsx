import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import type { PreviewGraph } from '../../core/compiler/graph/preview-dot.ts';
import type { CoreClient } from '../../worker/client.ts';
import type { EdgeSummary, InstanceSummary } from '../../worker/protocol.ts';
import { saveBlob } from '../shell/save-blob.ts';
import { svgToPng } from '../shell/svg-to-png.ts';
import { GraphMinimap } from './GraphMinimap.tsx';
import { orientationFor, saveOrientation, savedOrientation, saveZoom, savedZoom, type Orientation } from './graph-prefs.ts';
import { GraphTable } from './GraphTable.tsx';
import { applyNodeLabels, exportableSvg, prepareGraphElement } from './svg-process.ts';
import { mark, useGraphSvg } from './use-graph-svg.ts';
import { clampScale, formatScale, readableFitScale, scrollForZoom, stepScale, wheelFactor } from './zoom.ts';
import './graph.css';

export interface WorkflowGraphProps {
  /** What the last check says the graph is (core's preview DOT, or why there is none). */
  graph?: PreviewGraph;
  /** The open workspace: the zoom is kept per workspace. */
  workspaceId?: string;
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
export default function WorkflowGraph({ graph, workspaceId, instances, edges, client, onActivateTask }: WorkflowGraphProps) {
  const dot = graph?.kind === 'graph' ? graph.dot : undefined;
  const [chosenOrientation, setChosenOrientation] = useState<Orientation | undefined>(savedOrientation);
  // The node count of the last good graph decides the automatic orientation.
  const nodeCount = useRef(0);
  if (graph?.kind === 'graph') nodeCount.current = graph.nodes;
  const orientation = orientationFor(nodeCount.current, chosenOrientation);
  const render = useGraphSvg(client, dot, orientation);
  // Prepared once per layout; names and labels are applied in place (below), so a rename never re-parses.
  const prepared = useMemo(() => {
    if (!render.svg) return undefined;
    mark('wt:graph-prepare');
    return prepareGraphElement(render.svg);
  }, [render.svg]);
  useEffect(() => {
    if (dot !== undefined) mark('wt:graph-dot');
  }, [dot]);

  const [scale, setScale] = useState(() => savedZoom(workspaceId) ?? 1);
  const [tableView, setTableView] = useState(false);
  const [activeId, setActiveId] = useState<string | undefined>();
  const [exportError, setExportError] = useState<string | undefined>();

  const viewport = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  /** Scroll offsets to apply once the new scale is laid out. */
  const pendingScroll = useRef<{ left: number; top: number } | undefined>(undefined);
  const initialFit = useRef(savedZoom(workspaceId) !== undefined);
  const workspaceRef = useRef(workspaceId);
  workspaceRef.current = workspaceId;
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
    saveZoom(workspaceRef.current, to);
  }, []);

  const fit = useCallback(
    (maxScale = 2) => {
      const vp = viewport.current;
      if (!vp || !prepared?.size) return;
      const to = readableFitScale(prepared.size, { width: vp.clientWidth, height: vp.clientHeight }, 8, maxScale);
      pendingScroll.current = { left: 0, top: 0 };
      scaleRef.current = to;
      setScale(to);
      saveZoom(workspaceRef.current, to);
    },
    [prepared],
  );

  const reset = useCallback(() => {
    pendingScroll.current = { left: 0, top: 0 };
    scaleRef.current = 1;
    setScale(1);
    saveZoom(workspaceRef.current, 1);
  }, []);

  // Another workspace: its own zoom, or a fresh fit.
  const shownWorkspace = useRef(workspaceId);
  useLayoutEffect(() => {
    if (shownWorkspace.current === workspaceId) return;
    shownWorkspace.current = workspaceId;
    const saved = savedZoom(workspaceId);
    initialFit.current = saved !== undefined;
    pendingScroll.current = { left: 0, top: 0 };
    scaleRef.current = saved ?? 1;
    setScale(saved ?? 1);
  }, [workspaceId]);

  const toggleOrientation = () => {
    const next: Orientation = orientation === 'LR' ? 'TB' : 'LR';
    saveOrientation(next);
    setChosenOrientation(next);
    // The new layout has another shape: fit it again when it arrives (unless a zoom was chosen here).
    initialFit.current = false;
  };

  // A new layout replaces the SVG element (the old one stays until then, so the view never blanks).
  useLayoutEffect(() => {
    const host = canvas.current;
    if (!host) return;
    if (prepared) {
      applyNodeLabels(prepared.svg, instances);
      host.replaceChildren(prepared.svg);
      mark('wt:graph-shown');
    } else host.replaceChildren();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- labels follow in the effect below
  }, [prepared]);

  // Names and accessible labels follow every check in place: no re-parse, no re-layout.
  useLayoutEffect(() => {
    if (prepared) applyNodeLabels(prepared.svg, instances);
  }, [prepared, instances]);

  // Size the SVG for the scale (the viewport scrolls), then restore the scroll position and focus.
  useLayoutEffect(() => {
    const svg = prepared?.svg;
    const vp = viewport.current;
    if (!svg || !vp || !prepared?.size) return;
    if (!initialFit.current && vp.clientWidth > 0) {
      initialFit.current = true;
      // A graph wider or taller than the panel starts fitted (to the width when the whole graph
      // would be unreadably small); a small one at 100%.
      const fitted = readableFitScale(prepared.size, { width: vp.clientWidth, height: vp.clientHeight }, 8, 1);
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

  /** The SVG as shown (names in the title rows), at its natural size, for export. */
  const shownSvg = () => {
    if (!prepared) return undefined;
    const copy = prepared.svg.cloneNode(true) as SVGSVGElement;
    copy.removeAttribute('style');
    const [, , w, h] = (copy.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/);
    if (w && h) copy.setAttribute('width', `${w}pt`), copy.setAttribute('height', `${h}pt`);
    return exportableSvg(new XMLSerializer().serializeToString(copy));
  };
  const exportSvg = () => {
    const svg = shownSvg();
    if (!svg) return;
    saveBlob(new Blob([svg], { type: 'image/svg+xml' }), 'graph.svg');
  };
  const exportPng = async () => {
    const svg = shownSvg();
    if (!svg) return;
    try {
      setExportError(undefined);
      saveBlob(await svgToPng(svg), 'graph.png');
    } catch (e) {
      setExportError(`The PNG could not be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const empty = graph?.kind === 'empty';
  const stale = graph?.kind === 'unreadable' && !!prepared;
  const hasGraph = !!prepared && !empty;
  const firstLoad = !render.svg && render.pending;
  const vpSize = viewport.current ? { width: viewport.current.clientWidth, height: viewport.current.clientHeight } : undefined;
  const overflows = !!prepared?.size && !!vpSize && (prepared.size.width * scale > vpSize.width + 1 || prepared.size.height * scale > vpSize.height + 1);
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
        <button
          type="button"
          className="graph-orientation"
          title={`Lay the graph out ${orientation === 'LR' ? 'top to bottom' : 'left to right'} (kept as a preference)`}
          onClick={toggleOrientation}
        >
          {orientation === 'LR' ? 'Left to right' : 'Top to bottom'}
        </button>
        <span className="graph-controls-gap" />
        <button type="button" aria-pressed={tableView} onClick={() => setTableView((v) => !v)}>
          {tableView ? 'Show graph' : 'Show table'}
        </button>
        <button type="button" disabled={!hasGraph} onClick={exportSvg}>
          Export SVG
        </button>
        <button type="button" disabled={!hasGraph} onClick={() => void exportPng()}>
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
        {graph?.kind === 'empty' && (
          <p role="status" className="graph-empty">
            {graph.message}
          </p>
        )}
        {graph?.kind === 'unreadable' && (
          <p role="status" className="graph-stale-note" id="graph-stale-note">
            {graph.message} {prepared ? 'Showing the last good graph, marked stale, until it parses again.' : 'The graph appears once it parses.'}
          </p>
        )}
        {exportError && <p role="alert">{exportError}</p>}
      </div>

      {tableView && <GraphTable instances={instances} edges={edges} activeId={activeId} onActivate={activate} />}
      <div className="graph-stage" hidden={tableView || empty}>
        <div
          ref={viewport}
          className={`graph-viewport${stale ? ' is-stale' : ''}`}
          data-orientation={orientation}
          data-stale={stale || undefined}
          aria-describedby={stale ? 'graph-stale-note' : undefined}
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
          <div ref={canvas} className="graph-canvas" onClick={onCanvasClick} />
        </div>
        {prepared?.size && overflows && !tableView && !empty && (
          <GraphMinimap viewport={viewport} svg={() => prepared.svg} size={prepared.size} nodes={prepared.nodes} clusters={prepared.clusters} scale={scale} version={prepared} />
        )}
      </div>
    </div>
  );
}

function nodeById(root: ParentNode, id: string): SVGGElement | undefined {
  for (const node of root.querySelectorAll<SVGGElement>('[data-task-id]')) if (node.getAttribute('data-task-id') === id) return node;
  return undefined;
}
