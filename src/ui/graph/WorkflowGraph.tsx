import type { CoreClient } from '../../worker/client.ts';
import type { EdgeSummary, InstanceSummary } from '../../worker/protocol.ts';

export interface WorkflowGraphProps {
  /** DOT of the last check. */
  dot?: string;
  instances: InstanceSummary[];
  edges: EdgeSummary[];
  client: CoreClient;
  /** A node (or table row) was activated. */
  onActivateTask(id: string): void;
}

/** Placeholder until the Graphviz panel lands: the accessible table of tasks. */
export default function WorkflowGraph({ instances, onActivateTask }: WorkflowGraphProps) {
  return (
    <ul>
      {instances.map((t) => (
        <li key={t.id}>
          <button type="button" data-task-id={t.id} onClick={() => onActivateTask(t.id)}>
            {t.id}
          </button>
        </li>
      ))}
    </ul>
  );
}
