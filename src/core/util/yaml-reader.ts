import { determineScalarType, Kind, ScalarType, type YAMLAnchorReference, type YAMLMapping, type YamlMap, type YAMLNode, type YAMLScalar, type YAMLSequence } from '@stoplight/yaml-ast-parser';
import { LineIndex, type Diagnostic, type Range, type Severity } from './diagnostics.ts';
import { PyFloat, type JsonObject, type JsonValue } from './json-value.ts';
import { pythonFloatRepr } from './python-json.ts';
import { loadYaml, MAX_NESTING, type LoadedYaml } from './yaml-safe-load.ts';

/**
 * Reads a YAML document into nodes with source offsets and collects positioned diagnostics while
 * callers walk it. Never throws on user input.
 *
 * Parser choice: `@stoplight/yaml-ast-parser` (the AST parser behind Spectral) parses a real
 * 700-line spec in ~1 ms; the `yaml` package's Document API takes ~7 ms for the same text, which
 * alone breaks our 5 ms compile budget. Scalars are typed by the YAML 1.2 core schema, so
 * `yes`/`on` stay strings and `1.0` stays a float, as with ruamel.
 */

export type YNode = YAMLNode;
export type YMap = YamlMap;
export type YSeq = YAMLSequence;
export type YPair = YAMLMapping;
export type ScalarValue = null | boolean | number | bigint | PyFloat | string;

export interface YPairEntry {
  key: string;
  pair: YPair;
  value: YNode | undefined;
}

/** Python's default `sys.get_int_max_str_digits()`: longer ints cannot be parsed from or written as decimal text. */
export const PY_INT_MAX_STR_DIGITS = 4300;

// Python's YAML loaders expand aliases fully; cap the expansion so a "billion laughs" input can't hang us.
const MAX_EXPANDED_NODES = 200_000;

export function isMapNode(n: YNode | undefined | null): n is YMap {
  return n?.kind === Kind.MAP;
}
export function isSeqNode(n: YNode | undefined | null): n is YSeq {
  return n?.kind === Kind.SEQ;
}
export function isScalarNode(n: YNode | undefined | null): n is YAMLScalar {
  return n?.kind === Kind.SCALAR;
}

export class YamlReader {
  readonly lines: LineIndex;
  readonly diagnostics: Diagnostic[] = [];
  readonly root: YNode | undefined;
  /** The text the offsets refer to (the input without a leading BOM). */
  readonly text: string;
  private expanded = 0;
  private reportedExpansion = false;
  private readonly checkedMaps = new WeakSet<YMap>();
  /** Collections being converted by `json`, to stop at recursive aliases. */
  private readonly converting = new Set<YNode>();

  constructor(
    text: string,
    readonly source?: string,
  ) {
    // The parser drops a BOM before counting offsets; dropping it here keeps our offsets aligned with its.
    this.text = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.lines = new LineIndex(this.text);
    let loaded: LoadedYaml = { root: undefined, problems: [], explained: new Set() };
    try {
      loaded = loadYaml(this.text);
    } catch (e) {
      // The parser reports problems in `errors`; a throw would be its bug, still the user's problem to see.
      this.report('error', 'yaml-syntax', `YAML: the reader failed on this document (${e instanceof Error ? e.message : String(e)})`, this.lines.range(0, 1));
    }
    for (const p of loaded.problems) this.report('error', p.code, p.message, this.lines.range(p.start, Math.min(p.end, this.text.length)));
    this.root = this.resolve(loaded.root);
    if (loaded.root) this.reportParserErrors(loaded.root, loaded.problems.length > 0, loaded.explained);
  }

