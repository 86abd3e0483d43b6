/**
 * What the text around a cursor in spec.yaml means: the completion context and the hover target.
 *
 * Pure and tolerant: it reads the lines by indentation (a spec being typed is rarely valid YAML),
 * so it works on half-written entries. Columns and lines at the API are 1-based like Monaco's;
 * internally columns are 0-based offsets into the line.
 */

/** One structural token on a line: a sequence dash, a `key:` or a plain scalar. */
type Token =
  | { kind: 'dash'; col: number }
  | { kind: 'key'; col: number; key: string; keyEnd: number; value: string; valueCol: number }
  | { kind: 'scalar'; col: number; text: string };

interface Line {
  text: string;
  /** False for blank lines, comments and the content of block scalars (`|`, `>`). */
  structural: boolean;
  tokens: Token[];
}

type Located = Token & { line: number };

/** Where in the line a completion replaces text (1-based columns, `to` exclusive). */
export interface ColumnRange {
  from: number;
  to: number;
}

export type CompletionContext =
  /** The value of `task:`. `needsSpace` when the cursor sits right after the colon. */
  | ({ kind: 'task-name'; needsSpace: boolean } & ColumnRange)
  /** A key inside an instance's `partial:` mapping. `hasColon` when the key is already followed by `:`. */
  | ({ kind: 'partial-key'; task?: string; bound: string[]; hasColon: boolean } & ColumnRange)
  /** A name in `map` / `mapvalues` `argnames`. */
  | ({ kind: 'argname'; task?: string; bound: string[] } & ColumnRange)
  /**
   * An expression after `${{`. `beforeLine`: start line of the enclosing instance (only instances
   * above it may be referenced; undefined outside any instance). `closed`: `}}` follows on the line.
   */
  | ({
      kind: 'reference';
      beforeLine?: number;
      closed: boolean;
      needsLeadingSpace: boolean;
      needsTrailingSpace: boolean;
      envNames: string[];
    } & ColumnRange)
  /**
   * The value of a task argument (a `partial:` key, or `argvalues:` of `map`/`mapvalues`) before any
   * `${{`: whole `${{ … }}` expressions are offered. `typed`: the value typed so far; `needsSpace`
   * when the cursor sits right after the colon; `beforeLine` as for `reference`.
   */
  | ({ kind: 'argument-value'; beforeLine: number; needsSpace: boolean; typed: string; envNames: string[] } & ColumnRange)
  | { kind: 'none' };

export type HoverTarget =
  | ({ kind: 'task'; name: string } & ColumnRange)
  | ({ kind: 'parameter'; task?: string; name: string } & ColumnRange)
  | ({ kind: 'instance'; id: string } & ColumnRange);

/** The parts of an instance entry the completions need. */
export interface InstanceBlock {
  /** 1-based line of the entry's `-`. */
  line: number;
  id?: string;
  task?: string;
  /** Keys of `partial` and names in `map`/`mapvalues` `argnames`, in source order. */
  bound: string[];
}

const WORD = /[\w.]/;
const BLOCK_SCALAR = /^[|>][0-9+-]*$/;

// ---------------------------------------------------------------------------------------------
// Lines and tokens

/** Splits the text into lines with their structural tokens, skipping block-scalar content. */
export function scanLines(text: string): Line[] {
  const out: Line[] = [];
  let blockIndent = -1; // inside a block scalar: lines indented more than this are content
  for (const raw of text.split(/\r?\n/)) {
    const indent = raw.length - raw.trimStart().length;
    const blank = raw.trim() === '' || raw.trimStart().startsWith('#');
    if (blockIndent >= 0) {
      if (blank || indent > blockIndent) {
        out.push({ text: raw, structural: false, tokens: [] });
        continue;
      }
      blockIndent = -1;
    }
    if (blank) {
      out.push({ text: raw, structural: false, tokens: [] });
      continue;
    }
    const tokens = tokenize(raw);
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'key' && BLOCK_SCALAR.test(last.value)) blockIndent = last.col;
    out.push({ text: raw, structural: true, tokens });
  }
  return out;
}

