import type { EdgeSummary, InstanceSummary } from '../../worker/protocol.ts';

/** Dependencies of one task, grouped by the task they come from: `charts (key, html)`. */
export function dependsOn(id: string, edges: readonly EdgeSummary[]): string[] {
  const byFrom = new Map<string, string[]>();
  for (const e of edges) {
    if (e.to !== id) continue;
    const args = byFrom.get(e.from) ?? [];
    if (!args.includes(e.arg)) args.push(e.arg);
    byFrom.set(e.from, args);
  }
  return [...byFrom].map(([from, args]) => `${from} (${args.join(', ')})`);
}

/** The text alternative of the graph: every task and every dependency edge. */
export function GraphTable({
  instances,
  edges,
  activeId,
  onActivate,
}: {
  instances: readonly InstanceSummary[];
  edges: readonly EdgeSummary[];
  activeId?: string;
  onActivate(id: string): void;
}) {
  if (instances.length === 0) return <p>The workflow has no tasks yet.</p>;
  return (
    <div className="graph-table">
      <table>
        <caption>Tasks ({instances.length})</caption>
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Name</th>
            <th scope="col">Task</th>
            <th scope="col">Group</th>
            <th scope="col">Depends on</th>
          </tr>
        </thead>
        <tbody>
          {instances.map((t, i) => (
            // A repeated id is an error in the spec, but both rows are listed (keys stay unique).
            <tr key={`${t.id}:${i}`} data-row-task-id={t.id} aria-current={t.id === activeId ? 'true' : undefined}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onActivate(t.id)} title={`Show ${t.id} in the spec`}>
                  {t.id}
                </button>
              </th>
              <td>{t.name}</td>
              <td>
                <code>{t.task}</code>
              </td>
              <td>{t.group ?? ''}</td>
              <td>{dependsOn(t.id, edges).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Dependencies ({edges.length})</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Argument</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((e, i) => (
            <tr key={`${e.from}->${e.to}:${e.arg}:${i}`}>
              <td>{e.from}</td>
              <td>{e.to}</td>
              <td>
                <code>{e.arg}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
