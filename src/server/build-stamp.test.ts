import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir.ts';
import { BUILD_STAMP_FILE, newestInput, readBuildStamp, staleness } from './build-stamp.ts';

/** `npm start` rebuilds only when dist/ is older than a build input. */

const T0 = new Date('2026-01-01T00:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** A project with inputs last changed at minute 0 and a build stamped at minute `builtAt`. */
function project(builtAt?: number) {
  const root = tempDir('wt-stamp-');
  for (const dir of ['src/ui', 'src/cli', 'public', 'dist']) mkdirSync(join(root, dir), { recursive: true });
  const files = ['src/ui/App.tsx', 'src/ui/App.test.tsx', 'src/cli/main.ts', 'public/x.wasm', 'index.html', 'vite.config.ts', 'package-lock.json'];
  for (const f of files) {
    writeFileSync(join(root, f), 'x');
    utimesSync(join(root, f), T0, T0);
  }
  writeFileSync(join(root, 'dist/index.html'), '<!doctype html>');
  if (builtAt !== undefined) writeFileSync(join(root, 'dist', BUILD_STAMP_FILE), JSON.stringify({ startedAt: at(builtAt).getTime() }));
  const decide = () => staleness({ hasIndex: true, stamp: readBuildStamp(join(root, 'dist')), newest: newestInput(root) });
  const touch = (f: string, minutes: number) => utimesSync(join(root, f), at(minutes), at(minutes));
  return { root, decide, touch };
}

describe('build staleness', () => {
  it('a build newer than every input is up to date', () => {
    expect(project(5).decide()).toEqual({ stale: false, reason: 'the build is up to date' });
  });

  it.each(['src/ui/App.tsx', 'public/x.wasm', 'index.html', 'vite.config.ts', 'package-lock.json'])('a change to %s after the build makes it stale, naming the file', (file) => {
    const p = project(5);
    p.touch(file, 6);
    expect(p.decide()).toEqual({ stale: true, reason: `${file} changed since the last build` });
  });

  it('changes to tests and to the CLI (not bundled) need no rebuild', () => {
    const p = project(5);
    p.touch('src/ui/App.test.tsx', 6);
    p.touch('src/cli/main.ts', 6);
    expect(p.decide().stale).toBe(false);
  });

  it('no stamp (an interrupted or older build) and no index.html are stale', () => {
    expect(project().decide()).toMatchObject({ stale: true, reason: expect.stringContaining('no stamp') });
    expect(staleness({ hasIndex: false, stamp: 1, newest: undefined })).toMatchObject({ stale: true, reason: 'there is no build yet' });
  });

  it('a file saved in the millisecond the build started counts as changed', () => {
    const p = project(5);
    p.touch('index.html', 5);
    expect(p.decide().stale).toBe(true);
  });
});
