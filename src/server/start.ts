import { existsSync } from 'node:fs';
import { preview } from 'vite';

/**
 * `npm start`: serves the built app (dist/) on 127.0.0.1 only. Later services (local git server,
 * CORS proxy, discovery runner) start here too, next to the app.
 */

const host = process.env.WT_HOST ?? '127.0.0.1';
const port = Number(process.env.WT_PORT ?? 4173);
const outDir = process.env.WT_DIST ?? 'dist';

if (!existsSync(`${outDir}/index.html`)) {
  console.error(`${outDir}/ is missing: run \`npm run build\` first (npm start does this for you).`);
  process.exit(1);
}

const server = await preview({ build: { outDir }, preview: { host, port, strictPort: true, open: false }, logLevel: 'warn' });
console.log(`wt workbench is running at http://${host}:${port}/  (Ctrl+C to stop)`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
