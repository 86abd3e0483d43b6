import type { Diagnostic } from '../util/diagnostics.ts';
import type { CompileResult, FormSchemas } from './compile.ts';
import { DEFAULT_RESULTS_ENV_VAR } from './names.ts';
import { generateDagModule } from './python/dag-module.ts';
import { cliModule, dispatchModule, initModule, metadataModule, responseModule } from './python/package-modules.ts';

/** The workflow package tree as wt-compiler writes it under `<release_name>/` (§5). */

export interface PackageFile {
  /** Path relative to the release folder, `/`-separated. */
  path: string;
  text: string;
}

export interface PackageOptions {
  /** `--results-env-var`; default `WT_RESULTS`. */
  resultsEnvVar?: string;
}

export type CompiledWorkflow = CompileResult & Required<Pick<CompileResult, 'schemas' | 'releaseName' | 'packageName' | 'spec' | 'registry'>>;

/** True when a compile result is clean and carries everything a package needs. */
export function isCompiled(result: CompileResult): result is CompiledWorkflow {
  return !!(result.schemas && result.releaseName && result.packageName && result.spec && result.registry);
}

/** Every file of the package, sorted by path. */
export function buildPackageFiles(compiled: CompiledWorkflow, options: PackageOptions = {}): { files: PackageFile[]; diagnostics: Diagnostic[] } {
  const { packageName: pkg, releaseName, resolved, registry } = compiled;
  const names = { releaseName, packageName: pkg, resultsEnvVar: options.resultsEnvVar ?? DEFAULT_RESULTS_ENV_VAR };
  const schemas: FormSchemas = compiled.schemas;
  const files: PackageFile[] = [
    { path: `${pkg}/__init__.py`, text: initModule() },
    { path: `${pkg}/cli.py`, text: cliModule(names) },
    { path: `${pkg}/dispatch.py`, text: dispatchModule() },
    { path: `${pkg}/metadata.py`, text: metadataModule() },
    { path: `${pkg}/response.py`, text: responseModule() },
    { path: `${pkg}/params.json`, text: schemas.paramsJsonText },
    { path: `${pkg}/rjsf.json`, text: schemas.rjsfJsonText },
    { path: `${pkg}/dags/__init__.py`, text: initModule() },
    { path: `${pkg}/dags/run_sequential.py`, text: generateDagModule(resolved, registry, { mockIo: false }) },
    { path: `${pkg}/dags/run_sequential_mock_io.py`, text: generateDagModule(resolved, registry, { mockIo: true }) },
  ];
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics: [] };
}
