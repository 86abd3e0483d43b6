import { afterEach, describe, expect, test, vi } from 'vitest';
import { CoreClient, timeLimitFromQuery, WorkerTimeoutError, type WorkerLike } from './client.ts';
import type { WorkerRequest } from './protocol.ts';

/** A worker that answers every request at once, except checks of the spec text `hang`, which it never answers. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: string[] = [];
  constructor(readonly kind: string) {}
  postMessage(message: unknown): void {
    const m = message as { id?: number; request?: WorkerRequest };
    if (!m.request || this.terminated) return;
    this.received.push(m.request.type);
    if (m.request.type === 'check' && m.request.specText === 'hang') return;
    const id = m.id;
    queueMicrotask(() => !this.terminated && this.onmessage?.({ data: { id, ok: true, value: { answeredBy: this } } } as MessageEvent));
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => vi.useRealTimers());

function setup() {
  const made: FakeWorker[] = [];
  const client = new CoreClient({
    timeLimitMs: 20_000,
    createWorker: (kind) => {
      const w = new FakeWorker(kind);
      made.push(w);
      return w;
    },
  });
  return { client, made };
}

describe('worker time limits', () => {
  test('a request past the limit fails with a typed error, the core worker restarts, and the next check works', async () => {
    vi.useFakeTimers();
    const { client, made } = setup();
    const restarts: string[] = [];
    client.onRestart((e) => restarts.push(e.message));
    const stuck = client.request({ type: 'check', specText: 'hang', registryText: '' });
    const queued = client.request({ type: 'registry', registryText: '{}' });
    const failed = expect(stuck).rejects.toBeInstanceOf(WorkerTimeoutError);
    // The registry request is answered; the check is not.
    await vi.advanceTimersByTimeAsync(19_999);
    expect(await queued).toEqual({ answeredBy: made[0] });
    expect(restarts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await failed;
    await expect(stuck).rejects.toThrow('The check took longer than 20 s and was stopped; the worker was restarted.');
    expect(restarts).toHaveLength(1);
    const core = made.filter((w) => w.kind === 'core');
    expect(core).toHaveLength(2);
    expect(core[0].terminated).toBe(true);
    // The graph worker was not restarted.
    expect(made.filter((w) => w.kind === 'graph').map((w) => w.terminated)).toEqual([false]);
    // The live check goes on in the new worker.
    expect(await client.request({ type: 'check', specText: 'id: x\n', registryText: '' })).toEqual({ answeredBy: core[1] });
    client.dispose();
  });

  test('every request waiting on the stuck worker fails with it', async () => {
    vi.useFakeTimers();
    const { client } = setup();
    const a = client.request({ type: 'check', specText: 'hang', registryText: '' });
    const b = client.request({ type: 'check', specText: 'hang', registryText: '' });
    const both = Promise.allSettled([a, b]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect((await both).map((r) => r.status === 'rejected' && (r.reason as Error).name)).toEqual(['WorkerTimeoutError', 'WorkerTimeoutError']);
    client.dispose();
  });

  test('the limit can be shortened by a query parameter (for end-to-end tests), never to zero', () => {
    expect(timeLimitFromQuery('?worker-time-limit-ms=500')).toBe(500);
    expect(timeLimitFromQuery('')).toBe(20_000);
    expect(timeLimitFromQuery('?worker-time-limit-ms=0')).toBe(20_000);
    expect(timeLimitFromQuery('?worker-time-limit-ms=abc')).toBe(20_000);
  });
});
