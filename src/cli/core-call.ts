import { Worker } from 'node:worker_threads';
import { CliError } from './cli-error.ts';
import type { CoreJobs } from './core-jobs.ts';

/**
 * The CLI's watchdog: core calls run in a worker thread, and one that does not finish within
 * WT_CLI_TIMEOUT_MS (default 60 s) is stopped (the thread is terminated, even in an endless loop)
 * and reported as an error with exit code 1, so a hang in a parser cannot hang a CI job.
 */

/** The environment variable with the time limit of one core call, in milliseconds. */
export const TIMEOUT_ENV = 'WT_CLI_TIMEOUT_MS';
const DEFAULT_TIMEOUT_MS = 60_000;

/** The limit from the environment (default 60 s; an unusable value falls back to the default). */
export function coreTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env[TIMEOUT_ENV]);
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_TIMEOUT_MS;
}

type Pending = { resolve(v: unknown): void; reject(e: unknown): void; timer: NodeJS.Timeout };

/** A worker thread running the jobs of `entry` (a TypeScript module loaded through tsx), each under the time limit. */
export class CoreRunner {
  private worker: Worker | undefined;
  private next = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly entry: URL,
    /** The limit of each call, in milliseconds. */
    public timeoutMs: number,
  ) {}

  private start(): Worker {
    // Node 20 does not pass tsx's loader on to worker threads: the thread registers it itself.
    const tsx = import.meta.resolve('tsx/esm/api');
    const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(this.entry.href)}); })`;
    const worker = new Worker(code, { eval: true });
    // Only a pending call (its timer) keeps the process alive.
    worker.unref();
    worker.on('message', (m: { id: number; result?: unknown; error?: { message: string; stack?: string } }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.error) p.reject(Object.assign(new Error(m.error.message), { stack: m.error.stack }));
      else p.resolve(m.result);
    });
    worker.on('error', (e) => this.failAll(e));
    worker.on('exit', (code) => this.failAll(new Error(`the core worker stopped (exit code ${code})`)));
    return worker;
  }

  private failAll(e: unknown): void {
    this.worker = undefined;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(e);
    }
  }

  /** Ends the worker thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  /** Runs `name(...args)` in the worker; `what` names the work in the timeout message ("checking the spec"). */
  call<K extends keyof CoreJobs>(what: string, name: K, ...args: Parameters<CoreJobs[K]>): Promise<Awaited<ReturnType<CoreJobs[K]>>> {
    const worker = (this.worker ??= this.start());
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        const seconds = this.timeoutMs >= 1000 ? `${Math.round(this.timeoutMs / 1000)} s` : `${this.timeoutMs} ms`;
        reject(
          new CliError(
            `${what} did not finish within ${seconds}, so it was stopped. This is a bug in wt workbench: please report it with the input files. (${TIMEOUT_ENV} sets the limit in milliseconds.)`,
            1,
          ),
        );
        // Ends the thread even inside an endless loop; the process can then exit.
        void worker.terminate();
      }, this.timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      worker.postMessage({ id, name, args });
    });
  }
}

let shared: CoreRunner | undefined;

/** Ends the CLI's core worker, if one was started. */
export async function closeCore(): Promise<void> {
  await shared?.close();
}

/** The CLI's core runner (one worker for the whole command). */
export function core(): CoreRunner {
  return (shared ??= new CoreRunner(new URL('./core-worker.ts', import.meta.url), coreTimeoutMs()));
}
