import type { Diagnostic } from '../core/util/diagnostics.ts';

/** Messages between the UI and the core worker. */

export interface CheckRequest {
  type: 'check';
  specText: string;
  registryText: string;
}

export interface CheckResponse {
  diagnostics: Diagnostic[];
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
}

export interface PackageResponse {
  diagnostics: Diagnostic[];
  releaseName?: string;
  zip?: Uint8Array;
  /** Paths inside the zip, sorted. */
  paths: string[];
  elapsedMs: number;
}

/** The task graph as DOT and Graphviz SVG (the page rasterises it to graph.png). */
export interface GraphRequest {
  type: 'graph';
  specText: string;
}

export interface GraphResponse {
  diagnostics: Diagnostic[];
  dot?: string;
  svg?: string;
}

export type WorkerRequest = CheckRequest | PackageRequest | GraphRequest;
export type WorkerResponse<R extends WorkerRequest> = R extends PackageRequest ? PackageResponse : R extends GraphRequest ? GraphResponse : CheckResponse;

export type WorkerEnvelope<T> = { id: number; ok: true; value: T } | { id: number; ok: false; error: string };
