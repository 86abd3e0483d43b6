import { parentPort } from 'node:worker_threads';

/** A core worker that answers a `check` of "ping" and loops forever on any other job (a parser hang), for the watchdog's test. */
parentPort!.on('message', ({ id, args }: { id: number; args: unknown[] }) => {
  if (args[0] === 'ping') {
    parentPort!.postMessage({ id, result: 'pong' });
    return;
  }
  for (;;) {
    // never returns
  }
});
