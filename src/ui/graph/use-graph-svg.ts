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

function layout(client: GraphClient, dot: string): Promise<GraphResponse> {
  const hit = cache.get(dot);
  if (hit) return Promise.resolve(hit);
  let p = inflight.get(dot);
  if (!p) {
    p = client.request({ type: 'graph', dot }).then(
      (r) => {
        inflight.delete(dot);
        cache.set(dot, r);
        return r;
      },
      (e: unknown) => {
        inflight.delete(dot);
        throw e;
      },
    );
    inflight.set(dot, p);
  }
  return p;
}

export interface GraphSvgState {
  /** Graphviz SVG of `dot` (the last DOT that rendered; kept while a newer one is laid out). */
  svg?: string;
  /** The DOT `svg` belongs to. */
  dot?: string;
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
export function useGraphSvg(client: GraphClient, dot: string | undefined): GraphSvgState {
  const [state, setState] = useState<GraphSvgState>(() => {
    const hit = dot === undefined ? undefined : cache.get(dot);
    return hit ? { svg: hit.svg, dot, diagnostics: hit.diagnostics, pending: false } : { diagnostics: [], pending: dot !== undefined };
  });
  const current = useRef(dot);
  current.current = dot;
  const running = useRef(false);
  const waiting = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (dot === undefined) {
      waiting.current = undefined;
      setState((s) => (s.pending ? { ...s, pending: false } : s));
      return;
    }
    const hit = cache.get(dot);
    if (hit) {
      waiting.current = undefined;
      setState((s) => (s.dot === dot && !s.pending ? s : { svg: hit.svg, dot, diagnostics: hit.diagnostics, pending: false }));
      return;
    }
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    waiting.current = dot;
    const pump = () => {
      const next = waiting.current;
      if (running.current || next === undefined) return;
      waiting.current = undefined;
      running.current = true;
      layout(client, next)
        .then(
          (r) => {
            if (current.current === next) setState({ svg: r.svg, dot: next, diagnostics: r.diagnostics, pending: false });
          },
          (e: unknown) => {
            if (current.current === next) setState((s) => ({ ...s, pending: false, error: e instanceof Error ? e.message : String(e) }));
          },
        )
        .finally(() => {
          running.current = false;
          pump();
        });
    };
    pump();
  }, [client, dot]);

  return state;
}
