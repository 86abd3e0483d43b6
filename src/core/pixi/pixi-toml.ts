import { FILE_HEADER } from '../util/file-header.ts';
import { KNOWN_CHANNELS } from '../spec/channels.ts';
import type { Spec } from '../spec/model.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../util/diagnostics.ts';
import { DEFAULT_ENV_INJECTIONS_TOML } from './default-env-injections.ts';
import { fromRequirement, type CondaDep, type FeatureSection, type PypiDep } from './deps.ts';
import { parseEnvOverrides, type EnvOverrides } from './env-overrides.ts';
import { ENVIRONMENTS, mergeLayers, type MergedFeatures, type Variant } from './layers.ts';
import { checkLeafOnly, pathSources, type ReadFile } from './leaf-only.ts';
import { TomlTable, writeToml } from './toml-writer.ts';
import { appendAll } from '../util/append.ts';

/** pixi.toml of a compiled workflow package, laid out as wt-compiler's tomli_w output (wt-compiler.md §5.4). */

export { FILE_HEADER };
export const PLATFORMS = ['linux-64', 'linux-aarch64', 'osx-arm64', 'win-64', 'osx-64'];
const RELEASE_CHANNEL = 'https://repo.prefix.dev/ecoscope-workflows/';
/** Always last in `[workspace] channels`, in this order. */
export const STANDARD_CHANNELS = [RELEASE_CHANNEL, 'conda-forge', 'microsoft'];
const STANDARD_URLS = new Set([RELEASE_CHANNEL, ...KNOWN_CHANNELS.filter((c) => c.name !== 'ecoscope-workflows-custom').map((c) => c.baseUrl)]);
const LOCAL_ARTIFACTS = '.tmp/ecoscope-workflows/release/artifacts/';

export interface PixiTomlInput {
  spec: Spec;
  releaseName: string;
  packageName: string;
  variant?: Variant;
  /** An --env-overrides file: its text and path (relative `path =` values resolve against its folder). */
  /** `folderUnknown`: see EnvOverridesOptions. */
  envOverrides?: { text: string; path: string; folderUnknown?: boolean };
  /** Reads pyproject.toml files for the leaf-only check; without it the check is skipped with an info. */
  readFile?: ReadFile;
  /** Package names a discovery solve installed (transitive too): they suppress same-named defaults, like wt-compiler. */
  installedNames?: readonly string[];
}

export interface PixiTomlResult {
  /** The file content; absent when there are errors. */
  text?: string;
  /** Sorted; overrides-file problems carry `source: 'env-overrides'`. */
  diagnostics: Diagnostic[];
  /** `[feature.discovery.*]` of the overrides file: for the discovery env only, never in pixi.toml. */
  discoveryOverrides?: FeatureSection;
  /** The merged dependencies per feature, as written. */
  features?: MergedFeatures;
}

let defaultsCache: { overrides?: EnvOverrides; diagnostics: Diagnostic[] } | undefined;

/** Layer A, parsed once from the bundled default-env-injections.toml. */
export function defaultInjections(): { overrides?: EnvOverrides; diagnostics: Diagnostic[] } {
  defaultsCache ??= parseEnvOverrides(DEFAULT_ENV_INJECTIONS_TOML, 'default-env-injections.toml', {
    source: 'default-env-injections',
    origin: 'defaults',
  });
  return defaultsCache;
}

/** Builds pixi.toml from a spec, the default injections and an optional overrides file; never throws. */
export function generatePixiToml(input: PixiTomlInput): PixiTomlResult {
  const defaults = defaultInjections();
  const diagnostics = [...defaults.diagnostics];
  const parsed = input.envOverrides ? parseEnvOverrides(input.envOverrides.text, input.envOverrides.path, { folderUnknown: input.envOverrides.folderUnknown }) : undefined;
  if (parsed) appendAll(diagnostics, parsed.diagnostics);
  const discoveryOverrides = parsed?.overrides?.features.discovery;
  if (!defaults.overrides || (input.envOverrides && !parsed?.overrides)) {
    return { diagnostics: sortDiagnostics(diagnostics), discoveryOverrides };
  }
  const merged = mergeLayers({
    requirements: input.spec.requirements,
    installedNames: input.installedNames,
    defaults: defaults.overrides,
    overrides: parsed?.overrides,
    variant: input.variant,
  });
  appendAll(diagnostics, merged.diagnostics);
  const declared: PypiDep[] = [
    ...input.spec.requirements.filter((r) => r.kind === 'pypi').map(fromRequirement).filter((d) => d.kind === 'pypi'),
    ...Object.values(parsed?.overrides?.features ?? {}).flatMap((s) => s.pypi),
  ];
  appendAll(diagnostics, checkLeafOnly(pathSources(declared), input.readFile));
  const result: PixiTomlResult = { diagnostics: sortDiagnostics(diagnostics), discoveryOverrides, features: merged.features };
  if (!hasErrors(diagnostics)) result.text = `${FILE_HEADER}\n\n${writeToml(pixiTable(input, merged.features))}`;
  return result;
}

