import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../test-support/reference.ts';
import { registryJson } from '../test-support/registry-builder.ts';
import { runCli, type CliRun } from '../test-support/cli.ts';
import { tempDir } from '../test-support/temp-dir.ts';

const cli = (args: string[], env?: NodeJS.ProcessEnv): Promise<CliRun> => runCli(args, { env });

/**
 * `compile` writing the whole workflow package, as a user runs it: a real process over real temp
 * folders (--out, --zip, --clobber, --update, --install, --env-overrides, --variant, --results-env-var).
 * The processes are independent, so the tests run concurrently.
 */


const REGISTRY = registryJson([
  { fn: 'add', title: 'Add', description: 'Add two numbers.', properties: { a: { title: 'A', type: 'integer' }, b: { title: 'B', type: 'number' } }, required: ['a'] },
]);

const SPEC = `id: add_demo
requirements: []
workflow:
  - id: total
    name: Total
    task: add
  - id: again
    task: add
    partial:
      a: \${{ workflow.total.return }}
      b: 2
`;

const RELEASE = 'wt-add-demo-workflow';
const PKG = 'wt_add_demo_workflow';

/** A temp folder with spec.yaml and registry.json; `args` are the compile flags for them. */
function workspace(spec = SPEC) {
  const dir = tempDir('wt-compile-pkg-');
  writeFileSync(join(dir, 'spec.yaml'), spec);
  writeFileSync(join(dir, 'registry.json'), REGISTRY);
  return { dir, out: join(dir, 'out'), release: join(dir, 'out', RELEASE), args: ['compile', '--spec', join(dir, 'spec.yaml'), '--registry', join(dir, 'registry.json')] };
}

/** Every file under `root`, as `/`-separated relative paths → content. */
function tree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const rel of readdirSync(root, { recursive: true }) as string[]) {
    const abs = join(root, rel);
    if (statSync(abs).isFile()) files.set(rel.split('\\').join('/'), readFileSync(abs));
  }
  return files;
}

const version = (release: string) => readFileSync(join(release, 'VERSION.yaml'), 'utf8');
const paramsSha = (release: string) => /^params_sha256: ([0-9a-f]{64})$/m.exec(readFileSync(join(release, 'README.md'), 'utf8'))?.[1];

