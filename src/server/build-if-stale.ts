import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestInput, readBuildStamp, staleness } from './build-stamp.ts';

/** Size and count of the files of a built folder. */
function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const rel of readdirSync(dir, { recursive: true }) as string[]) {
    const st = statSync(join(dir, rel));
    if (st.isFile()) {
      files += 1;
      bytes += st.size;
    }
  }
  return { files, bytes };
}

/**
 * `npm start`'s build step: runs `vite build` (quietly) only when an input changed since the last
 * build, and says what it did in one line. Returns false when the build failed.
 */
export async function buildIfStale(root: string, outDir: string, log: (line: string) => void = console.log): Promise<boolean> {
  const abs = join(root, outDir);
  const decision = staleness({ hasIndex: existsSync(join(abs, 'index.html')), stamp: readBuildStamp(abs), newest: newestInput(root) });
  if (!decision.stale) {
    log(`${outDir}/ is up to date: no rebuild.`);
    return true;
  }
  log(`Building the app into ${outDir}/ (${decision.reason}) …`);
  const started = performance.now();
  const { build, createLogger } = await import('vite');
  // Warnings and errors only (the info level prints one line per Monaco language chunk), each once:
  // the app and its workers are separate bundles that repeat the same warning.
  const logger = createLogger('warn');
  const seen = new Set<string>();
  const warn = logger.warn.bind(logger);
  logger.warn = (msg, options) => {
    if (seen.has(msg)) return;
    seen.add(msg);
    warn(msg, options);
  };
  logger.warnOnce = logger.warn;
  try {
    await build({ root, logLevel: 'warn', customLogger: logger, build: { outDir } });
  } catch (e) {
    console.error(`The build failed: ${(e as Error).message}`);
    return false;
  }
  const { files, bytes } = folderSize(abs);
  log(`Built ${outDir}/ in ${((performance.now() - started) / 1000).toFixed(1)} s (${files} files, ${(bytes / 1e6).toFixed(1)} MB).`);
  return true;
}
