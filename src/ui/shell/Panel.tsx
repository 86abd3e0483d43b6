import type { ReactNode } from 'react';

/** A labelled region of the workbench. */
export function Panel({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <section className="panel" data-panel={id} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
