import { DOCUMENT_START, LineIndex, type Range } from '../util/diagnostics.ts';

/**
 * Source ranges of the keys of a TOML document, found by a line scan (smol-toml reports none).
 * Knows `[table]` / `[[array]]` headers, dotted and quoted keys and one-line inline tables;
 * anything it cannot place falls back to the nearest enclosing key it did find.
 */
export class TomlKeyLocator {
  /**
   * The located keys as a trie: node 0 is the document. Every prefix of a dotted key is one node,
   * so a key of k segments costs O(k) time and memory; keying each prefix path by a string of its
   * own cost O(k²), and one 100k-segment key took gigabytes. A node keeps its first child inline
   * and only a node with several children gets a Map, which keeps long chains small.
   */
  private readonly segments: string[] = [''];
  private readonly firstChild: number[] = [-1];
  private readonly moreChildren = new Map<number, Map<string, number>>();
  /** Source offsets of each node's first occurrence; node 0 (the document) has none. */
  private readonly starts: number[] = [-1];
  private readonly ends: number[] = [-1];
  private readonly index: LineIndex;

  constructor(text: string) {
    this.index = new LineIndex(text);
    this.scan(text);
  }

  /** The range of the key at `path`, else of its nearest located ancestor, else the document start. */
  range(path: readonly string[]): Range {
    let node = 0;
    for (const segment of path) {
      const child = this.child(node, segment);
      if (child < 0) break;
      node = child;
    }
    return node === 0 ? DOCUMENT_START : this.index.range(this.starts[node], this.ends[node]);
  }

  /** The number of located keys (each prefix of a key path counts once). */
  get size(): number {
    return this.starts.length - 1;
  }

  private child(node: number, segment: string): number {
    const first = this.firstChild[node];
    if (first < 0 || this.segments[first] === segment) return first;
    return this.moreChildren.get(node)?.get(segment) ?? -1;
  }

  /**
   * Records `path` below node `from`, and each of its prefixes (`[feature.gpu.dependencies]` also
   * places `feature.gpu`); the first place wins. Returns the node of the whole path.
   */
  private record(from: number, path: readonly string[], start: number, end: number): number {
    let node = from;
    for (const segment of path) {
      let child = this.child(node, segment);
      if (child < 0) {
        child = this.starts.length;
        this.segments.push(segment);
        this.firstChild.push(-1);
        this.starts.push(start);
        this.ends.push(end);
        if (this.firstChild[node] < 0) this.firstChild[node] = child;
        else {
          let more = this.moreChildren.get(node);
          if (!more) this.moreChildren.set(node, (more = new Map()));
          more.set(segment, child);
        }
      }
      node = child;
    }
    return node;
  }

  private scan(text: string): void {
    let table = 0;
    let multiline: '"""' | "'''" | undefined;
    let lineStart = 0;
    while (lineStart <= text.length) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline < 0 ? text.length : newline;
      const line = text.slice(lineStart, lineEnd);
      const here = lineStart;
      lineStart = lineEnd + 1;
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
        if (keys) table = this.record(0, keys.path, here + lead, here + keys.end + (double ? 2 : 1));
        continue;
      }
      const keys = readKeyPath(line, lead);
      if (!keys || line[keys.end] !== '=') continue;
      const node = this.record(table, keys.path, here + keys.start, here + keys.keyEnd);
      for (const delim of ['"""', "'''"] as const) {
        if (occurrences(line, delim, keys.end + 1) % 2 === 1) multiline = delim;
      }
      const brace = skipSpace(line, keys.end + 1);
      if (line[brace] === '{') this.scanInline(line, brace, node, here);
    }
  }

  /** Records the keys of a one-line inline table starting at `open`, nested ones too (a stack, not recursion). */
  private scanInline(line: string, open: number, node: number, lineStart: number): void {
    const tables = [node];
    let i = open + 1;
    while (i < line.length && tables.length > 0) {
      i = skipSpace(line, i);
      if (line[i] === '}') {
        tables.pop();
        i++;
        continue;
      }
      if (line[i] === ',') {
        i++;
        continue;
      }
      const keys = readKeyPath(line, i);
      if (!keys || line[keys.end] !== '=') return;
      const inner = this.record(tables[tables.length - 1], keys.path, lineStart + keys.start, lineStart + keys.keyEnd);
      i = skipSpace(line, keys.end + 1);
      if (line[i] === '{') {
        tables.push(inner);
        i++;
      } else i = skipValue(line, i);
    }
  }
}

/** Occurrences of `delim` in `s` from `from` on (without splitting the line). */
function occurrences(s: string, delim: string, from: number): number {
  let n = 0;
  for (let at = s.indexOf(delim, from); at >= 0; at = s.indexOf(delim, at + delim.length)) n++;
  return n;
}

const BARE_KEY = /[A-Za-z0-9_-]+/y;

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
      // Sticky: a long line is not copied once per key part.
      BARE_KEY.lastIndex = i;
      const m = BARE_KEY.exec(s);
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