  /**
   * After the first syntax error the parser's later errors are mostly echoes of it, so report only that one.
   * Its "Using tabs" warning is dropped where YAML allows a tab (separation, flow collections) and
   * becomes an error where it does not (block indentation).
   */
  private reportParserErrors(root: YNode, alreadyReported: boolean, explained: Set<number>): void {
    let reportedError = alreadyReported;
    let safeRanges: Array<[number, number]> | undefined;
    const tabLines = new Set<number>();
    for (const e of root.errors) {
      const message = e.message.replace(/^JS-YAML: /, '').replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
      if (message.startsWith('duplicate key')) continue; // reported by `pairs`, once, at the second key
      const at = e.mark?.position ?? 0;
      if (explained.has(at)) continue;
      const range = this.lines.range(at, Math.min(at + 1, this.text.length));
      if (message.startsWith('Using tabs')) {
        safeRanges ??= collectTabSafeRanges(root, this.text);
        if (!reportedError && !tabLines.has(range.start.line) && this.isTabIndentation(at, safeRanges)) {
          tabLines.add(range.start.line);
          reportedError = true;
          this.report('error', 'yaml-tab-indentation', 'YAML: a tab in indentation: YAML indents with spaces only (tabs are fine after `:` or inside `[…]`/`{…}`)', range);
        }
      } else if (e.isWarning) this.report('warning', 'yaml-warning', `YAML: ${message}`, range);
      else if (!reportedError) {
        reportedError = true;
        const quote = /^unexpected end of the stream within a (double|single) quoted scalar/.exec(message);
        const opener = quote ? unterminatedQuoteStart(this.text, quote[1] === 'double' ? '"' : "'") : -1;
        if (opener >= 0) {
          // The parser points at the end of the file; the mistake is where the string starts.
          const q = quote![1] === 'double' ? '"' : "'";
          this.report('error', 'yaml-syntax', `YAML: this string has no closing \`${q}\`: it runs to the end of the file`, this.lines.range(opener, opener + 1));
        } else this.report('error', 'yaml-syntax', `YAML: ${message}`, range);
      }
    }
  }

  /** A tab in the leading whitespace of a line that has content, outside flow collections and quoted scalars. */
  private isTabIndentation(at: number, safeRanges: Array<[number, number]>): boolean {
    let i = at;
    while (i > 0 && (this.text[i - 1] === ' ' || this.text[i - 1] === '\t')) i--;
    if (i > 0 && this.text[i - 1] !== '\n' && this.text[i - 1] !== '\r') return false;
    let j = at;
    while (j < this.text.length && (this.text[j] === ' ' || this.text[j] === '\t')) j++;
    if (j >= this.text.length || '\r\n#'.includes(this.text[j])) return false; // blank or comment line
    return !safeRanges.some(([s, e]) => s < at && at < e);
  }

  /** Follows aliases to the anchored node; null/undefined for a missing value. */
  resolve(node: YNode | null | undefined): YNode | undefined {
    let n = node ?? undefined;
    for (let hops = 0; n?.kind === Kind.ANCHOR_REF && hops < 100; hops++) n = (n as YAMLAnchorReference).value ?? undefined;
    return n?.kind === Kind.ANCHOR_REF ? undefined : n;
  }

  /** The source range of a node (a pair's key for pairs). */
  range(node: YNode | null | undefined, fallback?: Range): Range {
    const n = node?.kind === Kind.MAPPING ? (node as YPair).key : node;
    if (n) return this.lines.range(n.startPosition, n.endPosition);
    return fallback ?? this.lines.range(0, 0);
  }

  report(severity: Severity, code: string, message: string, range: Range): void {
    const d: Diagnostic = { severity, code, message, range };
    if (this.source) d.source = this.source;
    this.diagnostics.push(d);
  }

  error(at: YNode | Range | null | undefined, code: string, message: string): void {
    this.report('error', code, message, isRange(at) ? at : this.range(at));
  }

  warning(at: YNode | Range | null | undefined, code: string, message: string): void {
    this.report('warning', code, message, isRange(at) ? at : this.range(at));
  }

