import type { PreviewGraph } from '../core/compiler/graph/preview-dot.ts';
import type { TaskDescription } from '../core/registry/describe.ts';
import type { Diagnostic } from '../core/util/diagnostics.ts';

/** Messages between the UI and the core worker. Everything here is plain, structured-cloneable data. */

/** A task instance as the panels see it: where it is written and what it runs. */
export interface InstanceSummary {
  id: string;
  name: string;
  task: string;
  /** Title of the enclosing task group. */
  group?: string;
  /** 1-based position of the instance's `id` value in the spec. */
  line: number;
  column: number;
}

export interface EdgeSummary {
  from: string;
  to: string;
  arg: string;
}

export interface CheckRequest {
  type: 'check';
  specText: string;
  registryText: string;
}

export interface CheckResponse {
  diagnostics: Diagnostic[];
  /** Instances in workflow order (present whenever the spec is a mapping, even with errors). */
  instances: InstanceSummary[];
  edges: EdgeSummary[];
  /** What the Workflow graph panel shows: the preview DOT, or why there is none (core's previewGraph). */
  graph?: PreviewGraph;
  /** params.json / rjsf.json text when the spec compiles cleanly. */
  paramsJsonText?: string;
  rjsfJsonText?: string;
  releaseName?: string;
  /** Milliseconds the worker spent. */
  elapsedMs: number;
}

/** Build the whole workflow package and its reproducible zip (the same bytes as `cli compile --zip`). */
export interface PackageRequest {
  type: 'package';
  specText: string;
  registryText: string;
  pkgNamePrefix?: string;
  resultsEnvVar?: string;
  variant?: 'gcp';
  envOverridesText?: string;
  /** A compiled package the user opened: its VERSION.yaml, README and pixi.lock drive the version bump (like `--update`). */
  previous?: { readme?: string; versionYaml?: string; pixiLock?: string };
  /** Also return the zip (otherwise only the files). */
  zip?: boolean;
}

export interface PackageResponse {
  /** The compile's diagnostics, then the package build's. */
  diagnostics: Diagnostic[];
  /** Only the package build's (env-overrides, pixi.toml, graph): a live check does not see these. */
  buildDiagnostics: Diagnostic[];
  releaseName?: string;
  zip?: Uint8Array;
  /** Every file, paths inside the zip (`<release_name>/…`), sorted. */
  files: Array<{ path: string; text: string }>;
  elapsedMs: number;
}

/** Graphviz SVG of the task graph, from the spec or from DOT a check already produced. */
export interface GraphRequest {
  type: 'graph';
  specText?: string;
  dot?: string;
  /** Graphviz's rankdir, for a DOT that sets none (the panel's orientation preference). */
  rankdir?: 'LR' | 'TB';
  /** Graph attribute defaults (a package graph's bounded layout for large graphs). */
  graphAttributes?: Record<string, string>;
}

export interface GraphResponse {
  diagnostics: Diagnostic[];
  dot?: string;
  svg?: string;
  /** Milliseconds the worker spent (Graphviz loading included on first use). */
  elapsedMs?: number;
}

/** Registered tasks as the panels see them: core's descriptions, passed through unchanged. */
export type { ParameterDescription as ParameterSummary, TaskDescription as TaskSummary } from '../core/registry/describe.ts';

export interface RegistryRequest {
  type: 'registry';
  registryText: string;
}

export interface RegistryResponse {
  diagnostics: Diagnostic[];
  tasks: TaskDescription[];
}

/** formdata ↔ params with validation, as `cli convert` does. */
export interface ConvertRequest {
  type: 'convert';
  paramsJsonText: string;
  rjsfJsonText: string;
  from: 'formdata' | 'params';
  data: unknown;
}

export interface ConvertResponse {
  result?: unknown;
  validationErrors?: Array<{ message: string; path: Array<string | number>; validator: string }>;
}

/** The new-workflow wizard: wt-compiler's scaffold questions answered in a form. */
export interface ScaffoldRequest {
  type: 'scaffold';
  answers: Record<string, string | Array<Record<string, string>>>;
  year: number;
  /** Also return the whole project as a zip. */
  zip?: boolean;
}

export interface ScaffoldResponse {
  /** The project folder name (the workflow id). */
  dir: string;
  files: Array<{ path: string; text: string }>;
  diagnostics: Diagnostic[];
  zip?: Uint8Array;
}

export type WorkerRequest = CheckRequest | PackageRequest | GraphRequest | RegistryRequest | ConvertRequest | ScaffoldRequest;
export type WorkerResponse<R extends WorkerRequest> = R extends PackageRequest
  ? PackageResponse
  : R extends GraphRequest
    ? GraphResponse
    : R extends RegistryRequest
      ? RegistryResponse
      : R extends ConvertRequest
        ? ConvertResponse
        : R extends ScaffoldRequest
          ? ScaffoldResponse
          : CheckResponse;

export type WorkerEnvelope<T> = { id: number; ok: true; value: T } | { id: number; ok: false; error: string };
