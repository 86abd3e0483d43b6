import type { Diagnostic } from '../../core/util/diagnostics.ts';

/** Monaco's MarkerSeverity values (a stable public enum), so this module stays free of Monaco. */
export const MARKER_SEVERITY = { hint: 1, info: 2, warning: 4, error: 8 } as const;

/** The fields of Monaco's IMarkerData this editor sets. */
export interface MarkerData {
  severity: (typeof MARKER_SEVERITY)[keyof typeof MARKER_SEVERITY];
  message: string;
  code: string;
  source: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/**
 * Core diagnostics as Monaco markers: both use 1-based lines and columns with an exclusive end.
 * An empty range is kept as it is (Monaco then underlines the word at that position).
 */
export function toMarkers(diagnostics: readonly Diagnostic[]): MarkerData[] {
  return diagnostics.map((d) => ({
    severity: MARKER_SEVERITY[d.severity],
    message: d.message,
    code: d.code,
    source: 'wt',
    startLineNumber: d.range.start.line,
    startColumn: d.range.start.column,
    endLineNumber: d.range.end.line,
    endColumn: d.range.end.column,
  }));
}
