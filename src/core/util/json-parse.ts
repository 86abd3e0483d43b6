import { LineIndex, type Diagnostic, type Range } from './diagnostics.ts';
import { PyFloat, type JsonArray, type JsonObject, type JsonValue } from './json-value.ts';

/**
 * A JSON reader that keeps what the compiler needs and JSON.parse drops: int vs float identity
 * (`1` vs `1.0`, as Python's json module reads them), key order, and the source offset of every
 * key and value for positioned diagnostics. Like Python's `json.loads` it accepts `NaN` and
 * `Infinity` and lets a repeated key keep its first position but take the last value.
 */

export interface JsonLocation {
  /** Offset of the container's opening bracket. */
  start: number;
  /** Per key (objects) or per index (arrays): offsets of the key and of the value. */
  keys: Map<string, number>;
  values: Map<string | number, number>;
}

export interface ParsedJson {
  value: JsonValue | undefined;
  diagnostics: Diagnostic[];
  lines: LineIndex;
  /** Source locations of every object and array in `value`. */
  locations: WeakMap<JsonObject | JsonArray, JsonLocation>;
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 512;

/** Parses JSON text; never throws, reports a positioned `json-syntax` diagnostic instead. */
export function parseJson(text: string, source?: string): ParsedJson {
  const lines = new LineIndex(text);
  const locations = new WeakMap<JsonObject | JsonArray, JsonLocation>();
  let i = 0;

  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(message, at);
  };
  const describe = (at: number) => (at >= text.length ? 'end of input' : JSON.stringify(text[at]));
  const skipWs = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };

  const parseValue = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
    skipWs();
    const c = text[i];
    if (c === '{') return parseObject(depth);
    if (c === '[') return parseArray(depth);
    if (c === '"') return parseString();
    if (c === '-' || (c >= '0' && c <= '9')) return parseNumber();
    for (const [word, value] of WORDS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail(`expected a value but found ${describe(i)}`);
  };

  const parseObject = (depth: number): JsonObject => {
    const out: JsonObject = new Map();
    const loc: JsonLocation = { start: i, keys: new Map(), values: new Map() };
    locations.set(out, loc);
    i++;
    skipWs();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      skipWs();
      if (text[i] !== '"') fail(`expected a property name in double quotes but found ${describe(i)}`);
      const keyAt = i;
      const key = parseString();
      skipWs();
      if (text[i] !== ':') fail(`expected ':' after property name but found ${describe(i)}`);
      i++;
      skipWs();
      const valueAt = i;
      const value = parseValue(depth + 1);
      if (!loc.keys.has(key)) loc.keys.set(key, keyAt);
      loc.values.set(key, valueAt);
      out.set(key, value);
      skipWs();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return out;
      }
      fail(`expected ',' or '}' but found ${describe(i)}`);
    }
  };

  const parseArray = (depth: number): JsonArray => {
    const out: JsonArray = [];
    const loc: JsonLocation = { start: i, keys: new Map(), values: new Map() };
    locations.set(out, loc);
    i++;
    skipWs();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      skipWs();
      loc.values.set(out.length, i);
      out.push(parseValue(depth + 1));
      skipWs();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return out;
      }
      fail(`expected ',' or ']' but found ${describe(i)}`);
    }
  };

  const parseString = (): string => {
    const start = i;
    i++;
    let out = '';
    let chunk = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('control character in string: escape it (e.g. \\n)');
      if (c === 0x5c) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape: expected four hex digits');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          const mapped = ESCAPES[e];
          if (mapped === undefined) fail(`invalid escape \\${e ?? ''}`);
          out += mapped;
          i += 2;
        }
        chunk = i;
        continue;
      }
      i++;
    }
    return fail('unterminated string', start);
  };

  const parseNumber = (): JsonValue => {
    const m = NUMBER.exec(text.slice(i, i + 400));
    if (text.startsWith('-Infinity', i)) {
      i += 9;
      return new PyFloat(-Infinity);
    }
    if (!m) return fail(`invalid number`);
    i += m[0].length;
    const lexeme = m[0];
    if (m[1] === undefined && m[2] === undefined) {
      const n = Number(lexeme);
      return Number.isSafeInteger(n) ? n : BigInt(lexeme);
    }
    // Like Python's json.loads, a float beyond double range (`1e400`) reads as infinity.
    return new PyFloat(Number(lexeme));
  };

  try {
    // A UTF-8 byte order mark (editors on Windows write one) is not part of the JSON text.
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    const value = parseValue(0);
    skipWs();
    if (i < text.length) fail(`unexpected ${describe(i)} after the JSON value`);
    return { value, diagnostics: [], lines, locations };
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const range: Range = lines.range(e.offset, Math.min(e.offset + 1, text.length));
    const d: Diagnostic = { severity: 'error', code: 'json-syntax', message: `invalid JSON: ${e.message}`, range };
    if (source) d.source = source;
    return { value: undefined, diagnostics: [d], lines, locations };
  }
}

const NUMBER = /^-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/;
const WORDS: Array<[string, JsonValue]> = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['NaN', new PyFloat(NaN)],
  ['Infinity', new PyFloat(Infinity)],
];
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
