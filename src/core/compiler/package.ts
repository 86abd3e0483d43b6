import { generatePixiToml } from '../pixi/index.ts';
import { flatInstances } from '../spec/index.ts';
import type { Diagnostic } from '../util/diagnostics.ts';
import type { CompileResult } from './compile.ts';
import { graphDot } from './graph/graph-dot.ts';
import { packageGraphLayout } from './graph/layout-budget.ts';
import { renderSvg } from './graph/render-svg.ts';
import { DEFAULT_RESULTS_ENV_VAR } from './names.ts';
import { paramsSha256 } from './params-hash.ts';
import { generatePydanticModule } from './pydantic-model.ts';
import { generateDagModule } from './python/dag-module.ts';
import { cliModule, dispatchModule, initModule, metadataModule, responseModule, type PackageNames } from './python/package-modules.ts';
import { conftestPy, testMetadataPy, testResultsPy } from './python/package-tests.ts';
import { dockerfile, dockerignore } from './release/dockerfile.ts';
import { artifactsSha256, installedRequirements, readFingerprintHashes, readmeText, specSha256, type Fingerprint } from './release/fingerprint.ts';
import { hatchBuildPy, pyprojectToml } from './release/pyproject.ts';
import { bumpVersion, formatVersionYaml, FRESH_VERSION, parseVersionYaml, type Version } from './release/version.ts';
import { pushAll } from '../util/arrays.ts';

/** The workflow package tree as wt-compiler writes it under `<release_name>/` (§5). */

export interface PackageFile {
  /** Path relative to the release folder, `/`-separated. */
  path: string;
  text: string;
}

/** What `--update` reads from the package already in the output folder. */
export interface PreviousPackage {
  readme?: string;
  versionYaml?: string;
  /** Kept as it is. */
  pixiLock?: string;
}

export interface PackageOptions {
  /** `--results-env-var`; default `WT_RESULTS`. */
  resultsEnvVar?: string;
  /** PIXI_VERSION for the Dockerfile; default `latest`. */
  pixiVersion?: string;
  /** `--update`: bump from this package's VERSION.yaml and README, keep its pixi.lock. */
  previous?: PreviousPackage;
  /** Render graph.svg with Graphviz (default true). */
  renderGraph?: boolean;
  /** Lays out graph.dot (default: Graphviz in this thread); the browser hands it to its graph worker. */
  renderSvg?: (dot: string, graphAttributes?: Record<string, string>) => Promise<{ svg?: string; diagnostics: Diagnostic[] }>;
  /** `--variant gcp`: wt-task/wt-runner become their -gcp builds. */
  variant?: 'gcp';
  /** `--env-overrides FILE`: Layer C of the dependency layers; `path` is the file's own path. */
  envOverrides?: { text: string; path: string; folderUnknown?: boolean };
  /** Reads a file by absolute path (pyproject.toml of path sources, for the leaf-only rule). */
  readFile?: (absPath: string) => string | undefined;
}

export interface BuiltPackage {
  files: PackageFile[];
  diagnostics: Diagnostic[];
  version: Version;
  fingerprint: Fingerprint;
}

export type CompiledWorkflow = CompileResult & Required<Pick<CompileResult, 'schemas' | 'releaseName' | 'packageName' | 'spec' | 'registry'>>;

/** True when a compile result is clean and carries everything a package needs. */
export function isCompiled(result: CompileResult): result is CompiledWorkflow {
  return !!(result.schemas && result.releaseName && result.packageName && result.spec && result.registry);
}

