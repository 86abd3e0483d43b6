import type { Workspace } from './workspace/model.ts';

/** The example workspaces shipped in `public/examples`, loaded from the app's own origin. */

export interface ExampleInfo {
  id: string;
  title: string;
}

export const DEFAULT_EXAMPLE = 'wildlife-counts';

const base = () => `${import.meta.env.BASE_URL}examples/`;

/** The bundled examples. */
export async function listExamples(): Promise<ExampleInfo[]> {
  const r = await fetch(base() + 'index.json');
  if (!r.ok) throw new Error(`the example list could not be loaded (HTTP ${r.status})`);
  return (await r.json()) as ExampleInfo[];
}

/** A fresh workspace holding an example's spec and registry. */
export async function loadExample(id: string): Promise<Workspace> {
  const [spec, registry] = await Promise.all([fetch(`${base()}${id}/spec.yaml`), fetch(`${base()}${id}/registry.json`)]);
  if (!spec.ok || !registry.ok) throw new Error(`example ${id} could not be loaded (HTTP ${spec.status}/${registry.status})`);
  return {
    id: crypto.randomUUID(),
    name: id,
    files: { spec: await spec.text(), registry: await registry.text() },
    revision: 0,
    updatedAt: Date.now(),
  };
}
