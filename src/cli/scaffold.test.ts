import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../core/spec/index.ts';
import { runCli } from '../test-support/cli.ts';
import { tempDir } from '../test-support/temp-dir.ts';

const cli = (args: string[], input?: string) => runCli(args, { input });


const tmp = () => tempDir('wt-scaffold-');
const REQUIRED = ['--workflow-id', 'my_flow', '--workflow-name', 'My Flow', '--author-name', 'Ada'];
const init = (out: string, ...more: string[]) => cli(['scaffold', 'init', '--no-interactive', ...REQUIRED, '--output-dir', out, ...more]);

describe.concurrent('cli scaffold init', () => {
  it('writes the project tree with --no-interactive', async () => {
    const out = tmp();
    const r = await init(
      out,
      '--license', 'MIT',
      '--ci-test-case', 'smoke',
      '--requirement', '{"name":"ecoscope-platform","req_type":"conda","version":"2.13.0","channel":"ecoscope-workflows"}',
      '--requirement', '{"name":"my-tasks","req_type":"pip","source":"git+https://github.com/acme/my-tasks.git"}',
    );
    expect(r.stderr).toContain('created');
    expect(r.code).toBe(0);
    const dir = join(out, 'my_flow');
    for (const f of ['spec.yaml', 'test-cases.yaml', 'README.md', 'LICENSE', '.gitignore', '.gitattributes', '.github/workflows/ci.yml', '.github/workflows/tag.yml']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const spec = readFileSync(join(dir, 'spec.yaml'), 'utf8');
    expect(parseSpec(spec).diagnostics).toEqual([]);
    expect(spec).toContain('git: "https://github.com/acme/my-tasks.git"');
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toContain(`Copyright (c) ${new Date().getFullYear()} Ada`);
    expect(readFileSync(join(dir, '.github/workflows/ci.yml'), 'utf8')).toContain('CI_TEST_CASE=smoke');
  });

  it('exits 2 naming every missing required flag', async () => {
    const r = await cli(['scaffold', 'init', '--no-interactive', '--workflow-name', 'My Flow', '--output-dir', tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing --workflow-id, --author-name');
  });

  it('exits 1 listing every invalid answer, and writes nothing', async () => {
    const out = tmp();
    const r = await cli([
      'scaffold', 'init', '--no-interactive', '--workflow-id', 'my-flow', '--workflow-name', 'W', '--author-name', 'A', '--output-dir', out,
      '--license', 'GPL', '--requirement', '{"name": "x", "req_type": "pip"}', '--requirement', '{"name":',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--workflow-id: `my-flow` is not a valid Python identifier: use `_` instead of `-`');
    expect(r.stderr).toContain('--license: `GPL` is not one of');
    expect(r.stderr).toContain('--requirement #1 (source): `source` is required');
    expect(r.stderr).toContain('error[json-syntax]: --requirement #2');
    expect(existsSync(join(out, 'my-flow'))).toBe(false);
  });

  it('refuses an existing project folder without --clobber, overwrites with it', async () => {
    const out = tmp();
    mkdirSync(join(out, 'my_flow'));
    writeFileSync(join(out, 'my_flow', 'README.md'), 'mine\n');
    writeFileSync(join(out, 'my_flow', 'notes.txt'), 'keep me\n');
    const refused = await init(out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists; pass --clobber');
    expect(readFileSync(join(out, 'my_flow', 'README.md'), 'utf8')).toBe('mine\n');
    const clobbered = await init(out, '--clobber');
    expect(clobbered.code).toBe(0);
    expect(readFileSync(join(out, 'my_flow', 'README.md'), 'utf8')).toContain('# My Flow');
    expect(readFileSync(join(out, 'my_flow', 'notes.txt'), 'utf8')).toBe('keep me\n');
  });

  it('asks a provider question answered with --answer and renders its template', async () => {
    const out = tmp();
    const provider = join(out, 'acme.json');
    writeFileSync(
      provider,
      JSON.stringify({
        name: 'acme',
        questions: [{ dest: 'team', help: 'Owning team', validate: 'non-empty' }],
        templates: { OWNERS: '{{ team }} ({{ author_name }})\n' },
      }),
    );
    const missing = await init(out, '--provider', provider);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --answer team=');
    const ok = await init(out, '--provider', provider, '--answer', 'team=Rangers');
    expect(ok.code).toBe(0);
    expect(readFileSync(join(out, 'my_flow', 'OWNERS'), 'utf8')).toBe('Rangers (Ada)\n');
    const unknown = await init(join(out, 'x'), '--provider', provider, '--answer', 'tema=Rangers');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--answer tema: there is no such question');
  });

  it('exits 1 with positioned diagnostics for a broken provider file', async () => {
    const out = tmp();
    const provider = join(out, 'bad.json');
    writeFileSync(provider, '{\n  "name": "acme",\n  "questions": [ {"dest": "team"} ]\n  "templates": {}\n}\n');
    const r = await init(out, '--provider', provider);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${provider}:4:3: error[json-syntax]`);
  });

  it('exits 2 when interactive mode has no terminal', async () => {
    const r = await cli(['scaffold', 'init', '--output-dir', tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stdin is not a terminal');
    expect(r.stderr).toContain('--no-interactive');
  });
});
