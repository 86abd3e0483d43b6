import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENV_INJECTIONS_TOML } from './default-env-injections.ts';
import { parseEnvOverrides } from './env-overrides.ts';

describe('default-env-injections', () => {
  it('the .ts constant is the .toml file verbatim (edit the .toml, then copy it over)', () => {
    const file = readFileSync(new URL('./default-env-injections.toml', import.meta.url), 'utf8');
    expect(DEFAULT_ENV_INJECTIONS_TOML).toBe(file);
  });

  it('parses cleanly into the Layer A entries of wt-compiler §6', () => {
    const { overrides, diagnostics } = parseEnvOverrides(DEFAULT_ENV_INJECTIONS_TOML, 'default-env-injections.toml', { origin: 'defaults' });
    expect(diagnostics).toEqual([]);
    const names = (f: 'default' | 'runner' | 'test') => overrides!.features[f].conda.map((d) => `${d.name} ${d.version} ${d.channel.name}`);
    expect(names('default')).toEqual([
      'click >=8.0.0,<9.0.0 conda-forge',
      'obstore >=0.6.0,<0.7.0 conda-forge',
      'pydantic >=2.0.0,<3.0.0 conda-forge',
      'ruamel.yaml >=0.18.0,<0.19.0 conda-forge',
      'opentelemetry-api >=1.20.0,<2.0.0 conda-forge',
      'wt-task >=0.1.3,<1.0.0 ecoscope-workflows',
    ]);
    expect(names('runner')).toEqual(['wt-runner >=0.3.1,<1.0.0 ecoscope-workflows']);
    expect(names('test')).toEqual([
      'pandas * conda-forge',
      'pyarrow * conda-forge',
      'pytest * conda-forge',
      'pytest-asyncio * conda-forge',
      'pytest-check * conda-forge',
      'pillow * conda-forge',
      'scikit-image * conda-forge',
      'syrupy * conda-forge',
      'playwright >=1.52.0 microsoft',
    ]);
    expect(overrides!.features.discovery).toEqual({ conda: [], pypi: [] });
    expect(Object.values(overrides!.features).every((s) => s.pypi.length === 0)).toBe(true);
  });
});
