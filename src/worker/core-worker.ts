/// <reference lib="webworker" />
import { graphEdges } from '../core/compiler/graph/graph-dot.ts';
import { previewGraph } from '../core/compiler/graph/preview-dot.ts';
import { buildPackage, compileWorkflow, formdataToParams, indexRegistry, isCompiled, paramsToFormdata, type RegistryInput } from '../core/compiler/index.ts';
import { describeRegistry, type RegistryIndex } from '../core/registry/index.ts';
import { scaffoldFiles } from '../core/scaffold/index.ts';
import { flatInstances } from '../core/spec/index.ts';
import { hasErrors, type Diagnostic } from '../core/util/diagnostics.ts';
import { parseJson } from '../core/util/json-parse.ts';
import { fromPlain, isObject, toPlain } from '../core/util/json-value.ts';
import { reproducibleZip } from '../core/util/zip.ts';
import type {
  CheckRequest,
  CheckResponse,
  ConvertRequest,
  ConvertResponse,
  GraphResponse,
  PackageRequest,
  PackageResponse,
  RegistryRequest,
  RegistryResponse,
  ScaffoldRequest,
  ScaffoldResponse,
  WorkerRequest,
} from './protocol.ts';
import { Channel } from './channel.ts';
import { serve } from './serve.ts';

/** Hosts core in a Web Worker so parsing, compiling and packaging never block the page. */

// The registry changes rarely and is large: index it once per distinct text.
let cachedRegistry: { text: string; index?: RegistryIndex; diagnostics: Diagnostic[] } | undefined;

function registryFor(text: string): { input: RegistryInput; diagnostics: Diagnostic[] } {
  if (cachedRegistry?.text !== text) cachedRegistry = { text, ...indexRegistry(text) };
  return { input: cachedRegistry.index ?? text, diagnostics: cachedRegistry.index ? cachedRegistry.diagnostics : [] };
}

function check(request: CheckRequest): CheckResponse {
  const started = performance.now();
  const registry = registryFor(request.registryText);
  const result = compileWorkflow(request.specText, registry.input);
  const spec = result.spec;
  const flat = spec ? flatInstances(spec) : [];
  const instances = flat.map((t) => ({ id: t.id, name: t.name, task: t.task, group: t.group, line: t.idRange.start.line, column: t.idRange.start.column }));
  return {
    diagnostics: [...registry.diagnostics, ...result.diagnostics],
    instances,
    edges: flat.flatMap(graphEdges),
    graph: previewGraph(spec, result.diagnostics),
    paramsJsonText: result.schemas?.paramsJsonText,
    rjsfJsonText: result.schemas?.rjsfJsonText,
    releaseName: result.releaseName,
    elapsedMs: performance.now() - started,
  };
}

async function packageFiles(request: PackageRequest): Promise<PackageResponse> {
  const started = performance.now();
  const done = (r: Omit<PackageResponse, 'elapsedMs'>) => ({ ...r, elapsedMs: performance.now() - started });
  const result = compileWorkflow(request.specText, registryFor(request.registryText).input, { pkgNamePrefix: request.pkgNamePrefix });
  if (!isCompiled(result)) return done({ diagnostics: result.diagnostics, buildDiagnostics: [], files: [] });
  const pkg = await buildPackage(result, {
    resultsEnvVar: request.resultsEnvVar,
    variant: request.variant,
    envOverrides: request.envOverridesText === undefined ? undefined : { text: request.envOverridesText, path: '/workspace/env-overrides.toml', folderUnknown: true },
    previous: request.previous,
    renderSvg: graphWorker && ((dot, graphAttributes) => graphWorker!.request({ type: 'graph', dot, graphAttributes }) as Promise<GraphResponse>),
  });
  const diagnostics = [...result.diagnostics, ...pkg.diagnostics];
  if (hasErrors(diagnostics)) return done({ diagnostics, buildDiagnostics: pkg.diagnostics, files: [] });
  const files = pkg.files.map((f) => ({ path: `${result.releaseName}/${f.path}`, text: f.text }));
  const zip = request.zip ? await reproducibleZip(files.map((f) => ({ path: f.path, content: f.text }))) : undefined;
  return done({ diagnostics, buildDiagnostics: pkg.diagnostics, releaseName: result.releaseName, zip, files });
}

function registry(request: RegistryRequest): RegistryResponse {
  registryFor(request.registryText);
  return { diagnostics: cachedRegistry!.diagnostics, tasks: cachedRegistry!.index ? describeRegistry(cachedRegistry!.index) : [] };
}

function convert(request: ConvertRequest): ConvertResponse {
  const params = parseJson(request.paramsJsonText).value;
  const rjsf = parseJson(request.rjsfJsonText).value;
  if (!isObject(params) || !isObject(rjsf)) return { validationErrors: [{ message: 'the compiled schemas are not available', path: [], validator: 'schema' }] };
  const data = fromPlain(request.data);
  const r = request.from === 'formdata' ? formdataToParams(data, params, rjsf) : paramsToFormdata(data, params, rjsf);
  if ('result' in r) return { result: toPlain(r.result) };
  return { validationErrors: r.validation_errors.map((e) => ({ message: e.message, path: e.path, validator: e.validator })) };
}

async function scaffold(request: ScaffoldRequest): Promise<ScaffoldResponse> {
  const r = scaffoldFiles(request.answers, { year: request.year });
  const zip = request.zip && r.files.length > 0 ? await reproducibleZip(r.files.map((f) => ({ path: `${r.dir}/${f.path}`, content: f.text }))) : undefined;
  return { ...r, zip };
}

function answer(request: WorkerRequest): Promise<unknown> | unknown {
  switch (request.type) {
    case 'scaffold':
      return scaffold(request);
    case 'package':
      return packageFiles(request);
    case 'graph':
      throw new Error('graph requests go to the graph worker');
    case 'registry':
      return registry(request);
    case 'convert':
      return convert(request);
    default:
      return check(request);
  }
}

// Package builds lay out graph.svg in the graph worker: while one waits for it, this worker goes on
// answering checks.
let graphWorker: Channel | undefined;
// A new port means the graph worker was restarted: a layout waited for on the old one never comes.
serve(answer, {
  onPort: (port) => {
    graphWorker?.fail('the graph worker was restarted');
    graphWorker = new Channel(port);
  },
});
