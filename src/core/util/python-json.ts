import { PyFloat, type JsonValue } from './json-value.ts';

/**
 * Python's `json.dumps` output format, byte for byte: `ensure_ascii` escapes, `repr` floats,
 * `indent` layout with `": "`, and `sort_keys` in code-point order. Hand-written because no JS
 * serializer reproduces CPython's float repr and separators.
 */
export interface PythonJsonOptions {
  /** `json.dumps(indent=N)`; omitted = single line with `", "` / `": "` separators. */
  indent?: number;
  sortKeys?: boolean;
}

/** Serialises like CPython `json.dumps(value, indent=…, sort_keys=…)` with ensure_ascii on. */
export function dumpPythonJson(value: JsonValue, options: PythonJsonOptions = {}): string {
  const parts: string[] = [];
  write(value, options, '', parts);
  return parts.join('');
}

/** `json.dump(obj, f, indent=2)` followed by a newline, as wt-compiler writes params.json and rjsf.json. */
export function dumpPythonJsonFile(value: JsonValue): string {
  return dumpPythonJson(value, { indent: 2 }) + '\n';
}

function write(value: JsonValue, options: PythonJsonOptions, indent: string, out: string[]): void {
  if (value === null) out.push('null');
  else if (value === true) out.push('true');
  else if (value === false) out.push('false');
  else if (typeof value === 'string') out.push(quotePythonString(value));
  else if (typeof value === 'number') out.push(Number.isInteger(value) ? intString(value) : pythonFloatRepr(value));
  else if (typeof value === 'bigint') out.push(value.toString());
  else if (value instanceof PyFloat) out.push(pythonFloatRepr(value.value));
  else if (Array.isArray(value)) {
    if (value.length === 0) return void out.push('[]');
    const inner = options.indent === undefined ? undefined : indent + ' '.repeat(options.indent);
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(inner === undefined ? ', ' : ',');
      if (inner !== undefined) out.push('\n', inner);
      write(item, options, inner ?? '', out);
    });
    if (inner !== undefined) out.push('\n', indent);
    out.push(']');
  } else {
    if (value.size === 0) return void out.push('{}');
    const inner = options.indent === undefined ? undefined : indent + ' '.repeat(options.indent);
    const keys = [...value.keys()];
    if (options.sortKeys) keys.sort(compareCodePoints);
    out.push('{');
    keys.forEach((key, i) => {
      if (i > 0) out.push(inner === undefined ? ', ' : ',');
      if (inner !== undefined) out.push('\n', inner);
      out.push(quotePythonString(key), ': ');
      write(value.get(key)!, options, inner ?? '', out);
    });
    if (inner !== undefined) out.push('\n', indent);
    out.push('}');
  }
}

function intString(n: number): string {
  // -0 is a float in JS only; an int zero prints as 0.
  return Object.is(n, -0) ? '0' : String(n);
}

/** Python `repr(float)`: shortest round-trip digits, scientific outside 1e-4 <= |x| < 1e16. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() without digits yields the shortest round-trip mantissa, like CPython's repr.
  const [mantissa, expText] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const decpt = exp + 1; // position of the decimal point relative to the digit string
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
    if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
    return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  const frac = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = exp < 0 ? `-${String(-exp).padStart(2, '0')}` : `+${String(exp).padStart(2, '0')}`;
  return `${sign}${frac}e${e}`;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

// Anything but printable ASCII without `"` and `\` needs the slow path.
const NEEDS_ESCAPE = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;

/** A JSON string literal with Python's ensure_ascii escaping (lowercase `\uXXXX`, per UTF-16 unit). */
export function quotePythonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(start, i);
    const ch = s[i];
    out += SHORT_ESCAPES[ch] ?? '\\u' + c.toString(16).padStart(4, '0');
    start = i + 1;
  }
  return out + s.slice(start) + '"';
}

/** Orders strings by Unicode code point, as Python sorts `str` (JS sorts UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
