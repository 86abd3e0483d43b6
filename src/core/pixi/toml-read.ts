import { parse, TomlError } from 'smol-toml';
import { DOCUMENT_START, type Diagnostic } from '../util/diagnostics.ts';

/** smol-toml parsing that reports a syntax error as a positioned diagnostic instead of throwing. */

export type TomlTableValue = Record<string, unknown>;

/** True for a TOML table (not an array, date or scalar). */
export function isTable(v: unknown): v is TomlTableValue {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  // smol-toml builds tables without a prototype; dates are class instances.
  return proto === null || proto === Object.prototype;
}

/** Parses TOML text; a syntax error becomes one `toml-syntax` diagnostic at its line and column. */
export function parseToml(text: string, source?: string, what = 'the file'): { value?: TomlTableValue; diagnostics: Diagnostic[] } {
  try {
    return { value: parse(text), diagnostics: [] };
  } catch (e) {
    const at = e instanceof TomlError ? { line: e.line, column: e.column } : undefined;
    const raw = e instanceof Error ? e.message : String(e);
    const reason = raw.replace(/^Invalid TOML document:\s*/, '').split('\n\n')[0];
    const d: Diagnostic = {
      severity: 'error',
      code: 'toml-syntax',
      message: `${what} is not valid TOML: ${reason}`,
      range: at ? { start: at, end: at } : DOCUMENT_START,
    };
    if (source !== undefined) d.source = source;
    return { diagnostics: [d] };
  }
}
