import type { Diagnostic, Range } from '../util/diagnostics.ts';
import { parseJson, type ParsedJson } from '../util/json-parse.ts';
import { isObject, type JsonArray, type JsonObject, type JsonValue } from '../util/json-value.ts';
import { didYouMean } from '../util/suggest.ts';
import { pushAll } from '../util/arrays.ts';

/** Walks parsed JSON with source ranges for every key and value, collecting positioned diagnostics. */
export class JsonReader {
  readonly diagnostics: Diagnostic[] = [];
  readonly root: JsonValue | undefined;
  private readonly parsed: ParsedJson;

  constructor(
    readonly text: string,
    readonly source: string,
  ) {
    this.parsed = parseJson(text, source);
    pushAll(this.diagnostics, this.parsed.diagnostics);
    this.root = this.parsed.value;
  }

  /** End offset of the token starting at `offset` (a whole string literal, a word or number, or one bracket). */
  tokenEnd(offset: number): number {
    const t = this.text;
    let end = offset + 1;
    if (t[offset] === '"') {
      while (end < t.length && t[end] !== '"') end += t[end] === '\\' ? 2 : 1;
      return Math.min(end + 1, t.length);
    }
    if (t[offset] !== '{' && t[offset] !== '[') while (end < t.length && /[^\s,\]}]/.test(t[end])) end++;
    return end;
  }

  /** Range of the token starting at `offset`. */
  rangeAt(offset: number): Range {
    return this.parsed.lines.range(offset, this.tokenEnd(offset));
  }

  /** Range of a whole container's opening bracket, or the document start. */
  rangeOf(container: JsonObject | JsonArray): Range {
    const loc = this.parsed.locations.get(container);
    return this.rangeAt(loc?.start ?? 0);
  }

  /** Range of the value at `key` (object) or index (array), falling back to the container. */
  valueRange(container: JsonObject | JsonArray, key: string | number): Range {
    const at = this.parsed.locations.get(container)?.values.get(key);
    return at === undefined ? this.rangeOf(container) : this.rangeAt(at);
  }

  /** Range of a property name. */
  keyRange(container: JsonObject, key: string): Range {
    const at = this.parsed.locations.get(container)?.keys.get(key);
    return at === undefined ? this.rangeOf(container) : this.rangeAt(at);
  }

  /** Offset of the value at `key`, when known. */
  valueOffset(container: JsonObject | JsonArray, key: string | number): number | undefined {
    return this.parsed.locations.get(container)?.values.get(key);
  }

  /** Range for offsets `[start, end)`. */
  range(start: number, end: number): Range {
    return this.parsed.lines.range(start, end);
  }

  error(range: Range, code: string, message: string): void {
    this.diagnostics.push({ severity: 'error', code, message, range, source: this.source });
  }

  warning(range: Range, code: string, message: string): void {
    this.diagnostics.push({ severity: 'warning', code, message, range, source: this.source });
  }

  /** Reports keys outside `allowed` in `obj`. */
  checkKeys(obj: JsonObject, allowed: readonly string[], what: string): void {
    for (const k of obj.keys()) {
      if (!allowed.includes(k)) this.error(this.keyRange(obj, k), 'unknown-key', `unknown key \`${k}\` in ${what}${didYouMean(k, allowed)} (allowed: ${allowed.join(', ')})`);
    }
  }

  /** The object at `key`, or undefined (reporting a wrong type). */
  object(parent: JsonObject, key: string, what: string): JsonObject | undefined {
    const v = parent.get(key);
    if (v === undefined) return undefined;
    if (isObject(v)) return v;
    this.error(this.valueRange(parent, key), 'wrong-type', `${what} must be a JSON object`);
    return undefined;
  }

  /** The string at `key`, or undefined (reporting a wrong type). */
  string(parent: JsonObject, key: string, what: string): string | undefined {
    const v = parent.get(key);
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v;
    this.error(this.valueRange(parent, key), 'wrong-type', `${what} must be a string`);
    return undefined;
  }

  /** The list of strings at `key`, or undefined (reporting wrong types). */
  strings(parent: JsonObject, key: string, what: string): string[] | undefined {
    const v = parent.get(key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      this.error(this.valueRange(parent, key), 'wrong-type', `${what} must be a list of strings`);
      return undefined;
    }
    return v as string[];
  }
}