/** Dashes, then at most one `key:` (with its value) or a scalar. */
function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let pos = line.length - line.trimStart().length;
  while (pos < line.length) {
    if (line[pos] === '-' && (pos + 1 === line.length || line[pos + 1] === ' ')) {
      tokens.push({ kind: 'dash', col: pos });
      pos++;
      while (line[pos] === ' ') pos++;
      continue;
    }
    if (line[pos] === '#') break;
    const key = keyAt(line, pos);
    if (key) tokens.push(key);
    else tokens.push({ kind: 'scalar', col: pos, text: stripComment(line.slice(pos)).trim() });
    break;
  }
  return tokens;
}

/** A `key:` starting at `pos` (the colon must be followed by a space or the end of the line). */
function keyAt(line: string, pos: number): Token | undefined {
  const c = line[pos];
  if (c === '{' || c === '[' || c === '&' || c === '*' || c === '!' || c === '|' || c === '>') return undefined;
  let end: number;
  let key: string;
  if (c === '"' || c === "'") {
    const close = line.indexOf(c, pos + 1);
    if (close < 0) return undefined;
    const m = /^\s*:(?=\s|$)/.exec(line.slice(close + 1));
    if (!m) return undefined;
    key = line.slice(pos + 1, close);
    end = close + 1;
  } else {
    const m = /:(?=\s|$)/.exec(line.slice(pos));
    if (!m) return undefined;
    const raw = line.slice(pos, pos + m.index);
    if (/\s#/.test(raw)) return undefined;
    key = raw.trimEnd();
    end = pos + key.length;
  }
  const colon = line.indexOf(':', end);
  let valueCol = colon + 1;
  while (line[valueCol] === ' ') valueCol++;
  return { kind: 'key', col: pos, key, keyEnd: end, value: stripComment(line.slice(valueCol)).trim(), valueCol };
}

function stripComment(s: string): string {
  if (s.startsWith('#')) return '';
  const i = s.search(/\s#/);
  return i < 0 ? s : s.slice(0, i);
}

/**
 * The tokens enclosing a node that starts at 0-based `col` on line `lineIdx`, innermost first:
 * tokens left of it on its own line, then, going up, each token indented less than the last one
 * found (a `key:` at the same column as a `-` below it is that sequence's parent too).
 */
function enclosing(lines: Line[], lineIdx: number, col: number): Located[] {
  const chain: Located[] = [];
  let n = col;
  const own = lines[lineIdx]?.tokens ?? [];
  for (let k = own.length - 1; k >= 0; k--) {
    const t = own[k];
    if (t.col < n) {
      chain.push({ ...t, line: lineIdx });
      n = t.col;
    }
  }
  for (let i = lineIdx - 1; i >= 0 && !(n === 0 && chain[chain.length - 1]?.kind === 'key'); i--) {
    const line = lines[i];
    if (!line.structural) continue;
    for (let k = line.tokens.length - 1; k >= 0; k--) {
      const t = line.tokens[k];
      const last = chain[chain.length - 1];
      const compactParent = t.kind === 'key' && t.col === n && last?.kind === 'dash' && t.value === '';
      if (t.col < n || compactParent) {
        chain.push({ ...t, line: i });
        n = t.col;
      }
    }
  }
  return chain;
}

const isKey = (t: Located | undefined, ...names: string[]): t is Located & { kind: 'key' } =>
  t?.kind === 'key' && (names.length === 0 || names.includes(t.key));

/** The index in `chain` of the innermost workflow entry (`-` under `workflow:` or a group's `tasks:`). */
function entryIndex(chain: Located[]): number {
  return chain.findIndex((t, i) => t.kind === 'dash' && isKey(chain[i + 1], 'workflow', 'tasks'));
}

// ---------------------------------------------------------------------------------------------
// Instance entries

/** Reads the instance entry whose `-` is on 0-based line `dashLine` at column `dashCol`. */
function readBlock(lines: Line[], dashLine: number, dashCol: number, skipLine = -1): InstanceBlock {
  const block: InstanceBlock = { line: dashLine + 1, bound: [] };
  // Lines of the entry: from the dash to the next structural line indented no deeper than the dash.
  const entry: Array<{ i: number; tokens: Token[] }> = [];
  for (let i = dashLine; i < lines.length; i++) {
    const l = lines[i];
    if (!l.structural) continue;
    let tokens = l.tokens;
    if (i === dashLine) tokens = tokens.filter((t) => t.col > dashCol);
    else if (tokens[0].col <= dashCol) break;
    entry.push({ i, tokens });
  }
  const fieldCol = entry.flatMap((e) => e.tokens).find((t) => t.kind === 'key')?.col;
  if (fieldCol === undefined) return block;
  // Each field: its key token and the lines below it (its nested content).
  const fields: Array<{ key: Extract<Token, { kind: 'key' }>; body: Array<{ i: number; tokens: Token[] }> }> = [];
  for (const e of entry) {
    const head = e.tokens[0];
    if (head?.kind === 'key' && head.col === fieldCol) {
      fields.push({ key: head, body: [] });
      continue;
    }
    if (head && head.col > fieldCol) fields[fields.length - 1]?.body.push(e);
  }
  for (const { key, body } of fields) {
    if (key.key === 'id' && key.value) block.id = unquote(key.value);
    else if (key.key === 'task' && key.value) block.task = unquote(key.value);
    else if (key.key === 'partial') {
      if (key.value.startsWith('{')) block.bound.push(...flowKeys(key.value));
      const childCol = body.find((b) => b.tokens[0].kind === 'key')?.tokens[0].col;
      for (const b of body) {
        const t = b.tokens[0];
        if (t.kind === 'key' && t.col === childCol && b.i !== skipLine) block.bound.push(t.key);
      }
    } else if (key.key === 'map' || key.key === 'mapvalues') {
      block.bound.push(...argnamesOf(key, body, skipLine));
    }
  }
  return block;
}

/** The names listed by `argnames` under a `map:` / `mapvalues:` field. */
function argnamesOf(field: Extract<Token, { kind: 'key' }>, body: Array<{ i: number; tokens: Token[] }>, skipLine: number): string[] {
  const out: string[] = [];
  const flow = /\bargnames\s*:\s*(\[[^\]]*\]?|[^,}\s]+)/.exec(field.value);
  if (flow) out.push(...listOrScalar(flow[1]));
  const childCol = body[0]?.tokens[0].col;
  for (let k = 0; k < body.length; k++) {
    const t = body[k].tokens[0];
    if (t.kind !== 'key' || t.col !== childCol || t.key !== 'argnames') continue;
    if (t.value) {
      if (body[k].i !== skipLine) out.push(...listOrScalar(t.value));
      continue;
    }
    for (let j = k + 1; j < body.length && body[j].tokens[0].col > t.col - 1; j++) {
      const [dash, item] = body[j].tokens;
      if (dash.kind !== 'dash' || dash.col < t.col) break;
      if (item?.kind === 'scalar' && item.text && body[j].i !== skipLine) out.push(unquote(item.text));
    }
  }
  return out;
}

