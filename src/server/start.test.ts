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

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A built app stand-in: an index.html as the build writes it (with the build-time policy). */
function fakeDist(): string {
  const dist = tempDir('wt-dist-');
  writeFileSync(join(dist, 'index.html'), `<!doctype html><html><head><meta charset="UTF-8" />\n<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self'" /><title>t</title></head></html>`);
  return dist;
}

function start(env: NodeJS.ProcessEnv, onOutput?: (out: string, stop: () => void) => void): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/server/start.ts')], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let out = '';
    const stop = () => child.kill();
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      onOutput?.(out, stop);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    // A server that did start would never exit: stop it so the test fails instead of hanging.
    const timer = setTimeout(() => child.kill(), 80_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

// Real processes loading Vite: slow on a busy machine.
describe.concurrent('npm start', { timeout: 90_000 }, () => {
  it('on a busy port says which port and how to choose another, without a stack trace, and exits 1', async () => {
    const port = await occupiedPort();
    const r = await start({ WT_PORT: String(port), WT_DIST: fakeDist() });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Port ${port} on 127.0.0.1 is busy`);
    expect(r.out).toContain(`WT_PORT=${port + 1} npm start`);
    expect(r.out).not.toMatch(/^\s+at /m);
  });

  it('a WT_PORT that is not a port is a one-line error (exit 2)', async () => {
    const r = await start({ WT_PORT: 'eighty' });
    expect(r).toEqual({ code: 2, out: 'WT_PORT must be a port number from 1 to 65535, not "eighty".\n' });
  });

  it('serves the policy with the hosts of WT_CONNECT_SRC in the header and in the page it sends', async () => {
    const port = await freePort();
    let page: { header: string | null; html: string } | undefined;
    const r = await start({ WT_PORT: String(port), WT_DIST: fakeDist(), WT_CONNECT_SRC: 'https://reg.example.org https://*.corp.example' }, (out, stop) => {
      if (!out.includes('is running at')) return;
      void fetch(`http://127.0.0.1:${port}/`)
        .then(async (res) => (page = { header: res.headers.get('content-security-policy'), html: await res.text() }))
        .finally(stop);
    });
    expect(r.out).toContain(`http://127.0.0.1:${port}/`);
    expect(page?.header).toContain("connect-src 'self' https://reg.example.org https://*.corp.example;");
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page?.html ?? '')?.[1];
    expect(meta).toBe(page?.header?.replace(/; frame-ancestors [^;]*/, ''));
  });

  it('a WT_CONNECT_SRC entry that is not a host is a one-line error (exit 2)', async () => {
    const r = await start({ WT_CONNECT_SRC: "https://a.example; script-src 'unsafe-inline'" });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^WT_CONNECT_SRC: "https:\/\/a.example;" is not a host/);
  });
});
