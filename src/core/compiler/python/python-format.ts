import { isObject, PyFloat, type JsonValue } from '../../util/json-value.ts';
import { pythonFloatRepr } from '../../util/python-json.ts';

/**
 * Python source formatting the way ruff formats it, for the shapes the generators emit:
 * double-quoted strings, 4-space indents, and bracketed expressions that stay on one line when
 * they fit in 88 columns and otherwise put one item per line with a trailing comma.
 */

export const LINE_LENGTH = 88;
export const INDENT = '    ';

/** A Python expression: plain text, or a bracketed list of items that may break across lines. */
export type Expr = string | Bracketed;

export interface Bracketed {
  /** Text before the opening bracket, e.g. `.partial` or `dict`. */
  head: string;
  open: '(' | '[' | '{';
  items: Expr[];
  close: ')' | ']' | '}';
  /** A one-element tuple needs its comma even on one line. */
  singleTupleComma?: boolean;
  /** A list/dict display: once broken, always one item per line (calls may keep their arguments on one line). */
  collection: boolean;
}

/** Builds a bracketed expression; `[`/`{` with no head is a collection display. */
export function bracket(head: string, open: Bracketed['open'], items: Expr[], close: Bracketed['close']): Bracketed {
  return { head, open, items, close, collection: head === '' && open !== '(' };
}

/** The expression on one line. */
export function flat(e: Expr): string {
  if (typeof e === 'string') return e;
  const inner = e.items.map(flat).join(', ');
  return `${e.head}${e.open}${inner}${e.singleTupleComma ? ',' : ''}${e.close}`;
}

/** Renders an expression starting at column `indent.length + prefix.length`, breaking brackets that don't fit. */
export function render(e: Expr, indent: string, prefixLength = 0, suffixLength = 0): string {
  const one = flat(e);
  if (typeof e === 'string' || indent.length + prefixLength + one.length + suffixLength <= LINE_LENGTH || e.items.length === 0) return one;
  const inner = indent + INDENT;
  // Like black/ruff: call arguments first try one indented line; collections with several items never do.
  const body = e.items.map(flat).join(', ') + (e.singleTupleComma ? ',' : '');
  const hug = !e.collection || e.items.length === 1;
  if (hug && inner.length + body.length <= LINE_LENGTH) return `${e.head}${e.open}\n${inner}${body}\n${indent}${e.close}`;
  const lines = e.items.map((item) => inner + render(item, inner, 0, 1) + ',');
  return `${e.head}${e.open}\n${lines.join('\n')}\n${indent}${e.close}`;
}

/** A Python string literal as ruff writes it: double quotes unless that needs more escapes than single. */
export function pyString(s: string): string {
  const quote = s.includes('"') && !s.includes("'") ? "'" : '"';
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if ((c >= 0x80 && c < 0xa0) || c === 0xad) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + quote;
}

/** A Python literal for a JSON value (`None`, `True`, `1.0`, `float("inf")`, dicts and lists). */
export function pyLiteral(v: JsonValue): Expr {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return pyString(v);
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof PyFloat) return pyFloat(v.value);
  if (Array.isArray(v)) return bracket('', '[', v.map(pyLiteral), ']');
  if (isObject(v)) return bracket('', '{', [...v].map(([k, x]) => keyed(pyString(k) + ': ', pyLiteral(x))), '}');
  return 'None';
}

/** A float literal; infinities and NaN have no literal form in Python. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'float("nan")';
  if (x === Infinity) return 'float("inf")';
  if (x === -Infinity) return '-float("inf")';
  return pythonFloatRepr(x);
}

/** `key: value` / `name=value` where the value may break. */
export function keyed(prefix: string, value: Expr): Expr {
  if (typeof value === 'string') return prefix + value;
  return { ...value, head: prefix + value.head };
}

/** Sorted import block: stdlib, third party and local sections, `import x` before `from x import y`. */
export function importBlock(sections: string[][]): string {
  return sections
    .map((lines) => [...new Set(lines)].sort(compareImports))
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.map(wrapImport).join('\n'))
    .join('\n\n');
}

/** `from m import (\n    a as b,\n)` when the one-line form is longer than the line length. */
function wrapImport(line: string): string {
  const m = /^from (\S+) import (.+?)(  # .*)?$/.exec(line);
  if (!m || line.length <= LINE_LENGTH) return line;
  const names = m[2].split(', ').map((n) => `${INDENT}${n},\n`).join('');
  return `from ${m[1]} import (${m[3] ?? ''}\n${names})`;
}

function compareImports(a: string, b: string): number {
  const kind = (s: string) => (s.startsWith('import ') ? 0 : 1);
  const key = (s: string) => s.replace(/^(import|from) /, '').toLowerCase();
  return kind(a) - kind(b) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}
