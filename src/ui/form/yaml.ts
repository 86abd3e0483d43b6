/**
 * A small block-style YAML emitter for plain JSON data (what run parameters are).
 *
 * The output reads back as the same data under both YAML 1.2 (core schema) and YAML 1.1 loaders
 * such as PyYAML: any string that is not obviously a plain word is written double-quoted with
 * JSON escapes, which YAML's double-quoted style accepts.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The YAML text of `value`, ending in a newline. `undefined` members are left out, as JSON does. */
export function toYaml(value: unknown): string {
  const v = normalise(value);
  if (isBlock(v)) return emitBlock(v, 0).join('\n') + '\n';
  return inline(v) + '\n';
}

/** Drops `undefined`, like `JSON.stringify`, so callers can hand over raw form data. */
function normalise(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((x) => normalise(x));
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, x] of Object.entries(value as Record<string, unknown>)) if (x !== undefined) out[k] = normalise(x);
    return out;
  }
  return String(value);
}

function isBlock(v: Json): v is Json[] | { [key: string]: Json } {
  return v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
}

function emitBlock(v: Json[] | { [key: string]: Json }, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  if (Array.isArray(v)) {
    for (const item of v) {
      if (!isBlock(item)) lines.push(`${pad}- ${inline(item)}`);
      else if (Array.isArray(item)) lines.push(`${pad}-`, ...emitBlock(item, indent + 2));
      else {
        // A mapping inside a sequence starts on the dash's line: `- key: value`.
        const inner = emitBlock(item, indent + 2);
        inner[0] = `${pad}- ${inner[0].slice(indent + 2)}`;
        lines.push(...inner);
      }
    }
    return lines;
  }
  for (const [k, x] of Object.entries(v)) {
    if (isBlock(x)) lines.push(`${pad}${scalar(k)}:`, ...emitBlock(x, indent + 2));
    else lines.push(`${pad}${scalar(k)}: ${inline(x)}`);
  }
  return lines;
}

/** Scalars and empty collections, which stay on their key's line. */
function inline(v: Json): string {
  if (Array.isArray(v)) return '[]';
  if (v !== null && typeof v === 'object') return '{}';
  return scalar(v);
}

// Words that YAML 1.1 or 1.2 would read as something other than a string.
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
// Conservative plain scalars: a letter or underscore first, then word characters, single inner
// spaces, dots, slashes and dashes; never a `: `, ` #` or a trailing space.
const PLAIN = /^[A-Za-z_](?:[A-Za-z0-9_./-]| (?! ))*$/;

function scalar(v: null | boolean | number | string): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    // YAML 1.1 (PyYAML) reads an exponent as a float only after a dot: 1e+21 → 1.0e+21.
    const n = JSON.stringify(v);
    return /^-?\d+e/.test(n) ? n.replace('e', '.0e') : n;
  }
  if (PLAIN.test(v) && !v.endsWith(' ') && !RESERVED.test(v)) return v;
  return quote(v);
}

/** YAML double-quoted style with JSON escapes, plus escapes for the characters YAML treats as breaks or BOM. */
function quote(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
