import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../core/util/diagnostics.ts';
import { printDiagnostics } from './diagnostics-output.ts';

const at = { start: { line: 7, column: 7 }, end: { line: 7, column: 8 } };

describe('printDiagnostics', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints an information note as a note, not as a warning', () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (lines.push(String(s)), true));
    const note: Diagnostic = { severity: 'info', code: 'partial-argument-not-in-schema', message: 'fine if excluded', range: at };
    printDiagnostics([note], { spec: 'spec.yaml' }, 'text');
    expect(lines).toEqual(['spec.yaml:7:7: info[partial-argument-not-in-schema]: fine if excluded\n', '0 errors, 0 warnings, 1 note\n']);
  });
});
