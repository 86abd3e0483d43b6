import { useEffect, useId, useState } from 'react';
import type { TaskSummary } from '../../worker/protocol.ts';
import { exampleFileUrl, listExamples, type ExampleInfo } from '../examples.ts';
import { connectBlockedMessage } from './connect-policy.ts';

/**
 * The loaded registry: each task's title, description and parameters; load another from a bundled
 * example, a file, a URL or the clipboard.
 */
export function RegistryPanel({ tasks, onLoadFile }: { tasks: TaskSummary[]; onLoadFile(text: string, name: string): Promise<string | undefined> }) {
  const [url, setUrl] = useState('');
  const [pasted, setPasted] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean } | undefined>();
  const say = (text: string, error = false) => setMessage({ text, error });
  /** Loads a registry if it is valid; an invalid one is refused here, where it came in, and the one in use stays. */
  const load = async (text: string, name: string, loaded: string): Promise<boolean> => {
    const error = await onLoadFile(text, name);
    say(error ?? loaded, !!error);
    return !error;
  };
  const ids = useId();

  // The bundled examples, listed once: undefined while loading, empty when the list could not be read.
  const [examples, setExamples] = useState<ExampleInfo[] | undefined>();
  const [chosen, setChosen] = useState('');
  const [loadingExample, setLoadingExample] = useState(false);
  useEffect(() => {
    let current = true;
    listExamples().then(
      (list) => current && setExamples(list),
      (e: Error) => {
        if (!current) return;
        setExamples([]);
        say(`The bundled examples could not be listed: ${e.message}.`, true);
      },
    );
    return () => {
      current = false;
    };
  }, []);
  const example = examples?.find((x) => x.id === chosen) ?? examples?.[0];

  const loadExample = async (ex: ExampleInfo) => {
    setLoadingExample(true);
    try {
      const r = await fetch(exampleFileUrl(ex.id, 'registry.json'));
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      await load(await r.text(), `${ex.id}/registry.json`, `Loaded the registry of the example "${ex.title}".`);
    } catch (e) {
      say(`Could not load the registry of the example "${ex.title}": ${e instanceof Error ? e.message : String(e)}.`, true);
    } finally {
      setLoadingExample(false);
    }
  };

  const loadUrl = async () => {
    try {
      // Only where the user points: the registry's host must allow CORS, like any browser fetch.
      const r = await fetch(url);
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      await load(await r.text(), url, `Loaded the registry from ${url}.`);
    } catch (e) {
      // A host the Content-Security-Policy does not allow fails like a network error: say which it is.
      const blocked = connectBlockedMessage(url);
      say(`Could not load ${url}: ${blocked ?? `${e instanceof Error ? e.message : String(e)}. Check the address, or download the file and load it instead.`}`, true);
    }
  };

  return (
    <>
      <form
        className="registry-example"
        onSubmit={(e) => {
          e.preventDefault();
          if (example) void loadExample(example);
        }}
      >
        <label htmlFor={`${ids}-example`}>Bundled example registry</label>{' '}
        <select id={`${ids}-example`} value={example?.id ?? ''} onChange={(e) => setChosen(e.target.value)} disabled={!examples?.length}>
          {examples === undefined && <option value="">Loading the examples…</option>}
          {examples?.length === 0 && <option value="">No examples available</option>}
          {examples?.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </select>{' '}
        <button type="submit" disabled={!example || loadingExample}>
          Load example registry
        </button>
      </form>
      <label className="file-button">
        Load registry.json
        <input
          type="file"
          accept=".json,application/json"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) await load(await f.text(), f.name, `Loaded ${f.name}.`);
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
          Registry URL{' '}
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…/registry.json" aria-describedby={`${ids}-url-note`} />
        </label>{' '}
        <button type="submit" disabled={!url}>
          Load from URL
        </button>
        <p id={`${ids}-url-note`} className="hint">
          Your browser fetches this URL exactly as typed: it is the only request the app makes to a host you choose.
        </p>
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
          onClick={async () => {
            // An invalid paste stays in the box, so it can be fixed.
            if (await load(pasted, 'The pasted registry', 'Using the pasted registry.')) setPasted('');
          }}
        >
          Use pasted registry
        </button>
      </details>
      {message && <p role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <p>{tasks.length} tasks</p>
      <ul className="registry" aria-label="Registered tasks">
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
                <caption className="visually-hidden">Parameters of {t.ambiguous ? t.importableReference : t.functionName}</caption>
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
