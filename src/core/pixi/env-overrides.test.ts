import fc from 'fast-check';
import { stringify } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parseEnvOverrides, resolveOverrideChannel } from './env-overrides.ts';

const OVERRIDES_PATH = '/repo/tests/reverse_integration/wt-compiler-env-overrides.toml';

/** `[line, column]` of each diagnostic, with its code. */
function where(text: string) {
  return parseEnvOverrides(text, OVERRIDES_PATH).diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.column, d.source]);
}

describe('parseEnvOverrides', () => {
  it('reads conda entries as version strings (conda-forge) or {version, channel} by name or URL', () => {
    const { overrides, diagnostics } = parseEnvOverrides(
      [
        '[feature.default.dependencies]',
        'pandas = ">=2.0, <3"',
        'wt-task = { version = "0.4.*", channel = "ecoscope-workflows" }',
        'local = { channel = "file:///tmp/ecoscope-workflows/release/artifacts" }',
        'other = { version = "1.0", channel = "https://prefix.dev/my-channel" }',
      ].join('\n'),
      OVERRIDES_PATH,
    );
    expect(diagnostics).toEqual([]);
    const conda = overrides!.features.default.conda;
    expect(conda.map((d) => [d.name, d.version, d.channel.baseUrl, d.origin, d.source])).toEqual([
      ['pandas', '>=2.0, <3', 'https://conda.anaconda.org/conda-forge/', 'override', 'env-overrides'],
      ['wt-task', '0.4.*', 'https://repo.prefix.dev/ecoscope-workflows/', 'override', 'env-overrides'],
      ['local', '*', 'file:///tmp/ecoscope-workflows/release/artifacts/', 'override', 'env-overrides'],
      ['other', '1.0', 'https://prefix.dev/my-channel/', 'override', 'env-overrides'],
    ]);
    expect(conda[1].range.start).toEqual({ line: 3, column: 1 });
  });

  it('reads PyPI tables and bare versions, resolving `path` against the file folder', () => {
    const { overrides, diagnostics } = parseEnvOverrides(
      [
        '[feature.runner.pypi-dependencies]',
        'wt-runner = { path = "../../wt-runner", editable = true, extras = ["gcp"] }',
        'wt-abs = { path = "/opt/wt-abs" }',
        'from-git = { git = "https://github.com/org/x.git", tag = "v1" }',
        'from-url = { url = "https://example.org/x-1.0-py3-none-any.whl" }',
        'plain = ">=1.0,<2"',
        'any = "*"',
        'with-extras = { version = ">=1", extras = ["a"] }',
      ].join('\n'),
      OVERRIDES_PATH,
    );
    expect(diagnostics).toEqual([]);
    const pypi = overrides!.features.runner.pypi.map(({ range: _range, origin: _origin, source: _source, kind: _kind, ...rest }) => rest);
    expect(pypi).toEqual([
      { name: 'wt-runner', path: '/repo/wt-runner', editable: true, extras: ['gcp'] },
      { name: 'wt-abs', path: '/opt/wt-abs', extras: [] },
      { name: 'from-git', git: 'https://github.com/org/x.git', tag: 'v1', extras: [] },
      { name: 'from-url', url: 'https://example.org/x-1.0-py3-none-any.whl', extras: [] },
      { name: 'plain', version: '>=1.0,<2', extras: [] },
      { name: 'any', version: '*', extras: [] },
      { name: 'with-extras', version: '>=1', extras: ['a'] },
    ]);
  });

  it('warns at a relative `path` when the file\'s folder is unknown (a browser upload), not at absolute ones', () => {
    const text = '[feature.default.pypi-dependencies]\nrel = { path = "../wt-runner" }\nabs = { path = "/opt/x" }\nwin = { path = "C:\\\\src\\\\y" }\n';
    expect(parseEnvOverrides(text, '/workspace/env-overrides.toml').diagnostics).toEqual([]);
    const { overrides, diagnostics } = parseEnvOverrides(text, '/workspace/env-overrides.toml', { folderUnknown: true });
    expect(diagnostics.map((d) => [d.severity, d.code, d.range.start.line])).toEqual([['warning', 'relative-path', 2]]);
    expect(diagnostics[0].message).toContain('pixi.toml gets "/wt-runner"');
    // Still resolved, so the package builds.
    expect(overrides!.features.default.pypi.map((d) => d.path)).toEqual(['/wt-runner', '/opt/x', 'C:\\src\\y']);
  });

  it('exposes the compiler-only discovery feature separately', () => {
    const { overrides, diagnostics } = parseEnvOverrides('[feature.discovery.pypi-dependencies]\nwt-registry = { path = "../../wt-registry", editable = true }\n', OVERRIDES_PATH);
    expect(diagnostics).toEqual([]);
    expect(overrides!.features.discovery.pypi[0]).toMatchObject({ name: 'wt-registry', path: '/repo/wt-registry' });
    expect(overrides!.features.default).toEqual({ conda: [], pypi: [] });
  });

  it('turns TOML syntax errors into one positioned diagnostic and never throws', () => {
    const { overrides, diagnostics } = parseEnvOverrides('[feature.default.dependencies]\nclick = ">=8"\nbroken = \n', OVERRIDES_PATH);
    expect(overrides).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'toml-syntax', source: 'env-overrides', range: { start: { line: 3 } } });
    expect(diagnostics[0].message).toMatch(/^the env-overrides file `.*` is not valid TOML: /);
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = parseEnvOverrides(text, 'o.toml');
        return Array.isArray(r.diagnostics);
      }),
    );
  });

  it('never throws on arbitrary well-formed TOML and positions every diagnostic', () => {
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constantFrom('*', '>=1', 'conda-forge', '../p', 'https://x/y'));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1 }), tie('v'), { maxKeys: 4 })),
    })).v;
    const key = fc.constantFrom('default', 'runner', 'test', 'discovery', 'other');
    const section = fc.constantFrom('dependencies', 'pypi-dependencies', 'tasks');
    fc.assert(
      fc.property(fc.dictionary(key, fc.dictionary(section, fc.dictionary(fc.string({ minLength: 1 }), value, { maxKeys: 4 }))), (features) => {
        const r = parseEnvOverrides(stringify({ feature: features }), '/a/o.toml');
        return r.overrides !== undefined && r.diagnostics.every((d) => d.range.start.line >= 1 && d.range.start.column >= 1 && d.source === 'env-overrides');
      }),
      { numRuns: 300 },
    );
  });

  it('rejects an unknown feature with a suggestion, at the feature key', () => {
    const text = '[feature.tst.dependencies]\nclick = "*"\n';
    expect(where(text)).toEqual([['unknown-feature', 'error', 1, 1, 'env-overrides']]);
    expect(parseEnvOverrides(text, OVERRIDES_PATH).diagnostics[0].message).toContain('did you mean `test`?');
    expect(where('feature.gpu.dependencies.cuda = "*"\n')).toEqual([['unknown-feature', 'error', 1, 1, 'env-overrides']]);
  });

  it('rejects a name in both the conda and PyPI section of one feature (PyPI-normalised)', () => {
    const text = [
      '[feature.default.dependencies]',
      '"ruamel.yaml" = "*"',
      '',
      '[feature.default.pypi-dependencies]',
      'other = "*"',
      'Ruamel_Yaml = ">=0.18"',
      '',
      '[feature.runner.pypi-dependencies]',
      'ruamel-yaml = "*"',
    ].join('\n');
    expect(where(text)).toEqual([['conda-pypi-conflict', 'error', 6, 1, 'env-overrides']]);
  });

  it('points entry errors at the offending key, including keys inside inline tables', () => {
    const text = [
      '[feature.default.dependencies]',
      'a = { version = "*", channel = "nope" }',
      'b = "not a version!"',
      'c = 3',
      'd = { version = "*", build = "py_0" }',
      '',
      '[feature.default.pypi-dependencies]',
      'e = { path = "x", git = "https://g/x.git" }',
      'f = { git = "https://g/f.git", tag = "v1", branch = "main" }',
      'g = { rev = "abc" }',
      'h = { url = "https://x/h.whl", editable = true }',
      'i = "1.0"',
      'j = { path = "file:///abs/j" }',
      'k = { extras = ["x"] }',
      'l = { path = "l", editable = "yes" }',
    ].join('\n');
    expect(where(text)).toEqual([
      ['unknown-channel', 'error', 2, 22, 'env-overrides'],
      ['invalid-version', 'error', 3, 1, 'env-overrides'],
      ['invalid-entry', 'error', 4, 1, 'env-overrides'],
      ['ignored-key', 'warning', 5, 22, 'env-overrides'],
      ['pypi-source-conflict', 'error', 8, 19, 'env-overrides'],
      ['git-ref-conflict', 'error', 9, 44, 'env-overrides'],
      ['git-ref-without-git', 'error', 10, 7, 'env-overrides'],
      ['editable-without-path', 'error', 11, 32, 'env-overrides'],
      ['invalid-version', 'error', 12, 1, 'env-overrides'],
      ['path-is-url', 'error', 13, 7, 'env-overrides'],
      ['missing-source', 'error', 14, 1, 'env-overrides'],
      ['invalid-value', 'error', 15, 19, 'env-overrides'],
    ]);
    const messages = parseEnvOverrides(text, OVERRIDES_PATH).diagnostics.map((d) => d.message);
    expect(messages[1]).toContain('conda version constraint');
    expect(messages[8]).toContain('write "==1.0"');
    expect(messages[9]).toContain('write "/abs/j"');
  });

  it('warns about keys it ignores', () => {
    expect(where('name = "x"\n[feature.default.tasks]\nt = "echo"\n')).toEqual([
      ['ignored-key', 'warning', 1, 1, 'env-overrides'],
      ['ignored-key', 'warning', 2, 1, 'env-overrides'],
    ]);
  });

  it('resolves override channels by known name, known URL, file:// or any URL', () => {
    expect(resolveOverrideChannel('microsoft')?.baseUrl).toBe('https://conda.anaconda.org/microsoft/');
    expect(resolveOverrideChannel('https://repo.prefix.dev/ecoscope-workflows')?.name).toBe('ecoscope-workflows');
    expect(resolveOverrideChannel('https://x.org/ch')).toEqual({ baseUrl: 'https://x.org/ch/' });
    expect(resolveOverrideChannel('bioconda')).toBeUndefined();
  });
});

describe('parseEnvOverrides on a 100k-segment dotted key', () => {
  it('reports the key at its line instead of exhausting memory while locating keys', () => {
    const key = Array.from({ length: 100_000 }, (_, i) => `k${i}`).join('.');
    const { diagnostics } = parseEnvOverrides(`[feature.default.dependencies]\n${key} = "1"\n`, 'env-overrides.toml');
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([['ignored-key', 2, 1]]);
  });
});
