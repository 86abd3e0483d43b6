import type { Diagnostic } from '../../core/util/diagnostics.ts';

/** Diagnostics as a list with their line and column. */
export function ProblemList({ diagnostics, elapsedMs }: { diagnostics: Diagnostic[]; elapsedMs: number }) {
  if (diagnostics.length === 0) {
    return (
      <p role="status">
        No problems. Checked in {elapsedMs.toFixed(1)} ms.
      </p>
    );
  }
  return (
    <ul className="problems">
      {diagnostics.map((d, i) => (
        <li key={i} className={d.severity}>
          <span className="where">
            {d.source ?? 'spec'}:{d.range.start.line}:{d.range.start.column}
          </span>{' '}
          <strong>
            {d.severity}[{d.code}]
          </strong>{' '}
          {d.message}
        </li>
      ))}
    </ul>
  );
}
