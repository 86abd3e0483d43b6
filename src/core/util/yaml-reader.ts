import { determineScalarType, Kind, safeLoad, ScalarType, type YAMLAnchorReference, type YAMLMapping, type YamlMap, type YAMLNode, type YAMLScalar, type YAMLSequence } from '@stoplight/yaml-ast-parser';
import { LineIndex, type Diagnostic, type Range, type Severity } from './diagnostics.ts';
import { PyFloat, type JsonObject, type JsonValue } from './json-value.ts';
import { pythonFloatRepr } from './python-json.ts';

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
  private expanded = 0;
  private reportedExpansion = false;
  private readonly checkedMaps = new WeakSet<YMap>();
  /** Collections being converted by `json`, to stop at recursive aliases. */
  private readonly converting = new Set<YNode>();

  constructor(
    readonly text: string,
    readonly source?: string,
  ) {
    this.lines = new LineIndex(text);
    let root: YNode | undefined;
    try {
      // `pairs` reports duplicate keys in one pass; the parser's own check compares every key with
      // all earlier siblings, which is quadratic in the size of a mapping (long rjsf-overrides).
      root = safeLoad(text, { ignoreDuplicateKeys: true }) ?? undefined;
    } catch (e) {
      // The parser reports problems in `errors`; a throw would be its bug, still the user's problem to see.
      this.report('error', 'yaml-syntax', `YAML: ${e instanceof Error ? e.message : String(e)}`, this.lines.range(0, 1));
    }
    this.root = this.resolve(root);
    if (root) this.reportParserErrors(root);
  }

  /** After the first syntax error the parser's later errors are mostly echoes of it, so report only that one. */
  private reportParserErrors(root: YNode): void {
    let reportedError = false;
    for (const e of root.errors) {
      const message = e.message.replace(/^JS-YAML: /, '').replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
      if (message.startsWith('duplicate key')) continue; // reported by `pairs`, once, at the second key
      const at = e.mark?.position ?? 0;
      const range = this.lines.range(at, Math.min(at + 1, this.text.length));
      if (e.isWarning) this.report('warning', 'yaml-warning', `YAML: ${message}`, range);
      else if (!reportedError) {
        reportedError = true;
        this.report('error', 'yaml-syntax', `YAML: ${message}`, range);
      }
    }
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
    const v = this.scalar(k);
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
    if (isScalarNode(n)) return this.scalar(n);
    if (this.converting.has(n)) {
      // `&a [*a]`: Python would build a self-containing list that JSON cannot hold.
      this.error(n, 'recursive-alias', 'this value contains itself through an alias: JSON cannot represent it');
      return null;
    }
    this.converting.add(n);
    try {
      return this.collectionJson(n);
    } finally {
      this.converting.delete(n);
    }
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
