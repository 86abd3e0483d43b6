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

export type WorkerRequest = CheckRequest;

export type WorkerEnvelope<T> = { id: number; ok: true; value: T } | { id: number; ok: false; error: string };