function listOrScalar(v: string): string[] {
  const s = v.trim();
  if (s.startsWith('[')) {
    return s
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((x) => unquote(x.trim()))
      .filter(Boolean);
  }
  return s ? [unquote(s)] : [];
}

function flowKeys(v: string): string[] {
  return [...v.matchAll(/[{,]\s*([\w-]+)\s*:/g)].map((m) => m[1]);
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

// ---------------------------------------------------------------------------------------------
// Completion

/** The completion context at a 1-based position. */
export function completionContext(text: string, line: number, column: number): CompletionContext {
  const lines = scanLines(text);
  const idx = line - 1;
  const lineText = lines[idx]?.text ?? '';
  const col = Math.min(column - 1, lineText.length);
  const prefix = lineText.slice(0, col);
  const wordEnd = (from: number) => {
    let e = from;
    while (e < lineText.length && WORD.test(lineText[e])) e++;
    return e;
  };

  // `${{ … ` without its closing `}}` before the cursor.
  const open = prefix.lastIndexOf('${{');
  if (open >= 0 && !prefix.slice(open).includes('}}')) {
    let from = open + 3;
    while (prefix[from] === ' ') from++;
    const expr = prefix.slice(from);
    if (/^[\w.]*$/.test(expr)) {
      const to = wordEnd(col);
      const rest = lineText.slice(to);
      const chain = enclosing(lines, idx, col);
      const k = entryIndex(chain);
      return {
        kind: 'reference',
        from: from + 1,
        to: to + 1,
        beforeLine: k < 0 ? undefined : chain[k].line + 1,
        closed: /^\s*}}/.test(rest),
        needsLeadingSpace: from === open + 3,
        needsTrailingSpace: rest.startsWith('}}'),
        envNames: envNamesIn(text),
      };
    }
  }

  // `task: <name>`
  const task = /^(\s*(?:-\s+)*)task:(\s*)([\w.]*)$/.exec(prefix);
  if (task) {
    const from = col - task[3].length;
    return { kind: 'task-name', from: from + 1, to: wordEnd(col) + 1, needsSpace: task[2] === '' };
  }

  // The value of a task argument, before `${{` is typed.
  const value = /^(\s*)([\w-]+):( *)(\$?\{?\{?[\w.]*)$/.exec(prefix);
  if (value) {
    const chain = enclosing(lines, idx, value[1].length);
    const head = chain[0];
    const argument = isKey(head, 'partial') || (value[2] === 'argvalues' && isKey(head, 'map', 'mapvalues'));
    if (argument && head.kind === 'key' && head.value === '' && chain[1]?.kind === 'dash' && isKey(chain[2], 'workflow', 'tasks')) {
      const from = col - value[4].length;
      return {
        kind: 'argument-value',
        from: from + 1,
        to: wordEnd(col) + 1,
        beforeLine: chain[1].line + 1,
        needsSpace: value[3] === '',
        typed: value[4],
        envNames: envNamesIn(text),
      };
    }
  }

  // A key being typed inside `partial:`.
  const key = /^(\s*)([\w-]*)$/.exec(prefix);
  if (key) {
    const from = key[1].length;
    const chain = enclosing(lines, idx, from);
    if (isKey(chain[0], 'partial') && chain[0].value === '' && chain[1]?.kind === 'dash' && isKey(chain[2], 'workflow', 'tasks')) {
      const to = wordEnd(col);
      const block = readBlock(lines, chain[1].line, chain[1].col, idx);
      return { kind: 'partial-key', task: block.task, bound: block.bound, from: from + 1, to: to + 1, hasColon: /^\s*:/.test(lineText.slice(to)) };
    }
  }

  // A name in `argnames`: `argnames: x`, `argnames: [a, x`, or a `- x` item below `argnames:`.
  const inline = /^(\s*(?:-\s+)*)argnames:\s*(?:\[(?:[^\]]*,)?\s*)?([\w]*)$/.exec(prefix);
  const item = /^(\s*)-\s+([\w]*)$/.exec(prefix);
  if (inline || item) {
    const word = (inline ?? item)![2];
    const from = col - word.length;
    const chain = enclosing(lines, idx, from);
    const at = chain.findIndex((t) => isKey(t, 'argnames'));
    const m = at < 0 ? undefined : chain[at + 1];
    if (at >= 0 && (at === 0 || (at === 1 && chain[0].kind === 'dash')) && isKey(m, 'map', 'mapvalues') && chain[at + 2]?.kind === 'dash') {
      const dash = chain[at + 2];
      const block = readBlock(lines, dash.line, dash.col, idx);
      return { kind: 'argname', task: block.task, bound: block.bound, from: from + 1, to: wordEnd(col) + 1 };
    }
  }
  return { kind: 'none' };
}

/** `NAME` of every `${{ env.NAME }}` in the text, sorted, without duplicates. */
export function envNamesIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{\{\s*env\.(\w+)/g)].map((m) => m[1]))].sort();
}

