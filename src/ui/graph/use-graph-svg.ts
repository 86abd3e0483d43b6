import { useEffect, useRef, useState } from 'react';
import type { Diagnostic } from '../../core/util/diagnostics.ts';
import type { GraphRequest, GraphResponse } from '../../worker/protocol.ts';
import { LruCache } from './lru.ts';

/** The part of the worker client the graph needs (a fake in tests). */
export interface GraphClient {
  request(request: GraphRequest): Promise<GraphResponse>;
}

/** Layouts by DOT text: re-checking an unchanged spec, or undoing an edit, shows the graph at once. */
const cache = new LruCache<string, GraphResponse>(16);
/** Requests in flight by DOT text, so a DOT that is already being laid out is not sent twice. */
const inflight = new Map<string, Promise<GraphResponse>>();

/** For tests: forget every cached layout. */
export function clearGraphCache(): void {
  cache.clear();
  inflight.clear();
}

type Rankdir = GraphRequest['rankdir'];
/** Cache key of a layout: the orientation and the DOT. */
const keyOf = (dot: string, rankdir: Rankdir) => (rankdir ? `${rankdir}\n${dot}` : dot);

function layout(client: GraphClient, key: string, dot: string, rankdir: Rankdir): Promise<GraphResponse> {
  const hit = cache.get(key);
  if (hit) return Promise.resolve(hit);
  let p = inflight.get(key);
  if (!p) {
    p = client.request(rankdir ? { type: 'graph', dot, rankdir } : { type: 'graph', dot }).then(
      (r) => {
        inflight.delete(key);
        cache.set(key, r);
        return r;
      },
      (e: unknown) => {
        inflight.delete(key);
        throw e;
      },
    );
    inflight.set(key, p);
  }
  return p;
}

/** User Timing marks, so benchmarks can split a graph update into its steps. */
export function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

export interface GraphSvgState {
  /** Graphviz SVG of `dot` (the last DOT that rendered; kept while a newer one is laid out). */
  svg?: string;
  /** The DOT `svg` belongs to. */
  dot?: string;
  /** The orientation `svg` was laid out in. */
  rankdir?: Rankdir;
  diagnostics: Diagnostic[];
  /** A layout for the current DOT is pending. */
  pending: boolean;
  /** The worker failed (not Graphviz rejecting the DOT, which comes as a diagnostic). */
  error?: string;
}

/**
 * Renders DOT to SVG in the graph worker, cached by DOT text. There is no fixed delay: a layout
 * starts at once when none is running, and while one runs only the newest DOT waits its turn
 * (intermediate DOTs are never laid out). Answers for a DOT that is no longer current still fill
 * the cache but are not shown.
 */
export function useGraphSvg(client: GraphClient, dot: string | undefined, rankdir?: Rankdir): GraphSvgState {
  const key = dot === undefined ? undefined : keyOf(dot, rankdir);
  const [state, setState] = useState<GraphSvgState>(() => {
    const hit = key === undefined ? undefined : cache.get(key);
    return hit ? { svg: hit.svg, dot, rankdir, diagnostics: hit.diagnostics, pending: false } : { diagnostics: [], pending: dot !== undefined };
  });
  const current = useRef(key);
  current.current = key;
  const running = useRef(false);
  const waiting = useRef<{ key: string; dot: string; rankdir: Rankdir } | undefined>(undefined);

  useEffect(() => {
    if (dot === undefined || key === undefined) {
      waiting.current = undefined;
      setState((s) => (s.pending ? { ...s, pending: false } : s));
      return;
    }
    const hit = cache.get(key);
    if (hit) {
      waiting.current = undefined;
      setState((s) => (s.dot === dot && s.rankdir === rankdir && !s.pending ? s : { svg: hit.svg, dot, rankdir, diagnostics: hit.diagnostics, pending: false }));
      return;
    }
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    waiting.current = { key, dot, rankdir };
    const pump = () => {
      const next = waiting.current;
      if (running.current || next === undefined) return;
      waiting.current = undefined;
      running.current = true;
      mark('wt:graph-request');
      layout(client, next.key, next.dot, next.rankdir)
        .then(
          (r) => {
            globalThis.performance?.measure?.('wt:graph-worker', { start: performance.now() - (r.elapsedMs ?? 0), end: performance.now() });
            mark('wt:graph-response');
            if (current.current === next.key) setState({ svg: r.svg, dot: next.dot, rankdir: next.rankdir, diagnostics: r.diagnostics, pending: false });
          },
          (e: unknown) => {
            if (current.current === next.key) setState((s) => ({ ...s, pending: false, error: e instanceof Error ? e.message : String(e) }));
          },
        )
        .finally(() => {
          running.current = false;
          pump();
        });
    };
    pump();
  }, [client, dot, rankdir, key]);

  return state;
}
