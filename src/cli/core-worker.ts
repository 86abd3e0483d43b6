import { parentPort } from 'node:worker_threads';
import { coreJobs, type CoreJobs } from './core-jobs.ts';

/** The core worker thread: runs one job of core-jobs.ts per message and posts its result or error. */

type Job = { id: number; name: keyof CoreJobs; args: unknown[] };

parentPort!.on('message', async ({ id, name, args }: Job) => {
  try {
    const run = coreJobs[name] as (...a: unknown[]) => unknown;
    parentPort!.postMessage({ id, result: await run(...args) });
  } catch (e) {
    parentPort!.postMessage({ id, error: { message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined } });
  }
});