// ---------------------------------------------------------------------------------------------
// Hover

/** What the word at a 1-based position names: a task, a parameter of an instance, or an instance. */
export function hoverTarget(text: string, line: number, column: number): HoverTarget | undefined {
  const lines = scanLines(text);
  const idx = line - 1;
  const l = lines[idx];
  if (!l?.structural) return undefined;
  const col = column - 1;

  // `workflow.<id>` inside `${{ }}`.
  for (const m of l.text.matchAll(/\$\{\{\s*workflow\.(\w+)[^}]*\}\}/g)) {
    const start = m.index + m[0].indexOf('workflow.');
    const end = start + 'workflow.'.length + m[1].length;
    if (col >= start && col <= end) return { kind: 'instance', id: m[1], from: start + 1, to: end + 1 };
  }

  const keyToken = l.tokens.find((t) => t.kind === 'key');
  if (keyToken?.kind === 'key') {
    // `task: <name>`
    if (keyToken.key === 'task' && keyToken.value && col >= keyToken.valueCol && col <= keyToken.valueCol + keyToken.value.length) {
      const chain = enclosing(lines, idx, keyToken.col);
      if (chain[0]?.kind === 'dash') {
        return { kind: 'task', name: unquote(keyToken.value), from: keyToken.valueCol + 1, to: keyToken.valueCol + keyToken.value.length + 1 };
      }
    }
    // A key of `partial:`.
    if (col >= keyToken.col && col <= keyToken.keyEnd) {
      const chain = enclosing(lines, idx, keyToken.col);
      if (isKey(chain[0], 'partial') && chain[1]?.kind === 'dash' && isKey(chain[2], 'workflow', 'tasks')) {
        const block = readBlock(lines, chain[1].line, chain[1].col);
        return { kind: 'parameter', task: block.task, name: keyToken.key, from: keyToken.col + 1, to: keyToken.keyEnd + 1 };
      }
    }
    // `argnames: x` / `argnames: [a, b]`
    if (keyToken.key === 'argnames' && col >= keyToken.valueCol) {
      const word = wordAround(l.text, col);
      const chain = enclosing(lines, idx, keyToken.col);
      if (word && isKey(chain[0], 'map', 'mapvalues') && chain[1]?.kind === 'dash') {
        const block = readBlock(lines, chain[1].line, chain[1].col);
        return { kind: 'parameter', task: block.task, name: word.word, from: word.from + 1, to: word.to + 1 };
      }
    }
  }
  // `- x` below `argnames:`
  const [dash, item] = l.tokens;
  if (dash?.kind === 'dash' && item?.kind === 'scalar' && col >= item.col) {
    const word = wordAround(l.text, col);
    const chain = enclosing(lines, idx, item.col);
    if (word && isKey(chain[1], 'argnames') && isKey(chain[2], 'map', 'mapvalues') && chain[3]?.kind === 'dash') {
      const block = readBlock(lines, chain[3].line, chain[3].col);
      return { kind: 'parameter', task: block.task, name: word.word, from: word.from + 1, to: word.to + 1 };
    }
  }
  return undefined;
}

function wordAround(text: string, col: number): { word: string; from: number; to: number } | undefined {
  let from = col;
  let to = col;
  while (from > 0 && /\w/.test(text[from - 1])) from--;
  while (to < text.length && /\w/.test(text[to])) to++;
  return from === to ? undefined : { word: text.slice(from, to), from, to };
}
