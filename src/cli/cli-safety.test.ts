import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryJson } from '../test-support/registry-builder.ts';
import { runCli, type CliRun } from '../test-support/cli.ts';
import { tempDir } from '../test-support/temp-dir.ts';

/**
 * The CLI with hostile or careless input, as a real process: --clobber over a release folder that
 * is a git repository, --zip/--out pointing at the wrong things, terminal escapes in the spec,
 * a core call that does not finish, unreadable files. Never a stack trace, never a lost file.
 */

const REGISTRY = registryJson([{ fn: 'add', title: 'Add', description: 'Add two numbers.', properties: { a: { title: 'A', type: 'integer' }, b: { title: 'B', type: 'number' } }, required: ['a'] }]);
const SPEC = 'id: add_demo\nrequirements: []\nworkflow:\n  - id: total\n    task: add\n';
const RELEASE = 'wt-add-demo-workflow';
const PKG = 'wt_add_demo_workflow';

function workspace(spec = SPEC) {
  const dir = tempDir('wt-cli-safety-');
  writeFileSync(join(dir, 'spec.yaml'), spec);
  writeFileSync(join(dir, 'registry.json'), REGISTRY);
  const args = ['compile', '--spec', join(dir, 'spec.yaml'), '--registry', join(dir, 'registry.json')];
  return { dir, out: join(dir, 'out'), release: join(dir, 'out', RELEASE), args };
}

const noStack = (r: CliRun) => expect(r.stderr).not.toMatch(/^\s+at /m);
const read = (path: string) => readFileSync(path, 'utf8');

