import { describe, expect, it } from 'vitest';
import type { Dep, FeatureSection } from './deps.ts';
import { parseEnvOverrides, type EnvOverrides } from './env-overrides.ts';
import { mergeLayers, type LayerInput } from './layers.ts';
import { defaultInjections } from './pixi-toml.ts';
import { specWith } from './test-fixtures.ts';

const defaults = defaultInjections().overrides!;

function overrides(lines: string[]): EnvOverrides {
  const parsed = parseEnvOverrides(lines.join('\n'), '/work/ov/overrides.toml');
  expect(parsed.diagnostics).toEqual([]);
  return parsed.overrides!;
}

/** `name@origin` per side, the shape most assertions need. */
function names(s: FeatureSection): { conda: string[]; pypi: string[] } {
  const f = (d: Dep) => `${d.name}@${d.origin}`;
  return { conda: s.conda.map(f), pypi: s.pypi.map(f) };
}

function merge(input: Partial<LayerInput> & Pick<LayerInput, 'requirements'>) {
  return mergeLayers({ defaults, ...input });
}

const DEFAULT_A = ['click', 'obstore', 'pydantic', 'ruamel.yaml', 'opentelemetry-api', 'wt-task'].map((n) => `${n}@defaults`);

describe('mergeLayers', () => {
  it('Layer A alone: the bundled defaults per feature', () => {
    const { features, diagnostics } = merge({ requirements: [] });
    expect(diagnostics).toEqual([]);
    expect(names(features.default)).toEqual({ conda: DEFAULT_A, pypi: [] });
    expect(names(features.runner).conda).toEqual(['wt-runner@defaults']);
    expect(features.test.conda.map((d) => d.name)).toContain('playwright');
  });

  it('Layer B: a spec name suppresses the same Layer A entry, case-insensitively, PyPI names normalised', () => {
    const spec = specWith([
      '- name: Click',
      '  version: "8.1.7"',
      '- name: Ruamel_Yaml',
      '  git: https://github.com/x/ruamel.git',
      '- name: pytest',
      '  version: "*"',
    ]);
    const { features } = merge({ requirements: spec.requirements });
    expect(names(features.default)).toEqual({
      conda: ['Click@spec', 'pytest@spec', 'obstore@defaults', 'pydantic@defaults', 'opentelemetry-api@defaults', 'wt-task@defaults'],
      pypi: ['Ruamel_Yaml@spec'],
    });
    // Suppression is by name in every feature, as wt-compiler does.
    expect(features.test.conda.map((d) => d.name)).not.toContain('pytest');
  });

  it('Layer B: names installed by a discovery solve suppress defaults too (and add nothing)', () => {
    const { features } = merge({ requirements: [], installedNames: ['click', 'pydantic', 'pyarrow'] });
    expect(names(features.default).conda).toEqual(['obstore@defaults', 'ruamel.yaml@defaults', 'opentelemetry-api@defaults', 'wt-task@defaults']);
    expect(features.test.conda.map((d) => d.name)).not.toContain('pyarrow');
  });

  it('Layer C: an override displaces lower entries per feature on both the conda and PyPI side', () => {
    const ov = overrides([
      '[feature.default.pypi-dependencies]',
      'wt_task = { path = "../wt-task", editable = true }',
      '[feature.default.dependencies]',
      'pydantic = ">=2.5,<3"',
      '[feature.runner.pypi-dependencies]',
      'wt-runner = { path = "../wt-runner", editable = true }',
      '[feature.test.dependencies]',
      'playwright = { version = "*", channel = "microsoft" }',
    ]);
    const { features, diagnostics } = merge({ requirements: [], overrides: ov });
    expect(diagnostics).toEqual([]);
    expect(names(features.default)).toEqual({
      conda: ['click@defaults', 'obstore@defaults', 'ruamel.yaml@defaults', 'opentelemetry-api@defaults', 'pydantic@override'],
      pypi: ['wt_task@override'],
    });
    expect(features.default.pypi[0].path).toBe('/work/wt-task');
    // runner has only PyPI left, so it gets a conda python.
    expect(names(features.runner)).toEqual({ conda: ['python@defaults'], pypi: ['wt-runner@override'] });
    expect(features.runner.conda[0]).toMatchObject({ version: '>=3.10,<4.0', channel: { name: 'conda-forge' } });
    expect(features.test.conda.filter((d) => d.name === 'playwright').map((d) => [d.origin, d.version])).toEqual([['override', '*']]);
    // wt-task is only displaced where the override is: other features are untouched.
    expect(names(features.runner).conda).not.toContain('wt-task@defaults');
  });

  it('warns when an override displaces a spec requirement, at the override entry', () => {
    const spec = specWith(['- name: pydeck', '  version: "0.9.2"', '- name: mylib', '  path: /abs/mylib']);
    const ov = overrides(['[feature.default.pypi-dependencies]', 'pydeck = "==0.9.3"', '', '[feature.default.dependencies]', 'MyLib = "1.0"']);
    const { features, diagnostics } = merge({ requirements: spec.requirements, overrides: ov });
    expect(names(features.default).pypi).toEqual(['pydeck@override']);
    expect(names(features.default).conda).toContain('MyLib@override');
    expect(names(features.default).conda).not.toContain('pydeck@spec');
    expect(diagnostics.map((d) => [d.severity, d.code, d.source, d.range.start.line])).toEqual([
      ['warning', 'override-replaces-requirement', 'env-overrides', 2],
      ['warning', 'override-replaces-requirement', 'env-overrides', 5],
    ]);
    expect(diagnostics[0].message).toContain('replaces the spec requirement `pydeck` (spec line 3)');
  });

  it('--variant gcp renames Layer A wt-task / wt-runner after the merge', () => {
    const { features } = merge({ requirements: [], variant: 'gcp' });
    expect(features.default.conda.map((d) => d.name)).toContain('wt-task-gcp');
    expect(features.default.conda.map((d) => d.name)).not.toContain('wt-task');
    expect(names(features.runner).conda).toEqual(['wt-runner-gcp@defaults']);
  });

  it('--variant gcp: an override on wt-task blocks the -gcp entry; a spec wt-task-gcp is not duplicated', () => {
    const ov = overrides(['[feature.default.dependencies]', 'wt-task = { version = ">=0.5", channel = "ecoscope-workflows" }']);
    const blocked = merge({ requirements: [], overrides: ov, variant: 'gcp' }).features.default.conda.map((d) => `${d.name}@${d.origin}`);
    expect(blocked).toContain('wt-task@override');
    expect(blocked.some((n) => n.startsWith('wt-task-gcp'))).toBe(false);

    const spec = specWith(['- requirement: "ecoscope-workflows::wt-task-gcp >=0.4"']);
    const viaSpec = merge({ requirements: spec.requirements, variant: 'gcp' }).features.default.conda.map((d) => `${d.name}@${d.origin}`);
    expect(viaSpec.filter((n) => n.startsWith('wt-task'))).toEqual(['wt-task-gcp@spec']);
  });

  it('injects conda python into an environment with PyPI deps and no conda deps', () => {
    const ov = overrides([
      '[feature.default.pypi-dependencies]',
      ...DEFAULT_A.map((n) => `"${n.split('@')[0]}" = "*"`),
      '[feature.test.pypi-dependencies]',
      'pytest = "*"',
    ]);
    const { features } = merge({ requirements: [], overrides: ov });
    expect(names(features.default).conda).toEqual(['python@defaults']);
    // test env = runner + test: runner still has conda wt-runner, so nothing is injected there.
    expect(names(features.test).conda).not.toContain('python@defaults');
    expect(names(features.runner).conda).toEqual(['wt-runner@defaults']);
  });

  it('keeps the later of two spec requirements with the same name, with a warning', () => {
    const spec = specWith(['- name: pandas', '  version: "2.0"', '- name: Pandas', '  version: "2.2"']);
    const { features, diagnostics } = merge({ requirements: spec.requirements });
    expect(features.default.conda.filter((d) => d.name.toLowerCase() === 'pandas').map((d) => d.name)).toEqual(['Pandas']);
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['duplicate-requirement', 3]]);
  });
});
