import { isObject, type JsonValue } from '../util/json-value.ts';
import { dumpPythonJson } from '../util/python-json.ts';
import { sha256Hex } from '../util/sha256.ts';

const DROPPED_KEYS = new Set(['title', 'description', 'default', 'uiSchema']);

/** Drops every dict key named title/description/default/uiSchema, at any depth (property names too, as upstream). */
function clean(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(clean);
  if (isObject(value)) {
    const out = new Map<string, JsonValue>();
    for (const [k, v] of value) if (!DROPPED_KEYS.has(k)) out.set(k, clean(v));
    return out;
  }
  return value;
}

/** The canonical text `params_sha256` hashes: sorted keys, Python separators, ensure_ascii. */
export function paramsHashInput(params: JsonValue): string {
  return dumpPythonJson(clean(params), { sortKeys: true });
}

/** wt-compiler's `params_sha256` of a params.json value (README fingerprint, version bump). */
export function paramsSha256(params: JsonValue): Promise<string> {
  return sha256Hex(paramsHashInput(params));
}
