import { useEffect, useState } from 'react';
import type { CheckResponse } from '../worker/protocol.ts';
import { CoreClient } from '../worker/client.ts';
import { DEFAULT_EXAMPLE, loadExample, type ExampleWorkspace } from './examples.ts';
import { PackagePanel } from './shell/PackagePanel.tsx';
import { Panel } from './shell/Panel.tsx';
import { ProblemList } from './shell/ProblemList.tsx';

type State =
  | { status: 'loading' }
  | { status: 'ready'; workspace: ExampleWorkspace; check: CheckResponse; client: CoreClient }
  | { status: 'failed'; message: string };

/** The app shell: the example workspace, checked by core in a worker. */
export function App() {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    const client = new CoreClient();
    let cancelled = false;
    loadExample(DEFAULT_EXAMPLE)
      .then(async (workspace) => {
        const check = await client.request({ type: 'check', specText: workspace.specText, registryText: workspace.registryText });
        if (!cancelled) setState({ status: 'ready', workspace, check, client });
      })
      .catch((e: unknown) => {
        if (!cancelled) setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      cancelled = true;
      client.dispose();
    };
  }, []);

  return (
    <div className="shell">
      <header className="shell-header">
        <h1>wt workbench</h1>
        <p className="tagline">Author, check, preview and package wt workflows — entirely in your browser.</p>
      </header>
      <main className="shell-main" aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && <p role="status">Loading the example workspace…</p>}
        {state.status === 'failed' && (
          <p role="alert" className="error">
            {state.message}
          </p>
        )}
        {state.status === 'ready' && (
          <>
            <Panel title={`Spec — ${state.workspace.name}/spec.yaml`} id="spec">
              <pre className="source" tabIndex={0} aria-label="spec.yaml source">
                {state.workspace.specText}
              </pre>
            </Panel>
            <Panel title="Problems" id="problems">
              <ProblemList diagnostics={state.check.diagnostics} elapsedMs={state.check.elapsedMs} />
            </Panel>
            <Panel title="params.json" id="params">
              {state.check.paramsJsonText ? (
                <pre className="source" tabIndex={0} aria-label="Generated params.json">
                  {state.check.paramsJsonText}
                </pre>
              ) : (
                <p>Fix the errors to see the generated parameter schema.</p>
              )}
            </Panel>
            <Panel title="Package" id="package">
              <PackagePanel client={state.client} workspace={state.workspace} />
            </Panel>
          </>
        )}
      </main>
    </div>
  );
}
