import type { Diagnostic } from '../../core/util/diagnostics.ts';

/** Every diagnostic with `line:column`; activating one moves the editor there. */
export function ProblemsPanel({ diagnostics, onReveal }: { diagnostics: Diagnostic[] | undefined; onReveal(d: Diagnostic): void }) {
  if (!diagnostics) return <p role="status">Checking…</p>;
  if (diagnostics.length === 0) return <p role="status">No problems.</p>;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    <>
      <p role="status">
        {errors} error{errors === 1 ? '' : 's'}, {diagnostics.length - errors} other
      </p>
      <ul className="problems" aria-label="Problems list">
        {diagnostics.map((d, i) => (
          <li key={`${i}:${d.code}:${d.range.start.line}:${d.range.start.column}`} className={d.severity}>
            <button type="button" className="problem" onClick={() => onReveal(d)}>
              <span className="where">
                {d.source && d.source !== 'spec' ? `${d.source} ` : ''}
                {d.range.start.line}:{d.range.start.column}
              </span>{' '}
              <strong>{d.severity}</strong> {d.message} <span className="code">[{d.code}]</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
