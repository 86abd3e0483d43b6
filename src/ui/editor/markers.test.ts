import { describe, expect, it } from 'vitest';
import { toMarkers } from './markers.ts';

describe('toMarkers', () => {
  it('maps severity and keeps 1-based ranges with their end', () => {
    const range = (a: number, b: number, c: number, d: number) => ({ start: { line: a, column: b }, end: { line: c, column: d } });
    const markers = toMarkers([
      { severity: 'error', code: 'unknown-task', message: 'no task', range: range(3, 11, 3, 18) },
      { severity: 'warning', code: 'w', message: 'warn', range: range(1, 1, 2, 4) },
      { severity: 'info', code: 'i', message: 'info', range: range(5, 2, 5, 2) },
    ]);
    expect(markers[0]).toEqual({ severity: 8, message: 'no task', code: 'unknown-task', source: 'wt', startLineNumber: 3, startColumn: 11, endLineNumber: 3, endColumn: 18 });
    expect(markers.map((m) => m.severity)).toEqual([8, 4, 2]);
    expect(markers[1]).toMatchObject({ startLineNumber: 1, startColumn: 1, endLineNumber: 2, endColumn: 4 });
  });
});
