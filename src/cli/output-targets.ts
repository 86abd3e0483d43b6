import { statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError } from './cli-error.ts';
import { terminalSafe } from './terminal-text.ts';

/** Checks of `compile --out DIR` and `--zip FILE` before anything is compiled or written. */

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The nearest existing ancestor of `path` must be a folder, or nothing can be created under it. */
function checkParents(path: string, flag: string): void {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    const st = statOrUndefined(dir);
    if (st) {
      if (!st.isDirectory()) throw new CliError(`${flag} ${terminalSafe(path)}: ${terminalSafe(dir)} is a file, not a folder`);
      return;
    }
    if (dirname(dir) === dir) return;
  }
}

/** `--out` names a folder (existing or to be created), not a file. */
export function checkOutFolder(out: string): void {
  const st = statOrUndefined(out);
  if (st && !st.isDirectory()) throw new CliError(`--out ${terminalSafe(out)} is a file: give the folder the package folder goes into`);
  checkParents(out, '--out');
}

/**
 * `--zip` names a file that is not one of the inputs (never, even with --clobber) and that does
 * not exist yet unless --clobber allows replacing it.
 */
export function checkZipTarget(zip: string, inputs: Record<string, string | undefined>, clobber: boolean): void {
  const st = statOrUndefined(zip);
  if (st?.isDirectory()) throw new CliError(`--zip ${terminalSafe(zip)} is a folder: give a file name, e.g. ${terminalSafe(resolve(zip, 'package.zip'))}`);
  checkParents(zip, '--zip');
  if (!st) return;
  for (const [what, path] of Object.entries(inputs)) {
    const input = path ? statOrUndefined(path) : undefined;
    // The same file under any name (a link, ../x): compare the file itself.
    if (input && input.dev === st.dev && input.ino === st.ino) {
      throw new CliError(`--zip ${terminalSafe(zip)} is the ${what} file: writing the zip would destroy it; choose another file name`);
    }
  }
  if (!st.isFile()) throw new CliError(`--zip ${terminalSafe(zip)} exists and is not a regular file: choose another file name`);
  if (!clobber) throw new CliError(`--zip ${terminalSafe(zip)} already exists; pass --clobber to replace it`);
}
