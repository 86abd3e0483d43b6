import { Channel } from './channel.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

function start(worker: Worker, name: string): Channel {
  const channel = new Channel(worker);
  // A worker that fails to load or crashes must not leave its callers waiting.
  worker.onerror = (e) => channel.fail(`the ${name} worker stopped: ${e.message || 'it could not be loaded'}`);
  return channel;
}

/**
 * Promise-based access to core in workers: checks, packages and conversions in the core worker,
 * Graphviz layouts in the graph worker, so neither waits for the other. The core worker reaches the
 * graph worker directly (a MessageChannel) for the package's graph.svg.
 */
export class CoreClient {
  private readonly workers = {
    core: new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module' }),
    graph: new Worker(new URL('./graph-worker.ts', import.meta.url), { type: 'module' }),
  };
  private readonly core = start(this.workers.core, 'core');
  private readonly graph = start(this.workers.graph, 'graph');

  constructor() {
    const link = new MessageChannel();
    this.workers.core.postMessage({ port: link.port1 }, [link.port1]);
    this.workers.graph.postMessage({ port: link.port2 }, [link.port2]);
  }

  /** Sends a request and resolves with the worker's answer. */
  request<R extends WorkerRequest>(request: R): Promise<WorkerResponse<R>> {
    return (request.type === 'graph' ? this.graph : this.core).request(request) as Promise<WorkerResponse<R>>;
  }

  dispose(): void {
    for (const worker of Object.values(this.workers)) worker.terminate();
    this.core.fail('the workbench closed');
    this.graph.fail('the workbench closed');
  }
}