// Real processes (each with its core worker thread): slow on a busy machine.
describe.concurrent('cli compile: the workflow package', { timeout: 120_000 }, () => {
  it('--zip gives the same bytes on every run, with or without --out, holding <release_name>/ + the --out tree', async () => {
    const ws = workspace();
    const [a, b] = await Promise.all([
      cli([...ws.args, '--out', ws.out, '--zip', join(ws.dir, 'a.zip')]),
      cli([...ws.args, '--zip', join(ws.dir, 'nested', 'b.zip')]),
    ]);
    for (const r of [a, b]) expect(r, r.stderr).toMatchObject({ code: 0, stdout: '' });
    expect(b.stderr).toContain(`wrote ${RELEASE} 0.0.0`);
    const [za, zb] = ['a.zip', 'nested/b.zip'].map((f) => readFileSync(join(ws.dir, f)));
    expect(zb.equals(za)).toBe(true);
    // --zip alone writes no package folder anywhere.
    expect(existsSync(join(REPO_ROOT, RELEASE))).toBe(false);

    const written = tree(ws.release);
    const zip = await JSZip.loadAsync(za);
    const entries = Object.values(zip.files);
    expect(entries.every((e) => !e.dir)).toBe(true);
    expect(entries.map((e) => e.name).sort()).toEqual([...written.keys()].map((p) => `${RELEASE}/${p}`).sort());
    for (const e of entries) expect(Buffer.from(await e.async('uint8array')).equals(written.get(e.name.slice(RELEASE.length + 1))!), e.name).toBe(true);
    // A fixed timestamp, not the build time: reproducible on any day.
    expect(new Set(entries.map((e) => e.date.getTime())).size).toBe(1);
    expect(entries[0].date.getUTCFullYear()).toBe(1980);
    expect(written.has(`${PKG}/params.json`)).toBe(true);
    expect(written.has('README.md')).toBe(true);
  });

  it('--update without --clobber is a usage error (exit 2)', async () => {
    const ws = workspace();
    const r = await cli([...ws.args, '--out', ws.out, '--update']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--clobber');
    expect(existsSync(ws.out)).toBe(false);
  });

  it('--update --clobber bumps MIN over unchanged params and keeps pixi.lock; a new configurable param bumps MAJ', async () => {
    const ws = workspace();
    expect((await cli([...ws.args, '--out', ws.out])).code).toBe(0);
    expect(version(ws.release)).toBe('{MAJ: 0, MIN: 0, PATCH: 0}\n');
    expect(existsSync(join(ws.release, 'pixi.lock'))).toBe(false);
    const firstSha = paramsSha(ws.release);
    writeFileSync(join(ws.release, 'pixi.lock'), 'version: 6\n# solved by pixi\n');
    writeFileSync(join(ws.release, 'stale.txt'), 'left over');

    const same = await cli([...ws.args, '--out', ws.out, '--update', '--clobber']);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain(`wrote ${RELEASE} 0.1.0`);
    expect(version(ws.release)).toBe('{MAJ: 0, MIN: 1, PATCH: 0}\n');
    expect(paramsSha(ws.release)).toBe(firstSha);
    expect(readFileSync(join(ws.release, 'pixi.lock'), 'utf8')).toBe('version: 6\n# solved by pixi\n');
    // A file the compiler did not write is kept (and named), not deleted.
    expect(readFileSync(join(ws.release, 'stale.txt'), 'utf8')).toBe('left over');
    expect(same.stderr).toContain('kept 1 entry the compiler does not write: stale.txt');

    // `b` of `again` is no longer bound, so it becomes a configurable param.
    writeFileSync(join(ws.dir, 'spec.yaml'), SPEC.replace('      b: 2\n', ''));
    const changed = await cli([...ws.args, '--out', ws.out, '--update', '--clobber']);
    expect(changed.code, changed.stderr).toBe(0);
    expect(version(ws.release)).toBe('{MAJ: 1, MIN: 0, PATCH: 0}\n');
    expect(paramsSha(ws.release)).not.toBe(firstSha);
    expect(JSON.parse(readFileSync(join(ws.release, PKG, 'params.json'), 'utf8')).properties.again.properties).toHaveProperty('b');
    expect(readFileSync(join(ws.release, 'pixi.lock'), 'utf8')).toBe('version: 6\n# solved by pixi\n');
  });

  it('--update on a package folder without VERSION.yaml is a usage error (exit 2)', async () => {
    const ws = workspace();
    mkdirSync(ws.release, { recursive: true });
    writeFileSync(join(ws.release, 'README.md'), 'hand-made\n');
    const r = await cli([...ws.args, '--out', ws.out, '--update', '--clobber']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(ws.release, 'VERSION.yaml'));
    expect(tree(ws.release).size).toBe(1);
  });

  it('--update over a malformed VERSION.yaml exits 1 with the error at that file, leaving the package alone', async () => {
    const ws = workspace();
    mkdirSync(ws.release, { recursive: true });
    writeFileSync(join(ws.release, 'VERSION.yaml'), 'MAJ: one\n');
    const r = await cli([...ws.args, '--out', ws.out, '--update', '--clobber']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(ws.release, 'VERSION.yaml')}:1:1: error[invalid-version-yaml]`);
    expect(version(ws.release)).toBe('MAJ: one\n');
  });

  it('--install without pixi on PATH exits 1 and says pixi is missing (the package is written)', async () => {
    const ws = workspace();
    const emptyBin = tempDir('wt-no-pixi-');
    const r = await cli([...ws.args, '--out', ws.out, '--install'], { ...process.env, PATH: emptyBin });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--install needs pixi on PATH/);
    expect(existsSync(join(ws.release, 'pixi.toml'))).toBe(true);
  });

  // One run, shared by the two tests below.
  let unknownFeature: Promise<{ r: CliRun; overrides: string; out: string }> | undefined;
  const runUnknownFeature = () =>
    (unknownFeature ??= (async () => {
      const ws = workspace();
      const overrides = join(ws.dir, 'overrides.toml');
      writeFileSync(overrides, '[feature.default.dependencies]\nnumpy = "*"\n\n[feature.gpu.dependencies]\ncuda = "*"\n');
      return { r: await cli([...ws.args, '--out', ws.out, '--env-overrides', overrides]), overrides, out: ws.out };
    })());

  it('--env-overrides with an unknown feature exits 1 with FILE:LINE:COL: error[unknown-feature] in the overrides file', async () => {
    const { r, overrides, out } = await runUnknownFeature();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${overrides.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: error\\[unknown-feature\\]: unknown feature \`gpu\``, 'm'));
    expect(existsSync(out)).toBe(false);
  });

  it('--env-overrides points an unknown feature at its table header line', async () => {
    const { r, overrides } = await runUnknownFeature();
    expect(r.stderr).toContain(`${overrides}:4:1: error[unknown-feature]`);
  });

  it('--variant gcp uses wt-task-gcp and wt-runner-gcp; --results-env-var reaches cli.py and the Dockerfile', async () => {
    const ws = workspace();
    const r = await cli([...ws.args, '--out', ws.out, '--variant', 'gcp', '--results-env-var', 'MY_RESULTS_URL']);
    expect(r.code, r.stderr).toBe(0);
    const pixi = parseToml(readFileSync(join(ws.release, 'pixi.toml'), 'utf8')) as {
      dependencies: Record<string, unknown>;
      feature: { runner: { dependencies: Record<string, unknown> } };
    };
    expect(Object.keys(pixi.dependencies)).toContain('wt-task-gcp');
    expect(Object.keys(pixi.dependencies)).not.toContain('wt-task');
    expect(Object.keys(pixi.feature.runner.dependencies)).toEqual(['wt-runner-gcp']);
    expect(readFileSync(join(ws.release, PKG, 'cli.py'), 'utf8')).toContain('"MY_RESULTS_URL"');
    expect(readFileSync(join(ws.release, 'Dockerfile'), 'utf8')).toContain('WT_INVOKERS__RESULTS_ENV_VAR=MY_RESULTS_URL ');
  });
});
