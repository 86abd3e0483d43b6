import { useState } from 'react';
import type { TaskSummary } from '../../worker/protocol.ts';

/** The loaded registry: each task's title, description and parameters; load another from a file, a URL or the clipboard. */
export function RegistryPanel({ tasks, onLoadFile }: { tasks: TaskSummary[]; onLoadFile(text: string, name: string): void }) {
  const [url, setUrl] = useState('');
  const [pasted, setPasted] = useState('');
  const [message, setMessage] = useState<string | undefined>();

  const loadUrl = async () => {
    try {
      // Only where the user points: the registry's host must allow CORS, like any browser fetch.
      const r = await fetch(url);
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      onLoadFile(await r.text(), url);
      setMessage(`Loaded the registry from ${url}.`);
    } catch (e) {
      setMessage(`Could not load ${url}: ${e instanceof Error ? e.message : String(e)}. Check the address, or download the file and load it instead.`);
    }
  };

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
      <form
        className="registry-url"
        onSubmit={(e) => {
          e.preventDefault();
          void loadUrl();
        }}
      >
        <label>
          Registry URL <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…/registry.json" />
        </label>{' '}
        <button type="submit" disabled={!url}>
          Load from URL
        </button>
      </form>
      <details>
        <summary>Paste a registry</summary>
        <label>
          Registry JSON (the output of <code>wt-registry --format json</code>)
          <textarea rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={!pasted.trim()}
          onClick={() => {
            onLoadFile(pasted, 'pasted registry');
            setPasted('');
            setMessage('Using the pasted registry.');
          }}
        >
          Use pasted registry
        </button>
      </details>
      {message && <p role="status">{message}</p>}
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
