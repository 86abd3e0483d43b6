import { DOCUMENT_START, LineIndex, type Range } from '../util/diagnostics.ts';

/**
 * Source ranges of the keys of a TOML document, found by a line scan (smol-toml reports none).
 * Knows `[table]` / `[[array]]` headers, dotted and quoted keys and one-line inline tables;
 * anything it cannot place falls back to the nearest enclosing key it did find.
 */
export class TomlKeyLocator {
  private readonly ranges = new Map<string, Range>();
  private readonly index: LineIndex;

  constructor(text: string) {
    this.index = new LineIndex(text);
    this.scan(text);
  }

  /** The range of the key at `path`, else of its nearest located ancestor, else the document start. */
  range(path: readonly string[]): Range {
    for (let n = path.length; n > 0; n--) {
      const r = this.ranges.get(pathKey(path.slice(0, n)));
      if (r) return r;
    }
    return DOCUMENT_START;
  }

  /** Records `path` and each of its prefixes (`[feature.gpu.dependencies]` also places `feature.gpu`); the first place wins. */
  private record(path: string[], start: number, end: number): void {
    for (let n = 1; n <= path.length; n++) {
      const key = pathKey(path.slice(0, n));
      if (!this.ranges.has(key)) this.ranges.set(key, this.index.range(start, end));
    }
  }

  private scan(text: string): void {
    let table: string[] = [];
    let multiline: '"""' | "'''" | undefined;
    let offset = 0;
    for (const line of text.split('\n')) {
      const lineStart = offset;
      offset += line.length + 1;
      if (multiline) {
        if (line.includes(multiline)) multiline = undefined;
        continue;
      }
      const lead = line.length - line.trimStart().length;
      const rest = line.slice(lead);
      if (rest === '' || rest.startsWith('#')) continue;
      if (rest.startsWith('[')) {
        const double = rest.startsWith('[[');
        const keys = readKeyPath(line, lead + (double ? 2 : 1));
        if (keys) {
          table = keys.path;
          this.record(table, lineStart + lead, lineStart + keys.end + (double ? 2 : 1));
        }
        continue;
      }
      const keys = readKeyPath(line, lead);
      if (!keys || line[keys.end] !== '=') continue;
      const path = [...table, ...keys.path];
      this.record(path, lineStart + keys.start, lineStart + keys.keyEnd);
      const value = line.slice(keys.end + 1);
      for (const delim of ['"""', "'''"] as const) {
        if (value.split(delim).length % 2 === 0) multiline = delim;
      }
      const brace = skipSpace(line, keys.end + 1);
      if (line[brace] === '{') this.scanInline(line, brace, path, lineStart);
    }
  }

  /** Records the keys of a one-line inline table starting at `open` (nested tables too). */
  private scanInline(line: string, open: number, path: string[], lineStart: number): number {
    let i = open + 1;
    while (i < line.length) {
      i = skipSpace(line, i);
      if (line[i] === '}') return i + 1;
      if (line[i] === ',') {
        i++;
        continue;
      }
      const keys = readKeyPath(line, i);
      if (!keys || line[keys.end] !== '=') return line.length;
      const inner = [...path, ...keys.path];
      this.record(inner, lineStart + keys.start, lineStart + keys.keyEnd);
      i = skipSpace(line, keys.end + 1);
      i = line[i] === '{' ? this.scanInline(line, i, inner, lineStart) : skipValue(line, i);
    }
    return i;
  }
}

function pathKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

/** Skips a scalar or array value up to the next `,` or `}` at depth 0. */
function skipValue(s: string, i: number): number {
  let depth = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '"' || c === "'") {
      i = skipString(s, i);
      continue;
    }
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (c === ',' && depth === 0) return i;
    i++;
  }
  return i;
}

function skipString(s: string, i: number): number {
  const q = s[i];
  i++;
  while (i < s.length && s[i] !== q) i += q === '"' && s[i] === '\\' ? 2 : 1;
  return i + 1;
}

/**
 * Reads `a.b."c.d"` from position `i`. `end` is just past the trailing whitespace (at `=`, `]` or
 * whatever follows); `keyEnd` is just past the last key part.
 */
function readKeyPath(s: string, i: number): { path: string[]; start: number; keyEnd: number; end: number } | undefined {
  const path: string[] = [];
  i = skipSpace(s, i);
  const start = i;
  let keyEnd = i;
  for (;;) {
    const c = s[i];
    if (c === '"' || c === "'") {
      const close = skipString(s, i);
      const raw = s.slice(i, close);
      if (close > s.length || raw.length < 2) return undefined;
      path.push(c === "'" ? raw.slice(1, -1) : decodeBasic(raw));
      i = close;
    } else {
      const m = /^[A-Za-z0-9_-]+/.exec(s.slice(i));
      if (!m) return undefined;
      path.push(m[0]);
      i += m[0].length;
    }
    keyEnd = i;
    i = skipSpace(s, i);
    if (s[i] !== '.') break;
    i = skipSpace(s, i + 1);
  }
  return { path, start, keyEnd, end: i };
}

function decodeBasic(raw: string): string {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : raw.slice(1, -1);
  } catch {
    return raw.slice(1, -1);
  }
}
