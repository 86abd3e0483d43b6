import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex, type Diagnostic, type Range, type Severity } from './diagnostics.ts';
import { PyFloat, type JsonObject, type JsonValue } from './json-value.ts';
import { pythonFloatRepr } from './python-json.ts';

/**
 * Reads a YAML 1.2 document (core schema: `yes`/`on` stay strings, as with ruamel) into nodes with
 * ranges, and collects positioned diagnostics while callers walk it. Never throws on user input.
 */

export type YNode = Node;

// Python's YAML loaders expand aliases fully; cap the expansion so a "billion laughs" input can't hang us.
const MAX_EXPANDED_NODES = 200_000;

export class YamlReader {
  readonly doc: Document.Parsed;
  readonly lines: LineIndex;
  readonly diagnostics: Diagnostic[] = [];
  private expanded = 0;
  private reportedExpansion = false;

  constructor(
    readonly text: string,
    readonly source?: string,
  ) {
    this.lines = new LineIndex(text);
    this.doc = parseDocument(text, {
      version: '1.2',
      schema: 'core',
      intAsBigInt: true,
      uniqueKeys: true,
      prettyErrors: false,
      lineCounter: new LineCounter(),
    });
    for (const e of this.doc.errors) {
      this.report('error', yamlErrorCode(e.code), `YAML: ${firstLine(e.message)}`, this.lines.range(e.pos[0], e.pos[1]));
    }
    for (const w of this.doc.warnings) {
      this.report('warning', 'yaml-warning', `YAML: ${firstLine(w.message)}`, this.lines.range(w.pos[0], w.pos[1]));
    }
  }

  /** The root node, if the document has one. */
  get root(): YNode | undefined {
    return this.resolve(this.doc.contents ?? undefined);
  }

  /** Follows aliases to the anchored node. */
  resolve(node: YNode | null | undefined): YNode | undefined {
    let n: unknown = node ?? undefined;
    for (let hops = 0; isAlias(n) && hops < 100; hops++) n = n.resolve(this.doc);
    return isAlias(n) ? undefined : (n as YNode | undefined);
  }

  /** The source range of a node's value. */
  range(node: YNode | Pair | null | undefined, fallback?: Range): Range {
    const n = isPair(node) ? (node.key as YNode) : node;
    if (n?.range) return this.lines.range(n.range[0], n.range[1]);
    return fallback ?? this.lines.range(0, 0);
  }

  report(severity: Severity, code: string, message: string, range: Range): void {
    const d: Diagnostic = { severity, code, message, range };
    if (this.source) d.source = this.source;
    this.diagnostics.push(d);
  }

  error(at: YNode | Pair | Range | undefined, code: string, message: string): void {
    this.report('error', code, message, isRange(at) ? at : this.range(at));
  }

  warning(at: YNode | Pair | Range | undefined, code: string, message: string): void {
    this.report('warning', code, message, isRange(at) ? at : this.range(at));
  }

  /** The node as a mapping, or an error naming what was expected. */
  map(node: YNode | undefined, what: string): YAMLMap | undefined {
    const n = this.resolve(node);
    if (isMap(n)) return n;
    this.error(n, 'expected-mapping', `${what} must be a mapping (\`key: value\` lines), not ${describeNode(n)}`);
    return undefined;
  }

  /** The node as a sequence, or an error naming what was expected. */
  seq(node: YNode | undefined, what: string): YAMLSeq | undefined {
    const n = this.resolve(node);
    if (isSeq(n)) return n;
    this.error(n, 'expected-list', `${what} must be a list (\`- item\` lines), not ${describeNode(n)}`);
    return undefined;
  }

  /** Pairs of a mapping whose keys are strings; reports other keys. */
  pairs(map: YAMLMap): Array<{ key: string; pair: Pair; value: YNode | undefined }> {
    const out: Array<{ key: string; pair: Pair; value: YNode | undefined }> = [];
    for (const pair of map.items) {
      const key = this.keyString(pair);
      if (key !== undefined) out.push({ key, pair, value: this.resolve(pair.value as YNode | null) });
    }
    return out;
  }

  /** A mapping key as the string Python's `json.dumps` would write, or undefined (with an error) for collections. */
  keyString(pair: Pair): string | undefined {
    const k = this.resolve(pair.key as YNode | null);
    if (k === undefined) return 'null';
    if (!isScalar(k)) {
      this.error(k, 'invalid-key', 'a mapping key must be a plain value, not a list or mapping');
      return undefined;
    }
    const v = k.value;
    if (typeof v === 'string') return v;
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'number') return pythonFloatRepr(v);
    if (v === null) return 'null';
    return String(v);
  }

  /** A string value, or an error. `null` is returned as-is when `allowNull`. */
  string(node: YNode | undefined, what: string): string | undefined {
    const n = this.resolve(node);
    if (isScalar(n) && typeof n.value === 'string') return n.value;
    this.error(n, 'expected-string', `${what} must be a string, not ${describeNode(n)}${quoteHint(n)}`);
    return undefined;
  }

  /** An integer value, or an error. */
  int(node: YNode | undefined, what: string): number | undefined {
    const n = this.resolve(node);
    if (isScalar(n) && typeof n.value === 'bigint' && Number.isSafeInteger(Number(n.value))) return Number(n.value);
    this.error(n, 'expected-integer', `${what} must be an integer, not ${describeNode(n)}`);
    return undefined;
  }

  /** A boolean value, or an error. */
  bool(node: YNode | undefined, what: string): boolean | undefined {
    const n = this.resolve(node);
    if (isScalar(n) && typeof n.value === 'boolean') return n.value;
    this.error(n, 'expected-boolean', `${what} must be \`true\` or \`false\`, not ${describeNode(n)}`);
    return undefined;
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
    if (isScalar(n)) return scalarJson(n.value);
    if (isSeq(n)) return n.items.map((item) => this.json(item as YNode));
    if (isMap(n)) {
      const out: JsonObject = new Map();
      for (const pair of n.items) {
        const key = this.keyString(pair);
        if (key !== undefined) out.set(key, this.json(pair.value as YNode | null));
      }
      return out;
    }
    return null;
  }
}

function scalarJson(v: unknown): JsonValue {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  // With intAsBigInt every int is a bigint, so a number here is a YAML float (`1.0`, `.inf`, `!!float 1`).
  if (typeof v === 'number') return new PyFloat(v);
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return v;
  return v === undefined ? null : String(v);
}

/** A short description of what a node is, for "must be X, not Y" messages. */
export function describeNode(n: YNode | undefined): string {
  if (n === undefined) return 'nothing';
  if (isMap(n)) return 'a mapping';
  if (isSeq(n)) return 'a list';
  if (isScalar(n)) {
    const v = n.value;
    if (v === null) return 'null';
    if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
    if (typeof v === 'boolean') return `the boolean \`${v}\``;
    if (typeof v === 'bigint') return `the integer ${v}`;
    if (typeof v === 'number') return `the number ${pythonFloatRepr(v)}`;
  }
  return 'an unsupported value';
}

function quoteHint(n: YNode | undefined): string {
  if (isScalar(n) && (typeof n.value === 'number' || typeof n.value === 'bigint' || typeof n.value === 'boolean')) {
    return ` (YAML read \`${n.source ?? String(n.value)}\` as ${typeof n.value === 'boolean' ? 'a boolean' : 'a number'}: put it in quotes)`;
  }
  return '';
}

function isRange(x: unknown): x is Range {
  return typeof x === 'object' && x !== null && 'start' in x && 'end' in x && !('items' in x);
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function yamlErrorCode(code: string): string {
  return code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
}