function pixiTable(input: PixiTomlInput, features: MergedFeatures): TomlTable {
  const root = new TomlTable();
  root
    .table('workspace')
    .set('name', input.releaseName)
    .set('channels', [...extraChannels(features), ...STANDARD_CHANNELS])
    .set('platforms', PLATFORMS);
  root.table('system-requirements').set('linux', '4.4.0');
  addDependencies(root, features.default);
  const feature = root.table('feature');
  addDependencies(feature.table('runner'), features.runner).table('tasks');
  addTestTasks(addDependencies(feature.table('test'), features.test).table('tasks'));
  const environments = root.table('environments');
  for (const env of ENVIRONMENTS) {
    environments.table(env.name).set('features', env.features).set('solve-group', env.name).set('no-default-feature', env.noDefaultFeature);
  }
  const localArtifacts = input.spec.requirements.some((r) => r.kind === 'conda' && r.channel.baseUrl.startsWith('file://'));
  const build = `docker buildx build -t ${input.releaseName} .`;
  root
    .table('tasks')
    .set(
      'docker-build',
      localArtifacts ? `mkdir -p ${LOCAL_ARTIFACTS}\n&& cp -r /tmp/ecoscope-workflows/release/artifacts/* ${LOCAL_ARTIFACTS}\n&& ${build}\n` : build,
    )
    .set(input.releaseName, `python -m ${input.packageName}.cli`);
  return root;
}

/** Channels outside the standard three that emitted conda entries use: `file://` ones first, then the rest, in order of use. */
function extraChannels(features: MergedFeatures): string[] {
  const urls = [...features.default.conda, ...features.runner.conda, ...features.test.conda]
    .map((d) => d.channel.baseUrl)
    .filter((u, i, all) => !STANDARD_URLS.has(u) && all.indexOf(u) === i);
  return [...urls.filter((u) => u.startsWith('file://')), ...urls.filter((u) => !u.startsWith('file://'))];
}

/** `dependencies` (always) and `pypi-dependencies` (when non-empty) of a feature or the top level. */
function addDependencies(table: TomlTable, section: FeatureSection): TomlTable {
  const conda = table.table('dependencies');
  for (const d of section.conda) conda.set(d.name, condaEntry(d));
  if (section.pypi.length > 0) {
    const pypi = table.table('pypi-dependencies');
    for (const d of section.pypi) pypi.set(d.name, pypiEntry(d));
  }
  return table;
}

function condaEntry(d: CondaDep): TomlTable {
  return new TomlTable().set('version', pixiCondaVersion(d.version)).set('channel', d.channel.baseUrl);
}

/** A bare version string, or a pixi table with keys in wt-compiler's order. */
function pypiEntry(d: PypiDep): string | TomlTable {
  const sourceKeys = ['git', 'rev', 'branch', 'tag', 'path', 'editable', 'url', 'subdirectory'] as const;
  if (d.version !== undefined && d.extras.length === 0 && sourceKeys.every((k) => d[k] === undefined)) return d.version;
  const t = new TomlTable();
  if (d.version !== undefined) t.set('version', d.version);
  for (const k of sourceKeys) {
    const v = d[k];
    if (v !== undefined) t.set(k, v);
  }
  if (d.extras.length > 0) t.set('extras', d.extras);
  return t;
}

/** A conda constraint as rattler prints it: a bare version pins exactly (`2.13.0` → `==2.13.0`), no spaces. */
export function pixiCondaVersion(version: string): string {
  return version
    .split('|')
    .map((group) =>
      group
        .split(',')
        .map((part) => {
          const p = part.replace(/\s+/g, '');
          return /^[A-Za-z0-9]/.test(p) && !p.includes('*') ? `==${p}` : p;
        })
        .join(','),
    )
    .join('|');
}

function addTestTasks(tasks: TomlTable): void {
  const pytest = 'python -m pytest -v';
  tasks.set('test-all', `${pytest} tests`).set('playwright-install', 'playwright install --with-deps chromium');
  tasks.table('test-app-metadata').set('cmd', `${pytest} tests/test_metadata.py`);
  for (const [via, mode] of [
    ['app', 'async'],
    ['app', 'sequential'],
    ['cli', 'async'],
    ['cli', 'sequential'],
  ]) {
    tasks
      .table(`test-${via}-${mode}-mock-io`)
      .set('cmd', `${pytest} tests/test_results.py -k '${via} and ${mode} and mock-io'`)
      .set('depends-on', ['playwright-install']);
  }
}
