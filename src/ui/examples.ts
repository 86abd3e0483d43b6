/** The example workspaces shipped in `public/examples`, loaded from the app's own origin. */

export interface ExampleWorkspace {
  name: string;
  specText: string;
  registryText: string;
}

export const DEFAULT_EXAMPLE = 'hello-wt';

/** Fetches an example workspace's spec and registry. */
export async function loadExample(name: string): Promise<ExampleWorkspace> {
  const base = `${import.meta.env.BASE_URL}examples/${name}/`;
  const [spec, registry] = await Promise.all([fetch(base + 'spec.yaml'), fetch(base + 'registry.json')]);
  if (!spec.ok || !registry.ok) throw new Error(`example workspace ${name} could not be loaded (HTTP ${spec.status}/${registry.status})`);
  return { name, specText: await spec.text(), registryText: await registry.text() };
}