  /** The node as a mapping, or an error naming what was expected. */
  map(node: YNode | null | undefined, what: string): YMap | undefined {
    const n = this.resolve(node);
    if (isMapNode(n)) return n;
    this.error(n, 'expected-mapping', `${what} must be a mapping (\`key: value\` lines), not ${this.describe(n)}`);
    return undefined;
  }

  /** The node as a sequence, or an error naming what was expected. */
  seq(node: YNode | null | undefined, what: string): YSeq | undefined {
    const n = this.resolve(node);
    if (isSeqNode(n)) return n;
    this.error(n, 'expected-list', `${what} must be a list (\`- item\` lines), not ${this.describe(n)}`);
    return undefined;
  }

  /** The items of a sequence, aliases resolved. */
  items(seq: YSeq): Array<YNode | undefined> {
    return seq.items.map((item) => this.resolve(item));
  }

  /** Pairs of a mapping with their keys as strings; a repeated key is reported and the later one wins. */
  pairs(map: YMap): YPairEntry[] {
    const out: YPairEntry[] = [];
    const seen = new Map<string, number>();
    for (const pair of map.mappings) {
      const key = this.keyString(pair);
      if (key === undefined) continue;
      const entry = { key, pair, value: this.resolve(pair.value) };
      const at = seen.get(key);
      if (at !== undefined) {
        this.error(pair, 'duplicate-key', `duplicate key \`${key}\`: it is already set on line ${this.range(out[at].pair).start.line}; remove one of them`);
        out[at] = entry;
      } else {
        seen.set(key, out.length);
        out.push(entry);
      }
    }
    return out;
  }

  /** A mapping key as the string Python's `json.dumps` would write, or undefined (with an error) for collections. */
  keyString(pair: YPair): string | undefined {
    const k = this.resolve(pair.key);
    if (k === undefined) return 'null';
    if (!isScalarNode(k)) {
      this.error(k, 'invalid-key', 'a mapping key must be a plain value, not a list or mapping');
      return undefined;
    }
    const v = this.checkedScalar(k);
    if (typeof v === 'string') return v;
    if (v instanceof PyFloat) return pythonFloatRepr(v.value);
    return v === null ? 'null' : String(v);
  }

  /** A scalar's value typed by the YAML 1.2 core schema (ints as number/bigint, floats as PyFloat). */
  scalar(n: YAMLScalar): ScalarValue {
    const tag = this.tagBefore(n.startPosition);
    if (tag !== undefined) return this.taggedScalar(n, tag);
    switch (determineScalarType(n)) {
      case ScalarType.null:
        return null;
      case ScalarType.bool:
        return n.value.toLowerCase() === 'true';
      case ScalarType.int:
        return parseInt_(n.value);
      case ScalarType.float:
        return new PyFloat(parseFloat_(n.value));
      default:
        return n.value;
    }
  }

  private taggedScalar(n: YAMLScalar, tag: string): ScalarValue {
    const name = tag.replace(/^!!/, '').replace(/^!<tag:yaml\.org,2002:(.*)>$/, '$1');
    if (name === 'str') return n.value;
    if (name === 'float' && !Number.isNaN(parseFloat_(n.value))) return new PyFloat(parseFloat_(n.value));
    if (name === 'int' && /^[-+]?[0-9]+$/.test(n.value)) return parseInt_(n.value);
    if (name === 'bool' && /^(true|false)$/i.test(n.value)) return n.value.toLowerCase() === 'true';
    if (name === 'null') return null;
    this.error(n, 'unsupported-yaml-tag', `YAML tag \`${tag}\` is not supported here: remove it (values are typed by how they are written)`);
    return n.value;
  }

  /** The explicit tag (`!!str`, `!<…>`) written right before an offset, if any. */
  private tagBefore(offset: number): string | undefined {
    let i = offset - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\t')) i--;
    const end = i + 1;
    while (i >= 0 && !/[\s[\]{},]/.test(this.text[i])) i--;
    const token = this.text.slice(i + 1, end);
    return token.startsWith('!') ? token : undefined;
  }