// Real processes, several per test: slow on a busy machine.
describe.concurrent('cli safety', { timeout: 400_000 }, () => {
  it('--clobber replaces the generated files and keeps .git/, .pixi/, notes and a CHANGELOG; removes stale generated files only', async () => {
    const ws = workspace();
    expect((await runCli([...ws.args, '--out', ws.out])).code).toBe(0);
    const own: Record<string, string> = { '.git/HEAD': 'ref: refs/heads/main\n', '.pixi/x': 'env', 'NOTES.md': 'my notes', 'CHANGELOG.md': '## 1.0\n', [`${PKG}/legacy.py`]: 'old = 1\n' };
    for (const [path, text] of Object.entries(own)) {
      mkdirSync(join(ws.release, path, '..'), { recursive: true });
      writeFileSync(join(ws.release, path), text);
    }
    // Generated files of an earlier compile that this one does not write: a lock solved for the old
    // pixi.toml and wt-compiler's rendered graph.
    writeFileSync(join(ws.release, 'pixi.lock'), 'version: 6\n');
    writeFileSync(join(ws.release, 'graph.png'), 'png');
    writeFileSync(join(ws.release, 'README.md'), 'hand-edited\n');

    const r = await runCli([...ws.args, '--out', ws.out, '--clobber']);
    expect(r.code, r.stderr).toBe(0);
    for (const [path, text] of Object.entries(own)) expect(read(join(ws.release, path)), path).toBe(text);
    expect(read(join(ws.release, 'README.md'))).toContain('# fingerprint:');
    expect(existsSync(join(ws.release, 'pixi.lock'))).toBe(false);
    expect(existsSync(join(ws.release, 'graph.png'))).toBe(false);
    expect(r.stderr).toContain('kept 4 entries the compiler does not write: .git/, .pixi/, CHANGELOG.md, NOTES.md');
    expect(r.stderr).toContain(`warning: kept 1 file the compiler did not write inside the package's folders, which go into the package: ${PKG}/legacy.py`);
    expect(r.stderr).toContain('removed 2 generated files this compile does not write: graph.png, pixi.lock (pixi.lock was solved for the previous pixi.toml; --update keeps it)');
  });

  it('--clobber replaces a generated file that is a link instead of writing through it', async () => {
    const ws = workspace();
    expect((await runCli([...ws.args, '--out', ws.out])).code).toBe(0);
    const outside = join(ws.dir, 'precious.txt');
    writeFileSync(outside, 'precious');
    const readme = join(ws.release, 'README.md');
    rmSync(readme);
    symlinkSync(outside, readme);
    expect((await runCli([...ws.args, '--out', ws.out, '--clobber'])).code).toBe(0);
    expect(read(outside)).toBe('precious');
    expect(lstatSync(readme).isFile()).toBe(true);
  });

  it('--zip never overwrites an existing file without --clobber, and never an input file', async () => {
    const ws = workspace();
    const zip = join(ws.dir, 'pkg.zip');
    writeFileSync(zip, 'mine');
    const refused = await runCli([...ws.args, '--zip', zip]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`error: --zip ${zip} already exists; pass --clobber to replace it`);
    expect(read(zip)).toBe('mine');
    expect((await runCli([...ws.args, '--zip', zip, '--clobber'])).code).toBe(0);
    expect(read(zip)).not.toBe('mine');

    const spec = join(ws.dir, 'spec.yaml');
    const linked = join(ws.dir, 'same-file.zip');
    linkSync(spec, linked);
    for (const target of [spec, linked]) {
      const r = await runCli([...ws.args, '--zip', target, '--clobber']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error: --zip ${target} is the spec file: writing the zip would destroy it; choose another file name`);
    }
    expect(read(spec)).toBe(SPEC);
  });

  it('--zip DIR and --out FILE are one-line errors', async () => {
    const ws = workspace();
    const zipDir = await runCli([...ws.args, '--zip', ws.dir]);
    expect(zipDir.code).toBe(2);
    expect(zipDir.stderr).toContain(`error: --zip ${ws.dir} is a folder: give a file name, e.g. ${join(ws.dir, 'package.zip')}`);
    noStack(zipDir);
    const file = join(ws.dir, 'registry.json');
    const outFile = await runCli([...ws.args, '--out', file]);
    expect(outFile.code).toBe(2);
    expect(outFile.stderr).toContain(`error: --out ${file} is a file: give the folder the package folder goes into`);
    noStack(outFile);
    const under = await runCli([...ws.args, '--zip', join(file, 'x.zip')]);
    expect(under.stderr).toContain(`${file} is a file, not a folder`);
    noStack(under);
  });

  it('spec text with terminal escapes is printed escaped, in text and in JSON', async () => {
    const ws = workspace('id: add_demo\nrequirements: []\nworkflow:\n  - id: total\n    task: "\\e[2J\\e]0;pwned\\a\\u009b31m\\u202eevil"\n');
    const text = await runCli(['check', '--spec', join(ws.dir, 'spec.yaml'), '--registry', join(ws.dir, 'registry.json')]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('\\e[2J\\e]0;pwned\\x07\\x9b31m\\u202eevil');
    expect(text.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    const json = await runCli(['check', '--spec', join(ws.dir, 'spec.yaml'), '--registry', join(ws.dir, 'registry.json'), '--format', 'json']);
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\u001b[2J');
    // Usage errors echo what was typed.
    const usage = await runCli(['check', '--spec', '\u001b[2Jx', '--registry', 'r']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('cannot read spec \\e[2Jx: ENOENT');
    expect(usage.stderr).not.toContain('\u001b');
  });

  it('the watchdog stops a core call that runs past WT_CLI_TIMEOUT_MS with exit 1 and a message', async () => {
    const ws = workspace();
    const r = await runCli(['check', '--spec', join(ws.dir, 'spec.yaml'), '--registry', join(ws.dir, 'registry.json')], { env: { ...process.env, WT_CLI_TIMEOUT_MS: '1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: checking the spec did not finish within 1 ms, so it was stopped. This is a bug in wt workbench: please report it with the input files. (WT_CLI_TIMEOUT_MS sets the limit in milliseconds.)\n');
  });

  it('a spec ending inside a double-quoted escape ends the process within the time limit (once hung the YAML reader)', async () => {
    const ws = workspace('id: add_demo\nrequirements: []\nworkflow: []\na: "\\u');
    const r = await runCli(['check', '--spec', join(ws.dir, 'spec.yaml'), '--registry', join(ws.dir, 'registry.json')], { env: { ...process.env, WT_CLI_TIMEOUT_MS: '20000' } });
    expect(r.code).toBe(1);
    noStack(r);
  });

  it('missing and folder inputs and an unwritable package path are one-line errors naming the file', async () => {
    const ws = workspace();
    const missing = await runCli(['check', '--spec', join(ws.dir, 'nope.yaml'), '--registry', join(ws.dir, 'registry.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`error: cannot read spec ${join(ws.dir, 'nope.yaml')}: ENOENT`);
    const folder = await runCli(['compile', '--spec', ws.dir, '--registry', join(ws.dir, 'registry.json'), '--out', ws.out]);
    expect(folder.stderr).toContain(`error: cannot read spec ${ws.dir}: EISDIR`);
    const overrides = await runCli([...ws.args, '--out', ws.out, '--env-overrides', join(ws.dir, 'none.toml')]);
    expect(overrides.stderr).toContain(`error: cannot read --env-overrides ${join(ws.dir, 'none.toml')}: ENOENT`);
    for (const r of [missing, folder, overrides]) noStack(r);
    // A release folder that cannot be written (a file where the package folder goes).
    mkdirSync(ws.release, { recursive: true });
    writeFileSync(join(ws.release, PKG), 'not a folder');
    const blocked = await runCli([...ws.args, '--out', ws.out, '--clobber']);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain(`error: cannot write ${join(ws.release, PKG)}: it is a folder of the package, but a file is there; move it away`);
    noStack(blocked);
  });
});
