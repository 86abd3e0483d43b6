import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../test-support/reference.ts';
import { tempDir } from '../test-support/temp-dir.ts';

/** `npm start` as a user runs it (without the build step): a real process against a real busy port. */

const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
});

/** A port on 127.0.0.1 that a node server of this test holds. */
function occupiedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    servers.push(server);
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

function start(env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/server/start.ts')], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    // A server that did start would never exit: stop it so the test fails instead of hanging.
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

describe.concurrent('npm start', () => {
  it('on a busy port says which port and how to choose another, without a stack trace, and exits 1', async () => {
    const port = await occupiedPort();
    const dist = tempDir('wt-dist-');
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>t</title>');
    const r = await start({ WT_PORT: String(port), WT_DIST: dist });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Port ${port} on 127.0.0.1 is busy`);
    expect(r.out).toContain(`WT_PORT=${port + 1} npm start`);
    expect(r.out).not.toMatch(/^\s+at /m);
  });

  it('a WT_PORT that is not a port is a one-line error (exit 2)', async () => {
    const r = await start({ WT_PORT: 'eighty' });
    expect(r).toEqual({ code: 2, out: 'WT_PORT must be a port number from 1 to 65535, not "eighty".\n' });
  });
});