  /** A string value, or an error. */
  string(node: YNode | null | undefined, what: string): string | undefined {
    const n = this.resolve(node);
    const v = isScalarNode(n) ? this.scalar(n) : undefined;
    if (typeof v === 'string') return v;
    this.error(n, 'expected-string', `${what} must be a string, not ${this.describe(n)}${this.quoteHint(n)}`);
    return undefined;
  }

  /** An integer value, or an error. */
  int(node: YNode | null | undefined, what: string): number | undefined {
    const n = this.resolve(node);
    const v = isScalarNode(n) ? this.scalar(n) : undefined;
    if (typeof v === 'number') return v;
    this.error(n, 'expected-integer', `${what} must be an integer, not ${this.describe(n)}`);
    return undefined;
  }

  /** A boolean value, or an error. */
  bool(node: YNode | null | undefined, what: string): boolean | undefined {
    const n = this.resolve(node);
    const v = isScalarNode(n) ? this.scalar(n) : undefined;
    if (typeof v === 'boolean') return v;
    this.error(n, 'expected-boolean', `${what} must be \`true\` or \`false\`, not ${this.describe(n)}`);
    return undefined;
  }

  /** True for a missing value or an explicit null. */
  isNull(node: YNode | null | undefined): boolean {
    const n = this.resolve(node);
    return n === undefined || (isScalarNode(n) && this.scalar(n) === null);
  }

  /** Converts a node to the JSON model: ints stay ints, floats become `PyFloat`, key order kept. */
  json(node: YNode | null | undefined): JsonValue {
    const n = this.resolve(node);
    if (++this.expanded > MAX_EXPANDED_NODES) {
      if (!this.reportedExpansion) {
        this.reportedExpansion = true;
        this.error(n, 'yaml-too-large', `the document expands to more than ${MAX_EXPANDED_NODES} nodes (aliases?)`);
      }
      return null;
    }
    if (n === undefined) return null;
    if (isScalarNode(n)) return this.checkedScalar(n);
    if (this.converting.has(n)) {
      // `&a [*a]`: Python would build a self-containing list that JSON cannot hold.
      this.error(n, 'recursive-alias', 'this value contains itself through an alias: JSON cannot represent it');
      return null;
    }
    if (this.converting.size >= MAX_NESTING) {
      // Only aliases get here (the tree itself is cut at MAX_NESTING): `&b [*a]`, `&c [*b]`, …
      this.reportTooDeep(n);
      return null;
    }
    this.converting.add(n);
    try {
      return this.collectionJson(n);
    } finally {
      this.converting.delete(n);
    }
  }

  private readonly reportedInts = new WeakSet<YNode>();

  /** A scalar for the JSON model; an int Python could not read or print is reported (once per node). */
  private checkedScalar(n: YAMLScalar): ScalarValue {
    const v = this.scalar(n);
    if (typeof v === 'bigint' && !this.reportedInts.has(n)) {
      const digits = (v < 0n ? -v : v).toString().length;
      if (digits > PY_INT_MAX_STR_DIGITS) {
        this.reportedInts.add(n);
        this.error(n, 'int-too-long', `this integer has ${digits} digits: Python refuses to convert integers of more than ${PY_INT_MAX_STR_DIGITS.toLocaleString('en')} digits to or from text (sys.get_int_max_str_digits), so wt-compiler and the generated package could not read it; write it as a string`);
      }
    }
    return v;
  }

  private reportedDepth = false;

  /** Reports (once) a value nested deeper than MAX_NESTING through aliases. */
  reportTooDeep(n: YNode): void {
    if (this.reportedDepth) return;
    this.reportedDepth = true;
    this.error(n, 'yaml-too-deep', `YAML: this value nests deeper than ${MAX_NESTING} levels through aliases: that is not supported (wt-compiler's Python cannot read or generate code for it)`);
  }

