/**
 * The JSON value model shared by the spec, registry and compiler.
 *
 * Python keeps int and float apart (`1` vs `1.0`) and dicts keep insertion order for every key,
 * including integer-like ones. Plain JS objects reorder integer-like keys and numbers lose the
 * int/float distinction, so objects are `Map`s and floats are wrapped in `PyFloat`.
 */

/** A Python float: serialised with Python's `repr` (`1.0`, `-90.0`, `1e-05`). */
export class PyFloat {
  constructor(readonly value: number) {}
}

export type JsonObject = Map<string, JsonValue>;
export type JsonArray = JsonValue[];
/** ints are `number` (or `bigint` beyond 2^53), floats are `PyFloat`. */
export type JsonValue = null | boolean | number | bigint | PyFloat | string | JsonArray | JsonObject;

/** True when the value is a JSON object (an ordered map). */
export function isObject(value: JsonValue | undefined): value is JsonObject {
  return value instanceof Map;
}

/** Deep copy; strings, numbers and PyFloats are immutable and shared. */
export function deepClone<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map(deepClone) as T;
  if (value instanceof Map) {
    const out: JsonObject = new Map();
    for (const [k, v] of value as JsonObject) out.set(k, deepClone(v));
    return out as T;
  }
  return value;
}

/** Builds an ordered object from entries, skipping undefined values. */
export function obj(entries: Array<[string, JsonValue | undefined]>): JsonObject {
  const out: JsonObject = new Map();
  for (const [k, v] of entries) if (v !== undefined) out.set(k, v);
  return out;
}

/** Converts to plain JS (for Ajv, RJSF, React): floats become numbers, maps become objects. */
export function toPlain(value: JsonValue): unknown {
  if (value instanceof PyFloat) return value.value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) {
      // defineProperty: a key named "__proto__" must stay data, not rewire the prototype.
      Object.defineProperty(out, k, { value: toPlain(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/**
 * Converts plain JS (e.g. RJSF form data) back to the model. Non-integral numbers become floats;
 * integral numbers become ints, which is what Python's json module would read back from JS output.
 */
export function fromPlain(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? value : new PyFloat(value);
  if (typeof value === 'boolean' || typeof value === 'string' || typeof value === 'bigint') return value;
  if (value instanceof PyFloat) return value;
  if (Array.isArray(value)) return value.map(fromPlain);
  if (value instanceof Map) return value as JsonObject;
  const out: JsonObject = new Map();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out.set(k, fromPlain(v));
  return out;
}

/** Structural equality: int and float differ, key order does not matter. */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a instanceof PyFloat || b instanceof PyFloat) {
    return a instanceof PyFloat && b instanceof PyFloat && Object.is(a.value, b.value);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEquals(x, b[i]));
  }
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !jsonEquals(v, b.get(k)!)) return false;
    return true;
  }
  // Parsers keep ints within 2^53 as numbers, so a bigint never equals a number.
  return a === b;
}
