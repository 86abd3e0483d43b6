/**
 * A TOML serializer with tomli_w's layout (what wt-compiler writes pixi.toml with): per table, plain
 * values first, then one `[a.b]` section per sub-table separated by blank lines; a header only for
 * tables that hold values or are empty; non-empty arrays one item per line with a trailing comma;
 * basic strings with `"`, `\` and control characters escaped. Numbers are written with `String()`: pass integers.
 */

export type TomlScalar = string | boolean | number;
export type TomlArray = readonly (TomlScalar | TomlArray)[];
export type TomlValue = TomlScalar | TomlArray | TomlTable;

/** An ordered table (a `Map` keeps keys like `"2048"` in insertion order, unlike an object). */
export class TomlTable {
  readonly entries = new Map<string, TomlValue>();

  /** Sets `key` (keeping its first position) and returns the table, for chaining. */
  set(key: string, value: TomlValue): this {
    this.entries.set(key, value);
    return this;
  }

  /** The sub-table at `key`, created empty when missing. */
  table(key: string): TomlTable {
    const existing = this.entries.get(key);
    if (existing instanceof TomlTable) return existing;
    const t = new TomlTable();
    this.entries.set(key, t);
    return t;
  }
}

/** Serializes a table the way `tomli_w.dumps` does. */
export function writeToml(root: TomlTable): string {
  return [...chunks(root, '')].join('');
}

function* chunks(table: TomlTable, name: string): Generator<string> {
  const literals: [string, TomlScalar | TomlArray][] = [];
  const tables: [string, TomlTable][] = [];
  for (const [k, v] of table.entries) {
    if (v instanceof TomlTable) tables.push([k, v]);
    else literals.push([k, v]);
  }
  let yielded = false;
  if (name && (literals.length > 0 || tables.length === 0)) {
    yielded = true;
    yield `[${name}]\n`;
  }
  for (const [k, v] of literals) {
    yielded = true;
    yield `${formatKey(k)} = ${formatValue(v, 0)}\n`;
  }
  for (const [k, v] of tables) {
    if (yielded) yield '\n';
    yielded = true;
    yield* chunks(v, name ? `${name}.${formatKey(k)}` : formatKey(k));
  }
}

/** A bare key when it only has `A-Za-z0-9_-`, else a quoted one. */
export function formatKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : formatString(key);
}

const ESCAPES: Record<string, string> = { '\b': '\\b', '\n': '\\n', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

/** A TOML basic string: escapes like tomli_w (tab stays literal, other controls as `\uXXXX`). */
export function formatString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch in ESCAPES) out += ESCAPES[ch];
    else if ((code < 0x20 && ch !== '\t') || code === 0x7f) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

function formatValue(v: TomlScalar | TomlArray, level: number): string {
  if (typeof v === 'string') return formatString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
    return String(v);
  }
  if (v.length === 0) return '[]';
  const indent = '    '.repeat(level + 1);
  return `[\n${v.map((item) => `${indent}${formatValue(item, level + 1)},\n`).join('')}${'    '.repeat(level)}]`;
}
