import { formatDiagnostic, type Diagnostic } from '../core/util/diagnostics.ts';
import { terminalSafe, terminalSafeJson } from './terminal-text.ts';

/** Prints diagnostics as compiler lines (`FILE:LINE:COL: error[CODE]: message`) or as `{"diagnostics": […]}`. */
export function printDiagnostics(diagnostics: Diagnostic[], files: Record<string, string>, format: 'text' | 'json'): void {
  // A source the caller gave no file for (e.g. graph.dot, built-in defaults) is named as itself.
  const fileOf = (d: Diagnostic) => files[d.source ?? 'spec'] || d.source || files.spec;
  if (format === 'json') {
    const out = diagnostics.map((d) => ({ file: fileOf(d), ...d }));
    process.stdout.write(terminalSafeJson(JSON.stringify({ diagnostics: out }, null, 2)) + '\n');
    return;
  }
  // Messages quote spec text: one line each, with no terminal control sequences.
  for (const d of diagnostics) process.stderr.write(terminalSafe(formatDiagnostic(d, fileOf(d))) + '\n');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  // An `info` is a note, never a warning: it neither counts as one nor changes the exit code.
  const notes = diagnostics.length - errors - warnings;
  const noteText = notes > 0 ? `, ${notes} note${notes === 1 ? '' : 's'}` : '';
  if (diagnostics.length > 0) process.stderr.write(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${noteText}\n`);
}