/** The source files of the package: everything but the fingerprinted README, VERSION.yaml and the graph. */
export function packageSources(compiled: CompiledWorkflow, options: PackageOptions = {}): PackageFile[] {
  const { packageName: pkg, releaseName, resolved, registry, spec, schemas } = compiled;
  const names: PackageNames = { releaseName, packageName: pkg, resultsEnvVar: options.resultsEnvVar ?? DEFAULT_RESULTS_ENV_VAR };
  const ioTasks = [...new Set(resolved.filter((r) => r.task.tags.includes('io')).map((r) => r.task.importableReference))];
  const localChannels = spec.requirements.some((r) => r.kind === 'conda' && r.channel.baseUrl.startsWith('file://'));
  return [
    { path: `${pkg}/__init__.py`, text: initModule() },
    { path: `${pkg}/cli.py`, text: cliModule(names) },
    { path: `${pkg}/dispatch.py`, text: dispatchModule() },
    { path: `${pkg}/metadata.py`, text: metadataModule() },
    { path: `${pkg}/response.py`, text: responseModule() },
    { path: `${pkg}/params.json`, text: schemas.paramsJsonText },
    { path: `${pkg}/params.py`, text: generatePydanticModule(schemas.paramsJson, { rootClassName: 'Params' }) },
    { path: `${pkg}/formdata.py`, text: generatePydanticModule(schemas.rjsfJson, { rootClassName: 'FormData' }) },
    { path: `${pkg}/rjsf.json`, text: schemas.rjsfJsonText },
    { path: `${pkg}/dags/__init__.py`, text: initModule() },
    { path: `${pkg}/dags/run_sequential.py`, text: generateDagModule(resolved, registry, { mockIo: false }) },
    { path: `${pkg}/dags/run_sequential_mock_io.py`, text: generateDagModule(resolved, registry, { mockIo: true }) },
    { path: 'tests/conftest.py', text: conftestPy(names, ioTasks) },
    { path: 'tests/test_metadata.py', text: testMetadataPy(pkg) },
    { path: 'tests/test_results.py', text: testResultsPy() },
    { path: 'Dockerfile', text: dockerfile({ releaseName, pixiVersion: options.pixiVersion, localChannels, resultsEnvVar: names.resultsEnvVar }) },
    { path: '.dockerignore', text: dockerignore() },
    { path: 'pyproject.toml', text: pyprojectToml(releaseName, pkg) },
    { path: 'hatch_build.py', text: hatchBuildPy() },
    { path: 'graph.dot', text: graphDot(spec) },
  ];
}

/** Every file of the package, with VERSION.yaml, the README fingerprint and the rendered graph; sorted by path. */
export async function buildPackage(compiled: CompiledWorkflow, options: PackageOptions = {}): Promise<BuiltPackage> {
  const diagnostics: Diagnostic[] = [];
  const files = packageSources(compiled, options);
  const pixi = generatePixiToml({
    spec: compiled.spec,
    releaseName: compiled.releaseName,
    packageName: compiled.packageName,
    variant: options.variant,
    envOverrides: options.envOverrides,
    readFile: options.readFile,
  });
  pushAll(diagnostics, pixi.diagnostics);
  if (pixi.text !== undefined) files.push({ path: 'pixi.toml', text: pixi.text });
  const paramsSha = await paramsSha256(compiled.schemas.paramsJson);

  let version = FRESH_VERSION;
  const previous = options.previous;
  if (previous?.versionYaml !== undefined) {
    const parsed = parseVersionYaml(previous.versionYaml);
    pushAll(diagnostics, parsed.diagnostics);
    if (parsed.version) version = bumpVersion(parsed.version, readFingerprintHashes(previous.readme ?? '').params_sha256, paramsSha);
  }
  files.push({ path: 'VERSION.yaml', text: formatVersionYaml(version) });
  if (previous?.pixiLock !== undefined) files.push({ path: 'pixi.lock', text: previous.pixiLock });

  if (options.renderGraph !== false) {
    const layout = packageGraphLayout(flatInstances(compiled.spec).length);
    const svg = await (options.renderSvg ?? renderSvg)(files.find((f) => f.path === 'graph.dot')!.text, layout);
    pushAll(diagnostics, svg.diagnostics);
    if (svg.svg) files.push({ path: 'graph.svg', text: svg.svg });
  }
  const [artifacts, specSha] = await Promise.all([artifactsSha256(files), specSha256(compiled.spec, compiled.resolved)]);
  const fingerprint: Fingerprint = {
    artifacts_sha256_basic: artifacts.basic,
    artifacts_sha256_strict: artifacts.strict,
    installed_requirements: installedRequirements(compiled.spec),
    params_sha256: paramsSha,
    spec_sha256: specSha,
  };
  // The CLI cannot rasterise graph.png, so our README shows the SVG every package has.
  files.push({ path: 'README.md', text: readmeText(fingerprint, compiled.releaseName, files.some((f) => f.path === 'graph.svg') ? 'graph.svg' : 'graph.dot') });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics, version, fingerprint };
}
