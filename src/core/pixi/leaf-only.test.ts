import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PypiDep } from './deps.ts';
import { checkLeafOnly, pathSources, type ReadFile } from './leaf-only.ts';

/**
 * A real folder tree, like a wt monorepo checkout:
 *   wt-runner  → [tool.uv.sources] wt-task = { path = "../wt-task", editable = true }, wt-contracts (git)
 *   wt-task    → [tool.uv.sources] wt-contracts = { path = "../wt-contracts" }
 *   wt-contracts, leaf-pkg → no sources; no-pyproject → no pyproject.toml; broken → invalid TOML
 */
let root: string;
const readFile: ReadFile = (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);

function write(rel: string, text: string): void {
  const file = join(root, rel);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'leaf-only-'));
  write(
    'wt-runner/pyproject.toml',
    '[project]\nname = "wt-runner"\n\n[tool.uv.sources]\nwt-task = { path = "../wt-task", editable = true }\nwt-contracts = { git = "https://github.com/x/wt.git", subdirectory = "wt-contracts" }\n',
  );
  write('wt-task/pyproject.toml', '[project]\nname = "wt-task"\n\n[tool.uv.sources.wt-contracts]\npath = "../wt-contracts"\n');
  write('wt-contracts/pyproject.toml', '[project]\nname = "wt-contracts"\n');
  write('leaf-pkg/pyproject.toml', '[project]\nname = "leaf-pkg"\n[tool.uv.sources]\nrenamed = [{ path = "../wt-contracts", marker = "sys_platform == \'linux\'" }]\n');
  mkdirSync(join(root, 'no-pyproject'));
  write('broken/pyproject.toml', '[project\n');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const at = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 5 } });

/** A declared path source; `source: null` stands for the spec (no source). */
function dep(name: string, dir: string, line: number, source: string | null = 'env-overrides'): PypiDep {
  return { kind: 'pypi', name, path: join(root, dir), extras: [], origin: 'override', range: at(line), source: source ?? undefined };
}

describe('leaf-only rule (pixi #5847)', () => {
  it('accepts leaves only: declaring just the top package is fine', () => {
    expect(checkLeafOnly(pathSources([dep('wt-runner', 'wt-runner', 1)]), readFile)).toEqual([]);
    expect(checkLeafOnly(pathSources([dep('wt-contracts', 'wt-contracts', 1), dep('leaf-pkg-2', 'wt-contracts', 2)]), readFile)).toEqual([]);
  });

  it('rejects a path source that another declared path source brings in, naming both', () => {
    const diagnostics = checkLeafOnly(pathSources([dep('wt-runner', 'wt-runner', 1), dep('wt_task', 'wt-task', 2), dep('wt-registry', 'no-pyproject', 3)]), readFile);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'path-source-not-leaf', range: at(2), source: 'env-overrides' });
    expect(errors[0].message).toContain('`wt_task` is declared as a path source but `wt-runner` also brings it in');
    expect(errors[0].message).toContain('pixi issue #5847');
    expect(errors[0].message).toContain(join(root, 'wt-runner', 'pyproject.toml'));
    // The folder without pyproject.toml is reported as unchecked, not as a problem.
    expect(diagnostics.filter((d) => d.severity === 'info').map((d) => [d.code, d.range.start.line])).toEqual([['leaf-check-skipped', 3]]);
  });

  it('matches by resolved path too (a renamed entry in a list of tables) and a spec declaration has no source', () => {
    const diagnostics = checkLeafOnly(pathSources([dep('leaf-pkg', 'leaf-pkg', 1), dep('wt-contracts', 'wt-contracts/', 7, null)]), readFile);
    expect(diagnostics.map((d) => [d.severity, d.code, d.range.start.line, d.source])).toEqual([['error', 'path-source-not-leaf', 7, undefined]]);
  });

  it('a chain reports each overlap once', () => {
    const diagnostics = checkLeafOnly(
      pathSources([dep('wt-runner', 'wt-runner', 1), dep('wt-task', 'wt-task', 2), dep('wt-contracts', 'wt-contracts', 3), dep('wt-task', 'wt-task', 9)]),
      readFile,
    );
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      ['path-source-not-leaf', 2],
      ['path-source-not-leaf', 3],
    ]);
  });

  it('an unreadable pyproject.toml is a warning at its own position; no reader is one info', () => {
    const broken = checkLeafOnly(pathSources([dep('broken', 'broken', 4)]), readFile);
    expect(broken.map((d) => [d.severity, d.code, d.source, d.range.start.line])).toEqual([['warning', 'toml-syntax', join(root, 'broken', 'pyproject.toml'), 1]]);
    const throwing = checkLeafOnly(pathSources([dep('a', 'wt-task', 1)]), () => {
      throw new Error('EACCES');
    });
    expect(throwing.map((d) => d.code)).toEqual(['leaf-check-skipped']);
    const none = checkLeafOnly(pathSources([dep('a', 'wt-task', 1), dep('b', 'wt-runner', 2)]), undefined);
    expect(none.map((d) => [d.severity, d.code])).toEqual([['info', 'leaf-check-skipped']]);
    expect(checkLeafOnly([], undefined)).toEqual([]);
  });
});
