import { describe, expect, it } from 'vitest';
import { reproducibleZip } from '../../core/util/zip.ts';
import { readZip, workspaceZip } from './zip-files.ts';

const buffer = (bytes: Uint8Array) => bytes.slice().buffer;

describe('zips the app opens', () => {
  it('a workspace zip round-trips every file under its usual name', async () => {
    const files = { spec: 'id: demo\nworkflow: []\n', registry: '{"entries": {}}', 'env-overrides': '[feature.default.dependencies]\n', 'test-cases': 'a:\n  params: {}\n' };
    const zip = await workspaceZip(files);
    expect(await readZip('demo-workspace.zip', buffer(zip))).toEqual({ workspace: files });
    // Reproducible, like the package zip.
    expect(await workspaceZip(files)).toEqual(zip);
  });

  it('a zip with VERSION.yaml is a compiled package, with the files a version bump needs', async () => {
    const zip = await reproducibleZip([
      { path: 'wt-demo/VERSION.yaml', content: 'version: 1\n' },
      { path: 'wt-demo/README.md', content: '# demo\n' },
      { path: 'wt-demo/spec.yaml', content: 'id: demo\n' },
    ]);
    const r = await readZip('wt-demo.zip', buffer(zip));
    expect(r).toMatchObject({ package: { name: 'wt-demo.zip', previous: { versionYaml: 'version: 1\n', readme: '# demo\n' } } });
  });

  it('says why it cannot open other zips and non-zips', async () => {
    const other = await reproducibleZip([{ path: 'notes/readme.txt', content: 'hi' }]);
    expect(await readZip('notes.zip', buffer(other))).toEqual({ error: expect.stringContaining('holds neither a compiled workflow package') });
    expect(await readZip('x.zip', new TextEncoder().encode('not a zip').buffer)).toEqual({ error: 'x.zip is not a readable zip file.' });
  });
});
