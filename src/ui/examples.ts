import type { Workspace } from './workspace/model.ts';

/** The example workspaces shipped in `public/examples`, loaded from the app's own origin. */

export interface ExampleInfo {
  id: string;
  title: string;
}

export const DEFAULT_EXAMPLE = 'wildlife-counts';

const base = () => `${import.meta.env.BASE_URL}examples/`;

/** The URL of one file of a bundled example. */
export const exampleFileUrl = (id: string, file: 'spec.yaml' | 'registry.json') => `${base()}${encodeURIComponent(id)}/${file}`;

let listed: Promise<ExampleInfo[]> | undefined;

/** For tests: fetch the list again next time. */
export function forgetExampleList(): void {
  listed = undefined;
}

/** The bundled examples (fetched once; the Examples menu and the Task registry panel share it). */
export function listExamples(): Promise<ExampleInfo[]> {
  listed ??= fetch(base() + 'index.json').then(async (r) => {
    if (!r.ok) throw new Error(`the example list could not be loaded (HTTP ${r.status})`);
    return (await r.json()) as ExampleInfo[];
  });
  // A failure is not cached: the next caller tries again.
  listed.catch(() => (listed = undefined));
  return listed;
}

/** A fresh workspace holding an example's spec and registry. */
export async function loadExample(id: string): Promise<Workspace> {
  const [spec, registry] = await Promise.all([fetch(exampleFileUrl(id, 'spec.yaml')), fetch(exampleFileUrl(id, 'registry.json'))]);
  if (!spec.ok || !registry.ok) throw new Error(`example ${id} could not be loaded (HTTP ${spec.status}/${registry.status})`);
  return {
    id: crypto.randomUUID(),
    name: id,
    files: { spec: await spec.text(), registry: await registry.text() },
    revision: 0,
    updatedAt: Date.now(),
  };
}
