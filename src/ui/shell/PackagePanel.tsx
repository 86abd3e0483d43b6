import { useState } from 'react';
import type { CoreClient } from '../../worker/client.ts';
import type { ExampleWorkspace } from '../examples.ts';
import { svgToPng } from './svg-to-png.ts';

type State = { status: 'idle' } | { status: 'building' } | { status: 'done'; name: string; files: number; ms: number } | { status: 'failed'; message: string };

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Builds the workflow package in the worker and downloads it as a reproducible zip. */
export function PackagePanel({ client, workspace }: { client: CoreClient; workspace: ExampleWorkspace }) {
  const [state, setState] = useState<State>({ status: 'idle' });

  const download = async () => {
    setState({ status: 'building' });
    try {
      const r = await client.request({ type: 'package', specText: workspace.specText, registryText: workspace.registryText, zip: true });
      if (!r.zip || !r.releaseName) {
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        setState({ status: 'failed', message: `The package cannot be built: ${errors.length} error(s) in the spec. See Problems.` });
        return;
      }
      const name = `${r.releaseName}.zip`;
      saveBlob(new Blob([r.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), name);
      setState({ status: 'done', name, files: r.files.length, ms: r.elapsedMs });
    } catch (e) {
      setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const downloadGraph = async () => {
    try {
      const r = await client.request({ type: 'graph', specText: workspace.specText });
      if (!r.svg) throw new Error(r.diagnostics[0]?.message ?? 'the graph could not be rendered');
      saveBlob(await svgToPng(r.svg), 'graph.png');
    } catch (e) {
      setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <>
      <p>The compiled workflow package, byte for byte what <code>npm run cli -- compile --zip</code> writes.</p>
      <button type="button" onClick={download} disabled={state.status === 'building'}>
        Download package
      </button>{' '}
      <button type="button" onClick={downloadGraph}>
        Download graph.png
      </button>
      <p role="status" aria-live="polite">
        {state.status === 'building' && 'Building the package…'}
        {state.status === 'done' && `Downloaded ${state.name}: ${state.files} files, built in ${state.ms.toFixed(0)} ms.`}
      </p>
      {state.status === 'failed' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
    </>
  );
}
