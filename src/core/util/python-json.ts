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
  const out = new AsciiOut();
  write(value, options.indent, options.sortKeys === true, 0, out);
  return out.text();
}

/** `json.dump(obj, f, indent=2)` followed by a newline, as wt-compiler writes params.json and rjsf.json. */
export function dumpPythonJsonFile(value: JsonValue): string {
  return dumpPythonJson(value, { indent: 2 }) + '\n';
}

/** Reused between dumps (they never nest); dropped after an unusually large one. */
let scratch = new Uint8Array(1 << 14);
const decoder = new TextDecoder();

/**
 * The output as bytes in one growing buffer, decoded once. ensure_ascii makes every character
 * ASCII. Collecting the many small strings instead (an array of tokens, or `+=` ropes) made the
 * dump superlinear in practice: a token array past ~30k elements sits in V8's large-object space
 * where every push takes the slow write barrier, and ropes leave garbage that outlives a scavenge.
 */
class AsciiOut {
  private buf = scratch;
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }

  /** Appends ASCII text (literals, numbers, escape sequences). */
  ascii(s: string): void {
    this.reserve(s.length);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.length = at;
  }

  byte(c: number): void {
    if (this.length === this.buf.length) this.reserve(1);
    this.buf[this.length++] = c;
  }

  /** A newline and `spaces` spaces. */
  newline(spaces: number): void {
    this.reserve(spaces + 1);
    const buf = this.buf;
    buf[this.length] = 0x0a;
    buf.fill(0x20, this.length + 1, this.length + 1 + spaces);
    this.length += spaces + 1;
  }

  /** A string literal with Python's ensure_ascii escaping, written without building it first. */
  quoted(s: string): void {
    this.reserve(s.length + 2);
    let buf = this.buf;
    let at = this.length;
    buf[at++] = 0x22;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) {
        if (at === buf.length) {
          this.length = at;
          this.reserve(s.length - i + 1);
          buf = this.buf;
        }
        buf[at++] = c;
        continue;
      }
      this.length = at;
      this.ascii(SHORT_ESCAPES[s[i]] ?? '\\u' + c.toString(16).padStart(4, '0'));
      // Room for the rest of the string and the closing quote again.
      this.reserve(s.length - i + 1);
      buf = this.buf;
      at = this.length;
    }
    if (at === buf.length) {
      this.length = at;
      this.reserve(1);
      buf = this.buf;
    }
    buf[at++] = 0x22;
    this.length = at;
  }

  text(): string {
    const text = decoder.decode(this.buf.subarray(0, this.length));
    scratch = this.buf.length > 1 << 22 ? new Uint8Array(1 << 14) : this.buf;
    return text;
  }
}

const COMMA = 0x2c;

function write(value: JsonValue, indent: number | undefined, sortKeys: boolean, depth: number, out: AsciiOut): void {
  if (value === null) out.ascii('null');
  else if (value === true) out.ascii('true');
  else if (value === false) out.ascii('false');
  else if (typeof value === 'string') out.quoted(value);
  else if (typeof value === 'number') out.ascii(Number.isInteger(value) ? intString(value) : pythonFloatRepr(value));
  else if (typeof value === 'bigint') out.ascii(value.toString());
  else if (value instanceof PyFloat) out.ascii(pythonFloatRepr(value.value));
  else if (Array.isArray(value)) {
    if (value.length === 0) return void out.ascii('[]');
    out.byte(0x5b);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.byte(COMMA);
      if (indent === undefined) {
        if (i > 0) out.byte(0x20);
      } else out.newline((depth + 1) * indent);
      write(value[i], indent, sortKeys, depth + 1, out);
    }
    if (indent !== undefined) out.newline(depth * indent);
    out.byte(0x5d);
  } else {
    if (value.size === 0) return void out.ascii('{}');
    let keys: Iterable<string> = value.keys();
    if (sortKeys) keys = [...keys].sort(compareCodePoints);
    out.byte(0x7b);
    let first = true;
    for (const key of keys) {
      if (!first) out.byte(COMMA);
      if (indent === undefined) {
        if (!first) out.byte(0x20);
      } else out.newline((depth + 1) * indent);
      first = false;
      out.quoted(key);
      out.ascii(': ');
      write(value.get(key)!, indent, sortKeys, depth + 1, out);
    }
    if (indent !== undefined) out.newline(depth * indent);
    out.byte(0x7d);
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
