import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackage, compileWorkflow, isCompiled } from '../core/compiler/index.ts';
import { REPO_ROOT } from '../test-support/reference.ts';

/** The example workspaces the app ships must be clean: they are what a new user sees first. */
const root = join(REPO_ROOT, 'public/examples');
const listed = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) as Array<{ id: string }>;

describe('bundled examples', () => {
  it('index.json lists every example folder', () => {
    const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(listed.map((e) => e.id).sort()).toEqual(folders.sort());
  });

  for (const { id } of listed) {
    it(`${id} compiles without a diagnostic and builds its package`, async () => {
      const read = (f: string) => readFileSync(join(root, id, f), 'utf8');
      const result = compileWorkflow(read('spec.yaml'), read('registry.json'));
      expect(result.diagnostics).toEqual([]);
      if (!isCompiled(result)) throw new Error('not compiled');
      const pkg = await buildPackage(result, { renderGraph: false });
      expect(pkg.diagnostics).toEqual([]);
    });
  }
});
