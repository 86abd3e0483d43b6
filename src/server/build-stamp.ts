import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * When dist/ was built and whether a source changed since: `npm start` skips `vite build` when
 * nothing it reads is newer than the stamp the last build wrote.
 */

/** The stamp file inside the output folder (emptied with it, so a half-finished build has none). */
export const BUILD_STAMP_FILE = '.wt-build-stamp.json';

/** What the inputs of the build are, relative to the project root. */
export const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** Parts of src/ the app bundle never imports: changing them needs no rebuild. */
const NOT_BUNDLED = [/^src[\\/](cli|server|test-support)[\\/]/, /\.test\.tsx?$/];

/** Vite plugin: writes the stamp (the time the build started) when a build finishes. */
export function buildStampPlugin(): Plugin {
  let startedAt = 0;
  let outDir = 'dist';
  return {
    name: 'wt-build-stamp',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    buildStart() {
      startedAt = Date.now();
    },
    closeBundle() {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, BUILD_STAMP_FILE), JSON.stringify({ startedAt }) + '\n');
    },
  };
}

/** The start time recorded by the last finished build into `outDir`, or undefined. */
export function readBuildStamp(outDir: string): number | undefined {
  try {
    const value = (JSON.parse(readFileSync(join(outDir, BUILD_STAMP_FILE), 'utf8')) as { startedAt?: unknown }).startedAt;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The most recently modified build input under `root` (a missing input is skipped). */
export function newestInput(root: string, inputs: string[] = BUILD_INPUTS): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined;
  const visit = (abs: string) => {
    let st;
    try {
      st = statSync(abs);
    } catch {
      return;
    }
    const rel = relative(root, abs);
    if (NOT_BUNDLED.some((re) => re.test(rel))) return;
    if (st.isDirectory()) {
      for (const name of readdirSync(abs)) visit(join(abs, name));
      return;
    }
    if (!newest || st.mtimeMs > newest.mtimeMs) newest = { path: rel.split(sep).join('/'), mtimeMs: st.mtimeMs };
  };
  for (const input of inputs) visit(join(root, input));
  return newest;
}

/** Whether dist/ must be rebuilt, and why (one line for the terminal). */
export function staleness(state: { hasIndex: boolean; stamp: number | undefined; newest: { path: string; mtimeMs: number } | undefined }): { stale: boolean; reason: string } {
  if (!state.hasIndex) return { stale: true, reason: 'there is no build yet' };
  if (state.stamp === undefined) return { stale: true, reason: 'the build has no stamp (built by an older version or interrupted)' };
  // Equal times count as changed: a file saved in the same millisecond the build started may be missing from it.
  if (state.newest && state.newest.mtimeMs >= state.stamp) return { stale: true, reason: `${state.newest.path} changed since the last build` };
  return { stale: false, reason: 'the build is up to date' };
}
