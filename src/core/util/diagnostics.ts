/** Positioned problems reported by every parser and checker in core. */

export type Severity = 'error' | 'warning' | 'info';

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable kebab-case identifier, e.g. `dependency-defined-later`. */
  code: string;
  message: string;
  range: Range;
  /** Which input the range points into, e.g. `spec` or `registry`; omitted means the main input. */
  source?: string;
}

/** Maps character offsets of a text to 1-based line/column positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** Position of a character offset (clamped to the text). */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }

  /** Range covering the offsets `[start, end)`. */
  range(start: number, end: number = start): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }
}

/** The range of the whole first line, for problems that belong to no particular node. */
export const DOCUMENT_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Codes of errors after which the rest of a document cannot be trusted (a too-deep value is cut, not a parse failure). */
export const SYNTAX_CODES: ReadonlySet<string> = new Set(['yaml-syntax', 'yaml-invalid-escape', 'yaml-tab-indentation', 'json-syntax']);

/** True for an error saying the document does not parse. */
export function isSyntaxError(d: Diagnostic): boolean {
  return d.severity === 'error' && SYNTAX_CODES.has(d.code);
}

/** Orders diagnostics by source, syntax errors first, then position, severity and code, so output is stable. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return diagnostics.sort(
    (a, b) =>
      (a.source ?? '').localeCompare(b.source ?? '') ||
      Number(isSyntaxError(b)) - Number(isSyntaxError(a)) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.column - b.range.start.column ||
      rank[a.severity] - rank[b.severity] ||
      a.code.localeCompare(b.code),
  );
}

/** Formats like a compiler: `FILE:LINE:COL: error[CODE]: message`. */
export function formatDiagnostic(d: Diagnostic, file: string): string {
  return `${file}:${d.range.start.line}:${d.range.start.column}: ${d.severity}[${d.code}]: ${d.message}`;
}

// Problems that say something is missing or undefined: after a syntax error it may only be unreadable.
const ABSENCE_CODES = new Set(['missing-key', 'empty-spec', 'incomplete-map', 'unknown-dependency']);

/**
 * Drops what a syntax error makes untrustworthy: in the same document, every diagnostic that
 * reaches the syntax error's line or later, and every "X is missing" diagnostic.
 */
export function withoutFollowOns(diagnostics: Diagnostic[]): Diagnostic[] {
  const firstSyntaxLine = new Map<string, number>();
  for (const d of diagnostics) {
    if (!isSyntaxError(d)) continue;
    const key = d.source ?? '';
    firstSyntaxLine.set(key, Math.min(firstSyntaxLine.get(key) ?? Infinity, d.range.start.line));
  }
  if (firstSyntaxLine.size === 0) return diagnostics;
  return diagnostics.filter((d) => {
    const line = firstSyntaxLine.get(d.source ?? '');
    return line === undefined || isSyntaxError(d) || (!ABSENCE_CODES.has(d.code) && d.range.end.line < line);
  });
}
