// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GraphRequest, GraphResponse } from '../../worker/protocol.ts';
import { clearGraphCache, useGraphSvg, type GraphClient } from './use-graph-svg.ts';

/** A worker stand-in whose answers the test releases one by one. */
function fakeClient() {
  const calls: Array<{ dot: string; resolve: (r: GraphResponse) => void }> = [];
  const client: GraphClient = {
    request: (r: GraphRequest) => new Promise<GraphResponse>((resolve) => calls.push({ dot: r.dot!, resolve })),
  };
  const answer = async (i: number) => {
    await act(async () => calls[i].resolve({ svg: `<svg>${calls[i].dot}</svg>`, diagnostics: [] }));
  };
  return { client, calls, answer };
}

describe('useGraphSvg', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    clearGraphCache();
  });
  afterEach(() => vi.useRealTimers());

  it('lays out at once when idle, only the newest DOT while busy, and drops superseded answers', async () => {
    const { client, calls, answer } = fakeClient();
    const { result, rerender } = renderHook(({ dot }) => useGraphSvg(client, dot), { initialProps: { dot: 'A' as string | undefined } });
    expect(result.current.pending).toBe(true);
    expect(calls.map((c) => c.dot)).toEqual(['A']);
    await answer(0);
    expect(result.current).toMatchObject({ svg: '<svg>A</svg>', dot: 'A', pending: false });

    // Idle: B goes at once, with no delay.
    rerender({ dot: 'B' });
    expect(calls.map((c) => c.dot)).toEqual(['A', 'B']);
    expect(result.current).toMatchObject({ svg: '<svg>A</svg>', pending: true });

    // Busy: C and D wait; when B answers only D is sent, and B's late answer is not shown.
    rerender({ dot: 'C' });
    rerender({ dot: 'D' });
    expect(calls).toHaveLength(2);
    await answer(1);
    expect(calls.map((c) => c.dot)).toEqual(['A', 'B', 'D']);
    expect(result.current.svg).toBe('<svg>A</svg>');
    await answer(2);
    expect(result.current).toMatchObject({ svg: '<svg>D</svg>', dot: 'D', pending: false });

    // B's answer went into the cache: going back to B needs no request.
    rerender({ dot: 'B' });
    expect(calls).toHaveLength(3);
    expect(result.current).toMatchObject({ svg: '<svg>B</svg>', pending: false });
  });

  it('keeps the last graph when the DOT goes away, and reuses the cache across mounts', async () => {
    const { client, calls, answer } = fakeClient();
    const first = renderHook(({ dot }) => useGraphSvg(client, dot), { initialProps: { dot: 'X' as string | undefined } });
    await act(async () => vi.advanceTimersByTime(0));
    await answer(0);
    first.rerender({ dot: undefined });
    expect(first.result.current).toMatchObject({ svg: '<svg>X</svg>', pending: false });
    first.unmount();

    const second = renderHook(() => useGraphSvg(client, 'X'));
    expect(second.result.current).toMatchObject({ svg: '<svg>X</svg>', pending: false });
    expect(calls).toHaveLength(1);
  });

  it('reports a worker failure', async () => {
    const client: GraphClient = { request: () => Promise.reject(new Error('worker died')) };
    const { result } = renderHook(() => useGraphSvg(client, 'E'));
    await act(async () => vi.advanceTimersByTime(0));
    expect(result.current).toMatchObject({ pending: false, error: 'worker died' });
  });
});
