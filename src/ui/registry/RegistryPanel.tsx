import type { TaskSummary } from '../../worker/protocol.ts';

/** The loaded registry: each task's title, description and parameters. */
export function RegistryPanel({ tasks, onLoadFile }: { tasks: TaskSummary[]; onLoadFile(text: string, name: string): void }) {
  return (
    <>
      <label className="file-button">
        Load registry.json
        <input
          type="file"
          accept=".json,application/json"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) onLoadFile(await f.text(), f.name);
            e.target.value = '';
          }}
        />
      </label>
      <p>{tasks.length} tasks</p>
      <ul className="registry">
        {tasks.map((t) => (
          <li key={t.importableReference}>
            <details>
              <summary>
                <code>{t.ambiguous ? t.importableReference : t.functionName}</code> — {t.title}
                {t.tags.length > 0 && <span className="tags"> [{t.tags.join(', ')}]</span>}
                {t.deprecated && <strong> deprecated</strong>}
              </summary>
              {t.description && <p>{t.description}</p>}
              <table>
                <thead>
                  <tr>
                    <th scope="col">parameter</th>
                    <th scope="col">type</th>
                    <th scope="col">default</th>
                  </tr>
                </thead>
                <tbody>
                  {t.parameters.map((p) => (
                    <tr key={p.name}>
                      <td>
                        <code>{p.name}</code>
                        {p.required ? ' *' : ''}
                      </td>
                      <td>{p.type}</td>
                      <td>{p.default ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
