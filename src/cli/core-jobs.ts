import {
  buildPackage,
  checkSpec,
  compileWorkflow,
  formdataToParams,
  isCompiled,
  paramsToFormdata,
  type CompiledWorkflow,
  type PackageOptions,
  type ValidationErrorRecord,
} from '../core/compiler/index.ts';
import { readIfExists } from './read-if-exists.ts';
import { parseJson } from '../core/util/json-parse.ts';
import { isObject, type JsonObject, type JsonValue } from '../core/util/json-value.ts';
import { dumpPythonJson } from '../core/util/python-json.ts';

/**
 * The core calls of the CLI, run in the core worker thread (core-worker.ts) so that the watchdog
 * in core-call.ts can stop one that never finishes. Arguments and results cross the thread
 * boundary by structured clone; the compiled workflow stays here between `compile` and `build`.
 */

let compiled: CompiledWorkflow | undefined;

function toJsonRecord(e: ValidationErrorRecord): JsonObject {
  return new Map<string, JsonValue>([
    ['message', e.message],
    ['path', e.path],
    ['schema_path', e.schema_path],
    ['validator', e.validator],
    ['input', e.input],
  ]);
}

/** The job table: name → function. */
export const coreJobs = {
  check(specText: string, registryText: string) {
    return checkSpec(specText, registryText).diagnostics;
  },
  compile(specText: string, registryText: string, pkgNamePrefix: string | undefined) {
    const result = compileWorkflow(specText, registryText, { pkgNamePrefix });
    compiled = isCompiled(result) ? result : undefined;
    return { diagnostics: result.diagnostics, releaseName: compiled?.releaseName };
  },
  async build(options: Omit<PackageOptions, 'readFile' | 'renderSvg'>) {
    if (!compiled) throw new Error('build before a successful compile');
    const pkg = await buildPackage(compiled, { ...options, readFile: readIfExists });
    return { files: pkg.files, diagnostics: pkg.diagnostics, version: pkg.version };
  },
  /** `convert`: the printed JSON and whether it is a result, or which text is not a JSON object. */
  convert(pair: 'formdata->params' | 'params->formdata', paramsText: string, rjsfText: string, inputText: string) {
    const texts = { 'params-json': paramsText, rjsf: rjsfText, input: inputText } as const;
    const values: Partial<Record<keyof typeof texts, JsonObject>> = {};
    for (const what of ['params-json', 'rjsf', 'input'] as const) {
      const parsed = parseJson(texts[what], what);
      if (!isObject(parsed.value)) return { kind: 'not-object' as const, what, diagnostic: parsed.diagnostics[0] };
      values[what] = parsed.value;
    }
    const [input, params, rjsf] = [values.input!, values['params-json']!, values.rjsf!];
    const result = pair === 'formdata->params' ? formdataToParams(input, params, rjsf) : paramsToFormdata(input, params, rjsf);
    const payload: JsonObject = 'result' in result ? new Map([['result', result.result]]) : new Map([['validation_errors', result.validation_errors.map(toJsonRecord)]]);
    return { kind: 'output' as const, output: dumpPythonJson(payload, { indent: 2 }), ok: 'result' in result };
  },
};

export type CoreJobs = typeof coreJobs;
