import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary.tsx';

/** A labelled region of the workbench; an error while rendering its content stays inside it. */
export function Panel({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <section className="panel" data-panel={id} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ErrorBoundary what={`the ${title} panel`}>{children}</ErrorBoundary>
    </section>
  );
}
