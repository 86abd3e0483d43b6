import type { Diagnostic, Severity } from '../util/diagnostics.ts';
import { normalizePypiName, type PypiDep } from './deps.ts';
import { normalizePath, resolvePath } from './paths.ts';
import { isTable, parseToml } from './toml-read.ts';

/**
 * The leaf-only rule for PyPI path sources (pixi issue #5847): pixi cannot install a path source that
 * another declared path source also pulls in through its `[tool.uv.sources]`.
 */

/** Reads a file by absolute path; `undefined` when it does not exist. CLI: the filesystem; browser: the workspace. */
export type ReadFile = (absPath: string) => string | undefined;

/** A declared PyPI path source and where it was declared. */
export type PathSource = Pick<PypiDep, 'name' | 'range' | 'source'> & { path: string };

/** The path sources among dependencies, first declaration of each name/path pair only. */
export function pathSources(deps: readonly PypiDep[]): PathSource[] {
  const out: PathSource[] = [];
  for (const d of deps) {
    if (d.path === undefined) continue;
    const path = normalizePath(d.path);
    if (out.some((o) => normalizePypiName(o.name) === normalizePypiName(d.name) && o.path === path)) continue;
    out.push({ name: d.name, path, range: d.range, source: d.source });
  }
  return out;
}

/** Checks that no declared path source is also brought in by another one's `[tool.uv.sources]` `path =` entry. */
export function checkLeafOnly(sources: readonly PathSource[], readFile: ReadFile | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (sources.length === 0) return diagnostics;
  if (!readFile) {
    diagnostics.push(at(sources[0], 'info', 'leaf-check-skipped', 'the leaf-only check for PyPI path sources (pixi issue #5847) was skipped: no file reader is available to read their pyproject.toml files'));
    return diagnostics;
  }
  const reported = new Set<string>();
  for (const declarer of sources) {
    const pyproject = `${declarer.path}/pyproject.toml`;
    const text = safeRead(readFile, pyproject);
    if (text === undefined) {
      diagnostics.push(at(declarer, 'info', 'leaf-check-skipped', `no pyproject.toml at \`${pyproject}\`, so \`${declarer.name}\` could not be checked for path sources it pulls in (pixi issue #5847)`));
      continue;
    }
    const parsed = parseToml(text, pyproject, `\`${pyproject}\``);
    if (!parsed.value) {
      for (const d of parsed.diagnostics) diagnostics.push({ ...d, severity: 'warning', message: `${d.message}; the leaf-only check for \`${declarer.name}\` was skipped` });
      continue;
    }
    for (const [name, target] of uvPathSources(parsed.value, declarer.path)) {
      for (const other of sources) {
        if (normalizePypiName(other.name) === normalizePypiName(declarer.name)) continue;
        if (normalizePypiName(other.name) !== normalizePypiName(name) && other.path !== target) continue;
        const key = `${declarer.name}\0${other.name}`;
        if (reported.has(key)) continue;
        reported.add(key);
        diagnostics.push(
          at(
            other,
            'error',
            'path-source-not-leaf',
            `\`${other.name}\` is declared as a path source but \`${declarer.name}\` also brings it in through [tool.uv.sources] ` +
              `\`${name}\` (path \`${target}\`, in ${pyproject}). pixi cannot install a path source that another path source also ` +
              `pulls in (pixi issue #5847): drop \`${other.name}\` here and let \`${declarer.name}\` bring it in, or declare only the leaf package`,
          ),
        );
      }
    }
  }
  return diagnostics;
}

/** `[tool.uv.sources]` entries with `path =` (a table or a list of tables), resolved against the package folder. */
function uvPathSources(pyproject: Record<string, unknown>, folder: string): [string, string][] {
  const tool = pyproject.tool;
  const uv = isTable(tool) ? tool.uv : undefined;
  const sources = isTable(uv) ? uv.sources : undefined;
  if (!isTable(sources)) return [];
  const out: [string, string][] = [];
  for (const [name, entry] of Object.entries(sources)) {
    for (const e of Array.isArray(entry) ? entry : [entry]) {
      if (isTable(e) && typeof e.path === 'string') out.push([name, resolvePath(folder, e.path)]);
    }
  }
  return out;
}

function safeRead(readFile: ReadFile, path: string): string | undefined {
  try {
    return readFile(path);
  } catch {
    // A reader that throws (permissions, a folder) counts as "not there": the check is best-effort.
    return undefined;
  }
}

function at(s: PathSource, severity: Severity, code: string, message: string): Diagnostic {
  const d: Diagnostic = { severity, code, message, range: s.range };
  if (s.source !== undefined) d.source = s.source;
  return d;
}
