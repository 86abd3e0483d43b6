import { lstatSync, mkdirSync, readdirSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError, fsReason } from './cli-error.ts';
import { terminalSafe } from './terminal-text.ts';

/**
 * Writing a package into its release folder, which is often a git repository with more in it
 * (`.git/`, `.pixi/`, notes, a CHANGELOG): `--clobber` replaces the files the compiler writes and
 * leaves every other file where it is.
 *
 * A file the compiler wrote before but does not write now is removed only when the compiler is its
 * known author: `pixi.lock` (solved for the previous pixi.toml; `--update` carries it over) and
 * the rendered graphs `graph.svg`/`graph.png` (wt-compiler writes graph.png). Any other file is
 * kept and listed, with a warning for those inside the folders the compiler generates (they would
 * be packaged with it).
 */

/** Files a compile writes in some configurations and not in others. */
const OPTIONAL_GENERATED = ['pixi.lock', 'graph.svg', 'graph.png'];

/** What writing the release folder did. */
export interface ReleaseWrite {
  /** Generated files the new compile no longer writes, removed. */
  removed: string[];
  /** Entries of the folder the compiler does not write, kept (folders end in `/`). */
  kept: string[];
  /** Of those, files inside the generated folders (e.g. `<package>/old.py`). */
  keptInGenerated: string[];
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Every file under `dir`, relative, `/`-separated (links are listed, not followed). */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...listFiles(join(dir, entry.name), `${rel}/`));
    else out.push(rel);
  }
  return out;
}

/** Writes `files` into `releaseDir` (created when missing), replacing only what the compiler generates. */
export function writeReleaseFolder(releaseDir: string, files: ReadonlyArray<{ path: string; text: string | Uint8Array }>): ReleaseWrite {
  const written = new Set(files.map((f) => f.path));
  const generatedDirs = new Set<string>();
  for (const f of files) for (let d = dirname(f.path); d !== '.'; d = dirname(d)) generatedDirs.add(d);

  // Check first, so a conflict leaves the folder as it was.
  const root = lstatOrUndefined(releaseDir);
  if (root && !root.isDirectory()) throw new CliError(`${terminalSafe(releaseDir)} exists and is not a folder: move it away or choose another --out`);
  for (const path of [...generatedDirs, ...written]) {
    const st = lstatOrUndefined(join(releaseDir, ...path.split('/')));
    const wantDir = generatedDirs.has(path);
    if (st && st.isDirectory() !== wantDir) {
      const what = wantDir ? 'a folder of the package' : 'a file of the package';
      throw new CliError(`cannot write ${terminalSafe(join(releaseDir, path))}: it is ${what}, but a ${st.isDirectory() ? 'folder' : 'file'} is there; move it away`, 1);
    }
  }

  const removed: string[] = [];
  const kept: string[] = [];
  const keptInGenerated: string[] = [];
  try {
    if (root) {
      for (const name of OPTIONAL_GENERATED) {
        if (written.has(name)) continue;
        const abs = join(releaseDir, name);
        if (lstatOrUndefined(abs)?.isFile()) {
          unlinkSync(abs);
          removed.push(name);
        }
      }
      for (const entry of readdirSync(releaseDir, { withFileTypes: true })) {
        if (written.has(entry.name) || removed.includes(entry.name)) continue;
        if (entry.isDirectory() && generatedDirs.has(entry.name)) {
          keptInGenerated.push(...listFiles(join(releaseDir, entry.name), `${entry.name}/`).filter((p) => !written.has(p)));
          continue;
        }
        kept.push(entry.isDirectory() ? `${entry.name}/` : entry.name);
      }
    }
    for (const file of files) {
      const path = join(releaseDir, ...file.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      // Replace a link rather than write through it to wherever it points.
      if (lstatOrUndefined(path)?.isSymbolicLink()) unlinkSync(path);
      writeFileSync(path, file.text);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot write the package into ${terminalSafe(releaseDir)}: ${fsReason(e)} (${terminalSafe((e as NodeJS.ErrnoException).path ?? '')})`, 1);
  }
  return { removed: removed.sort(), kept: kept.sort(), keptInGenerated: keptInGenerated.sort() };
}

/** The lines telling the user what `--clobber` kept and removed (none when the folder was new or held only the package). */
export function releaseWriteReport(w: ReleaseWrite): string[] {
  const list = (items: string[]) => terminalSafe(items.length > 8 ? `${items.slice(0, 8).join(', ')} and ${items.length - 8} more` : items.join(', '));
  const lines: string[] = [];
  if (w.kept.length > 0) lines.push(`kept ${w.kept.length} entr${w.kept.length === 1 ? 'y' : 'ies'} the compiler does not write: ${list(w.kept)}`);
  if (w.keptInGenerated.length > 0) {
    lines.push(`warning: kept ${w.keptInGenerated.length} file${w.keptInGenerated.length === 1 ? '' : 's'} the compiler did not write inside the package's folders, which go into the package: ${list(w.keptInGenerated)} (delete them if an older compile left them)`);
  }
  if (w.removed.length > 0) {
    const lock = w.removed.includes('pixi.lock') ? ' (pixi.lock was solved for the previous pixi.toml; --update keeps it)' : '';
    lines.push(`removed ${w.removed.length} generated file${w.removed.length === 1 ? '' : 's'} this compile does not write: ${list(w.removed)}${lock}`);
  }
  return lines;
}
