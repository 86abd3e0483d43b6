import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './reference.ts';
import { tempDir } from './temp-dir.ts';

/** Running generated Python in tests, with the test-only runtime on the path. */

export const PYTHON_RUNTIME = join(REPO_ROOT, 'src/test-support/python-runtime');

/** The first of `modules` python3 cannot import (or `python3` itself), undefined when all are there. */
export function missingPython(modules: string[]): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import sys, importlib.util as u; m=[x for x in sys.argv[1:] if u.find_spec(x) is None]; print(m[0] if m else "")', ...modules], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return 'python3';
  return probe.stdout.trim() || undefined;
}

/** Writes files (paths relative to a new temp folder) and returns the folder. */
export function writeTree(files: Array<{ path: string; text: string }>, prefix = 'wt-pkg-'): string {
  const root = tempDir(prefix);
  for (const f of files) {
    const target = join(root, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.text);
  }
  return root;
}

/** Runs python3 with the runtime and `paths` on PYTHONPATH. */
export function runPython(args: string[], options: { cwd: string; paths?: string[]; input?: string; env?: Record<string, string> }) {
  const r = spawnSync('python3', args, {
    cwd: options.cwd,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, ...options.env, PYTHONPATH: [...(options.paths ?? []), PYTHON_RUNTIME].join(':'), PYTHONDONTWRITEBYTECODE: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
