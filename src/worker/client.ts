import { Channel, type Endpoint } from './channel.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

type Kind = 'core' | 'graph';

/** What the client needs of a Worker (tests pass fakes). */
export interface WorkerLike extends Endpoint {
  terminate(): void;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** A request got no answer within the time limit: its worker was stopped and started afresh. */
export class WorkerTimeoutError extends Error {
  constructor(
    readonly requestType: WorkerRequest['type'],
    readonly limitMs: number,
  ) {
    super(
      `${WHAT[requestType]} took longer than ${formatLimit(limitMs)} and was stopped; the worker was restarted. ` +
        'The next edit is checked again; if this keeps happening, the text just typed may trip a bug (undo it, or download the workspace and report it).',
    );
    this.name = 'WorkerTimeoutError';
  }
}

/** Generous: the largest real specs check in well under a second. */
export const DEFAULT_TIME_LIMIT_MS = 20_000;

const WHAT: Record<WorkerRequest['type'], string> = {
  check: 'The check',
  package: 'Building the package',
  graph: 'Drawing the graph',
  registry: 'Reading the registry',
  convert: 'Converting the parameters',
  scaffold: 'Creating the workflow',
};

function formatLimit(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/** The time limit a page address asks for (`?worker-time-limit-ms=500`, used by the e2e tests), or the default. */
export function timeLimitFromQuery(search: string): number {
  const asked = Number(new URLSearchParams(search).get('worker-time-limit-ms'));
  return Number.isFinite(asked) && asked > 0 ? asked : DEFAULT_TIME_LIMIT_MS;
}

function defaultWorker(kind: Kind): WorkerLike {
  // Literal `new Worker(new URL(…))` forms: Vite bundles the worker files from them.
  return kind === 'core'
    ? new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module' })
    : new Worker(new URL('./graph-worker.ts', import.meta.url), { type: 'module' });
}

export interface CoreClientOptions {
  /** Per request; after it the worker is terminated and restarted. */
  timeLimitMs?: number;
  createWorker?: (kind: Kind) => WorkerLike;
}

/**
 * Promise-based access to core in workers: checks, packages and conversions in the core worker,
 * Graphviz layouts in the graph worker, so neither waits for the other. The core worker reaches the
 * graph worker directly (a MessageChannel) for the package's graph.svg.
 *
 * Every request has a time limit: a worker stuck in a loop (a parser bug, a pathological input)
 * is terminated and started afresh, its waiting requests fail with WorkerTimeoutError, and
 * `onRestart` listeners hear why, so the live check keeps working after it.
 */
export class CoreClient {
  readonly timeLimitMs: number;
  private readonly create: (kind: Kind) => WorkerLike;
  private readonly workers = {} as Record<Kind, WorkerLike>;
  private readonly channels = {} as Record<Kind, Channel>;
  private readonly listeners = new Set<(error: WorkerTimeoutError) => void>();
  private disposed = false;

  constructor(options: CoreClientOptions = {}) {
    this.timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
    this.create = options.createWorker ?? defaultWorker;
    this.start('core');
    this.start('graph');
    this.link();
  }

  private start(kind: Kind): void {
    const worker = this.create(kind);
    const channel = new Channel(worker);
    // A worker that fails to load or crashes must not leave its callers waiting.
    worker.onerror = (e) => channel.fail(`the ${kind} worker stopped: ${e.message || 'it could not be loaded'}`);
    this.workers[kind] = worker;
    this.channels[kind] = channel;
  }

  /** A fresh MessageChannel between the two workers (each replaces its old one). */
  private link(): void {
    if (typeof MessageChannel === 'undefined') return;
    const link = new MessageChannel();
    this.workers.core.postMessage({ port: link.port1 }, [link.port1]);
    this.workers.graph.postMessage({ port: link.port2 }, [link.port2]);
  }

  private restart(kind: Kind, type: WorkerRequest['type']): void {
    if (this.disposed) return;
    const error = new WorkerTimeoutError(type, this.timeLimitMs);
    this.workers[kind].terminate();
    this.channels[kind].fail(error);
    this.start(kind);
    this.link();
    for (const listener of this.listeners) listener(error);
  }

  /** Sends a request and resolves with the worker's answer; rejects with WorkerTimeoutError past the limit. */
  request<R extends WorkerRequest>(request: R): Promise<WorkerResponse<R>> {
    const kind: Kind = request.type === 'graph' ? 'graph' : 'core';
    return this.channels[kind].request(request, this.timeLimitMs, () => this.restart(kind, request.type)) as Promise<WorkerResponse<R>>;
  }

  /** Calls `listener` after each restart; returns the unsubscribe function. */
  onRestart(listener: (error: WorkerTimeoutError) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    for (const worker of Object.values(this.workers)) worker.terminate();
    this.channels.core.fail('the workbench closed');
    this.channels.graph.fail('the workbench closed');
  }
}