  private collectionJson(n: YNode): JsonValue {
    if (isSeqNode(n)) return n.items.map((item) => this.json(item));
    if (isMapNode(n)) {
      const out: JsonObject = new Map();
      // Python's YAML loaders reject a repeated key at any depth; report it (once per node, even when aliased).
      const report = !this.checkedMaps.has(n);
      this.checkedMaps.add(n);
      for (const pair of n.mappings) {
        const key = this.keyString(pair);
        if (key === undefined) continue;
        if (report && out.has(key)) this.error(pair, 'duplicate-key', `duplicate key \`${key}\`: remove one of them`);
        out.set(key, this.json(pair.value));
      }
      return out;
    }
    return null;
  }

  /** A short description of what a node is, for "must be X, not Y" messages. */
  describe(n: YNode | undefined): string {
    if (n === undefined) return 'nothing';
    if (isMapNode(n)) return 'a mapping';
    if (isSeqNode(n)) return 'a list';
    if (!isScalarNode(n)) return 'an unsupported value';
    const v = this.scalar(n);
    if (v === null) return 'null';
    if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
    if (typeof v === 'boolean') return `the boolean \`${v}\``;
    if (v instanceof PyFloat) return `the number ${pythonFloatRepr(v.value)}`;
    return `the integer ${v}`;
  }

  private quoteHint(n: YNode | undefined): string {
    if (!isScalarNode(n)) return '';
    const v = this.scalar(n);
    if (v === null || typeof v === 'string') return '';
    return ` (YAML read \`${n.value}\` as ${typeof v === 'boolean' ? 'a boolean' : 'a number'}: put it in quotes)`;
  }
}

function parseInt_(s: string): number | bigint {
  const sign = s.startsWith('-') ? -1n : 1n;
  const body = s.replace(/^[-+]/, '');
  const big = sign * (body.startsWith('0o') ? BigInt('0o' + body.slice(2)) : BigInt(body));
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

function parseFloat_(s: string): number {
  const m = /^([-+])?\.(inf|Inf|INF)$/.exec(s);
  if (m) return m[1] === '-' ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(s)) return NaN;
  return Number(s);
}

function isRange(x: unknown): x is Range {
  return typeof x === 'object' && x !== null && 'start' in x && 'end' in x && !('kind' in x);
}

/** Source ranges of flow collections (`[…]`, `{…}`) and quoted scalars, where YAML allows tabs at line starts. */
function collectTabSafeRanges(root: YNode, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const stack: YNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === Kind.SEQ || n.kind === Kind.MAP) {
      const c = text[n.startPosition];
      if (c === '[' || c === '{') out.push([n.startPosition, n.endPosition]);
      for (const child of (n.kind === Kind.SEQ ? (n as YSeq).items : (n as YMap).mappings) ?? []) if (child) stack.push(child);
    } else if (n.kind === Kind.SCALAR) {
      const c = text[n.startPosition];
      if (c === '"' || c === "'") out.push([n.startPosition, n.endPosition]);
    } else if (n.kind === Kind.MAPPING) {
      const p = n as YPair;
      if (p.key) stack.push(p.key);
      if (p.value) stack.push(p.value);
    }
  }
  return out;
}

/**
 * Offset of the quote that opens a string running to the end of `text`: the last quote that is not
 * escaped (`\"` in double quotes, `''` in single quotes), since nothing after the opener closes it.
 */
function unterminatedQuoteStart(text: string, quote: '"' | "'"): number {
  for (let i = text.lastIndexOf(quote); i >= 0; i = text.lastIndexOf(quote, i - 1)) {
    if (quote === "'") {
      if (text[i - 1] === "'") {
        i--; // an escaped `''` pair
        continue;
      }
      return i;
    }
    let backslashes = 0;
    while (text[i - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return -1;
}
