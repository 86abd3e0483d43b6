import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWorkflow, formdataToParams } from '../../core/compiler/index.ts';
import { fromPlain, isObject, toPlain } from '../../core/util/json-value.ts';
import { parseJson } from '../../core/util/json-parse.ts';
import type { CoreClient } from '../../worker/client.ts';
import type { ConvertRequest, ConvertResponse } from '../../worker/protocol.ts';

/** Test-only: the compiled schemas of a bundled example, and a client that converts in-process like the worker. */

export function exampleSchemas(id = 'wildlife-counts', edit: (spec: string) => string = (s) => s): { rjsfJsonText: string; paramsJsonText: string } {
  // Vitest runs from the repository root.
  const dir = join(process.cwd(), 'public', 'examples', id) + '/';
  const spec = edit(readFileSync(dir + 'spec.yaml', 'utf8'));
  const result = compileWorkflow(spec, readFileSync(dir + 'registry.json', 'utf8'));
  if (!result.schemas) throw new Error(`example ${id} does not compile: ${JSON.stringify(result.diagnostics)}`);
  return { rjsfJsonText: result.schemas.rjsfJsonText, paramsJsonText: result.schemas.paramsJsonText };
}

export function fakeClient(requests: ConvertRequest[] = []): CoreClient {
  return {
    request: async (r: ConvertRequest): Promise<ConvertResponse> => {
      requests.push(r);
      const params = parseJson(r.paramsJsonText).value;
      const rjsf = parseJson(r.rjsfJsonText).value;
      if (!isObject(params) || !isObject(rjsf)) throw new Error('bad schemas');
      const out = formdataToParams(fromPlain(r.data), params, rjsf);
      if ('result' in out) return { result: toPlain(out.result) };
      return { validationErrors: out.validation_errors.map((e) => ({ message: e.message, path: e.path, validator: e.validator })) };
    },
    dispose() {},
  } as unknown as CoreClient;
}
