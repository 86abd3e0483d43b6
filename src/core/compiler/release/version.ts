import type { Diagnostic } from '../../util/diagnostics.ts';

/** VERSION.yaml (`{MAJ: n, MIN: n, PATCH: n}`) and wt-compiler's bump rule (§5.5). */

export interface Version {
  maj: number;
  min: number;
  patch: number;
}

export const FRESH_VERSION: Version = { maj: 0, min: 0, patch: 0 };

/** The VERSION.yaml text: a flow mapping, as wt-compiler writes it. */
export function formatVersionYaml(v: Version): string {
  return `{MAJ: ${v.maj}, MIN: ${v.min}, PATCH: ${v.patch}}\n`;
}

/** Reads VERSION.yaml (flow or block mapping of MAJ/MIN/PATCH); PATCH defaults to 0. */
export function parseVersionYaml(text: string, source = 'VERSION.yaml'): { version?: Version; diagnostics: Diagnostic[] } {
  const field = (key: string) => new RegExp(`(?:^|[{,\\s])${key}\\s*:\\s*(\\d+)\\s*(?=[,}\\n]|$)`, 'm').exec(text)?.[1];
  const maj = field('MAJ');
  const min = field('MIN');
  if (maj === undefined || min === undefined) {
    const range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    return { diagnostics: [{ severity: 'error', code: 'invalid-version-yaml', message: `${source} must hold non-negative integers MAJ and MIN (and PATCH), e.g. {MAJ: 1, MIN: 0, PATCH: 0}`, range, source }] };
  }
  return { version: { maj: Number(maj), min: Number(min), patch: Number(field('PATCH') ?? 0) }, diagnostics: [] };
}

/**
 * The next version after a recompile: same params_sha256 → MIN+1; changed → MAJ+1 and MIN 0.
 * PATCH always returns to 0 (release repositories bump it by hand).
 */
export function bumpVersion(previous: Version, previousParamsSha: string | undefined, paramsSha: string): Version {
  return previousParamsSha === paramsSha ? { maj: previous.maj, min: previous.min + 1, patch: 0 } : { maj: previous.maj + 1, min: 0, patch: 0 };
}
