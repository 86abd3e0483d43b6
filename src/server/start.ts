import { existsSync } from 'node:fs';
import { buildIfStale } from './build-if-stale.ts';
import { connectHostsOrExit } from './csp-plugin.ts';
import { listenErrorMessage, portFromEnv } from './listen-error.ts';

/**
 * `npm start`: (re)builds the app when a source changed (`--build-if-stale`), then serves dist/ on
 * 127.0.0.1 only. Later services (local git server, CORS proxy, discovery runner) start here too.
 */

const host = process.env.WT_HOST ?? '127.0.0.1';
const outDir = process.env.WT_DIST ?? 'dist';
const portSetting = portFromEnv(process.env.WT_PORT);
if ('error' in portSetting) {
  console.error(portSetting.error);
  process.exit(2);
}
const { port } = portSetting;
// Checked before the build: the policy (header and meta tag) lists these hosts.
connectHostsOrExit();

if (process.argv.includes('--build-if-stale') && !(await buildIfStale(process.cwd(), outDir))) process.exit(1);

if (!existsSync(`${outDir}/index.html`)) {
  console.error(`${outDir}/ is missing: run \`npm run build\` first (npm start does this for you).`);
  process.exit(1);
}

// Loaded only now: a mistake in the settings above is reported without waiting for Vite.
const { preview } = await import('vite');
let server: Awaited<ReturnType<typeof preview>>;
try {
  server = await preview({ build: { outDir }, preview: { host, port, strictPort: true, open: false }, logLevel: 'warn' });
} catch (e) {
  const message = listenErrorMessage(e, host, port);
  if (message === undefined) throw e;
  console.error(message);
  process.exit(1);
}
console.log(`wt workbench is running at http://${host}:${port}/  (Ctrl+C to stop)`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
