import { loadRegistry, RegistryIndex } from '../registry/index.ts';
import { parseSpec, type Spec } from '../spec/index.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../util/diagnostics.ts';
import type { JsonObject } from '../util/json-value.ts';
import { dumpPythonJsonFile } from '../util/python-json.ts';
import { checkTasks } from './check-tasks.ts';
import { packageName, releaseName, DEFAULT_PKG_NAME_PREFIX } from './names.ts';
import { buildParamsJson } from './params-json.ts';
import { buildRjsfJson } from './rjsf-json.ts';
import { buildInstanceSchemas, type ResolvedInstance } from './task-schema.ts';
import { appendAll } from '../util/append.ts';

export interface CompileOptions {
  /** `--pkg-name-prefix`; default `wt`. */
  pkgNamePrefix?: string;
}

/** A registry given as JSON text (parsed and checked here) or an index built earlier and reused. */
export type RegistryInput = string | RegistryIndex;

export interface CheckResult {
  spec?: Spec;
  registry?: RegistryIndex;
  resolved: ResolvedInstance[];
  /** Sorted by position. */
  diagnostics: Diagnostic[];
}

export interface FormSchemas {
  paramsJson: JsonObject;
  rjsfJson: JsonObject;
  /** Byte-exact file contents as wt-compiler writes them. */
  paramsJsonText: string;
  rjsfJsonText: string;
}

export interface CompileResult extends CheckResult {
  /** Present only when there are no errors. */
  schemas?: FormSchemas;
  releaseName?: string;
  packageName?: string;
}

/** Loads a registry into an index, reporting problems with source `registry`. */
export function indexRegistry(registry: RegistryInput): { index?: RegistryIndex; diagnostics: Diagnostic[] } {
  if (registry instanceof RegistryIndex) return { index: registry, diagnostics: [] };
  const loaded = loadRegistry(registry, 'registry');
  return { index: loaded.registry && new RegistryIndex(loaded.registry), diagnostics: loaded.diagnostics };
}

/** Every problem in a spec, against a registry: parse, structure, workflow and task rules in one pass. */
export function checkSpec(specText: string, registry: RegistryInput): CheckResult {
  const parsed = parseSpec(specText);
  const loaded = indexRegistry(registry);
  const diagnostics = [...parsed.diagnostics, ...loaded.diagnostics];
  let resolved: ResolvedInstance[] = [];
  if (parsed.spec && loaded.index) {
    const tasks = checkTasks(parsed.spec, loaded.index);
    resolved = tasks.resolved;
    appendAll(diagnostics, tasks.diagnostics);
  }
  return { spec: parsed.spec, registry: loaded.index, resolved, diagnostics: sortDiagnostics(diagnostics) };
}

/** params.json and rjsf.json for the resolved instances (usable for previews even when some tasks are unresolved). */
export function buildFormSchemas(spec: Spec, resolved: ResolvedInstance[], diagnostics: Diagnostic[]): FormSchemas {
  const { schemas, defs } = buildInstanceSchemas(resolved);
  const paramsJson = buildParamsJson(spec, schemas, defs);
  const rjsfJson = buildRjsfJson(spec, schemas, defs, diagnostics);
  return { paramsJson, rjsfJson, paramsJsonText: dumpPythonJsonFile(paramsJson), rjsfJsonText: dumpPythonJsonFile(rjsfJson) };
}

/** Checks a spec and, when it is clean, builds its form schemas and package names. */
export function compileWorkflow(specText: string, registry: RegistryInput, options: CompileOptions = {}): CompileResult {
  const result: CompileResult = checkSpec(specText, registry);
  if (!result.spec || hasErrors(result.diagnostics)) return result;
  const overrideDiagnostics: Diagnostic[] = [];
  const schemas = buildFormSchemas(result.spec, result.resolved, overrideDiagnostics);
  result.diagnostics = sortDiagnostics([...result.diagnostics, ...overrideDiagnostics]);
  if (hasErrors(overrideDiagnostics)) return result;
  result.schemas = schemas;
  result.releaseName = releaseName(result.spec.id, options.pkgNamePrefix ?? DEFAULT_PKG_NAME_PREFIX);
  result.packageName = packageName(result.releaseName);
  return result;
}

