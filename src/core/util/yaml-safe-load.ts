import { Kind, safeLoad, type YAMLMapping, type YamlMap, type YAMLNode, type YAMLSequence } from '@stoplight/yaml-ast-parser';

/**
 * Runs `@stoplight/yaml-ast-parser` only on inputs it is known to finish, and turns what it cannot
 * handle into positioned problems instead of hangs or stack overflows.
 *
 * The hang: in a double-quoted scalar, a `\x`, `\u` or `\U` escape without enough hex digits makes
 * the parser's error recovery skip to the end of the line and then keep stepping past the end of
 * its input, where `charCodeAt` gives `NaN` and its "end of input" test (`=== 0`) never holds
 * (`a: "\u` at the end of a file, `p: "C:\Users\x"`). We find every such escape by a pre-scan and,
 * when there is one, parse a copy in which its letter is swapped for `q`: an unknown escape, which
 * the parser reports and recovers from safely. The swap is neutral outside double quotes (a letter
 * for a letter), so a swapped escape the parser did not report was never read as an escape and the
 * original text is safe to parse as it is.
 */

export interface LoadProblem {
  /** Offsets into the text given to `loadYaml`. */
  start: number;
  end: number;
  code: string;
  message: string;
}

export interface LoadedYaml {
  root: YAMLNode | undefined;
  /** Problems found around the parser; each is a syntax error. */
  problems: LoadProblem[];
  /** Parser error positions already explained by `problems` (not to be reported again). */
  explained: Set<number>;
}

/** Collections nested deeper than this are cut off with an error: wt-compiler's Python (YAML reader, literal code) has nesting limits too. */
export const MAX_NESTING = 100;

const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };
const SWAP = 'q';

/** Offsets of backslashes that start a hex escape without enough hex digits (read as escape pairs, left to right). */
export function badHexEscapes(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i + 2)) {
    const need = HEX_DIGITS[text[i + 1]];
    if (need === undefined) continue;
    const digits = text.slice(i + 2, i + 2 + need);
    if (digits.length < need || !/^[0-9a-fA-F]*$/.test(digits)) out.push(i);
  }
  return out;
}

/** Parses YAML text (BOM already removed) without hanging or throwing. */
export function loadYaml(text: string): LoadedYaml {
  const problems: LoadProblem[] = [];
  const explained = new Set<number>();
  const candidates = badHexEscapes(text);
  let root: YAMLNode | undefined;
  let parsed: ParseOutcome;
  if (candidates.length === 0) parsed = parseGuarded(text);
  else {
    const chars = text.split('');
    for (const i of candidates) chars[i + 1] = SWAP;
    const swapped = chars.join('');
    parsed = parseGuarded(swapped);
    const unknownEscapes = new Set((parsed.root?.errors ?? []).filter((e) => /unknown escape sequence/.test(e.message)).map((e) => e.mark?.position ?? -1));
    const hits = candidates.filter((i) => unknownEscapes.has(i + 1));
    if (hits.length === 0) parsed = parseGuarded(text); // no candidate sat in double quotes: the original is safe
    for (const i of hits) {
      explained.add(i + 1);
      const letter = text[i + 1];
      const need = HEX_DIGITS[letter];
      problems.push({
        start: i,
        end: i + 2,
        code: 'yaml-invalid-escape',
        message: `YAML: \`\\${letter}\` in a double-quoted string must be followed by ${need} hex digits; to write a backslash use \`\\\\\` or put the text in single quotes (e.g. 'C:\\Users')`,
      });
    }
  }
  if ('failedAt' in parsed) {
    const at = parsed.failedAt;
    problems.push(
      parsed.overflow
        ? { start: at, end: at + 1, code: 'yaml-too-deep', message: `YAML: the document nests too deeply near here for the reader to follow (more than ${MAX_NESTING} levels are not supported): flatten it` }
        : { start: at, end: at + 1, code: 'yaml-syntax', message: 'YAML: the document cannot be read from here on: check the syntax of this line (a stray `%`, `!`, `&`, `*` or `?` at the start of a value needs quotes)' },
    );
    return { root: undefined, problems, explained };
  }
  root = parsed.root;
  if (root) cutDeepNesting(root, problems);
  return { root, problems, explained };
}

type ParseOutcome = { root: YAMLNode | undefined } | { failedAt: number; overflow: boolean; root?: undefined };

/**
 * The parser recurses per nesting level (deep input overflows the stack) and has inputs it throws on
 * (`%YAML 1.2:`). Either way the place is found by bisecting on prefixes: the shortest one that fails.
 */
function parseGuarded(text: string): ParseOutcome {
  // Duplicate keys are left to YamlReader's `pairs`: the parser's own check compares every key with
  // all earlier siblings, quadratic in a mapping's size (long rjsf-overrides).
  let overflow: boolean;
  try {
    return { root: safeLoad(text, { ignoreDuplicateKeys: true }) ?? undefined };
  } catch (e) {
    overflow = e instanceof RangeError;
  }
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (throws(text.slice(0, mid))) hi = mid;
    else lo = mid + 1;
  }
  return { failedAt: Math.max(0, lo - 1), overflow };
}

function throws(text: string): boolean {
  try {
    safeLoad(text, { ignoreDuplicateKeys: true });
    return false;
  } catch {
    return true;
  }
}

/** Reports the first collection nested deeper than MAX_NESTING and empties it, so later walks stay shallow. */
function cutDeepNesting(root: YAMLNode, problems: LoadProblem[]): void {
  // Parallel stacks, no allocation per node: this runs on every keystroke's parse.
  const nodes: YAMLNode[] = [root];
  const depths: number[] = [0];
  let reported = false;
  while (nodes.length > 0) {
    const n = nodes.pop()!;
    const depth = depths.pop()!;
    if (n.kind === Kind.MAPPING) {
      const p = n as YAMLMapping;
      if (p.value) {
        nodes.push(p.value);
        depths.push(depth);
      }
      continue;
    }
    const children = n.kind === Kind.SEQ ? (n as YAMLSequence).items : n.kind === Kind.MAP ? (n as YamlMap).mappings : undefined;
    if (!children || children.length === 0) continue;
    if (depth >= MAX_NESTING) {
      if (!reported) {
        reported = true;
        problems.push({ start: n.startPosition, end: n.startPosition + 1, code: 'yaml-too-deep', message: `YAML: nesting deeper than ${MAX_NESTING} levels is not supported (wt-compiler's Python cannot read or generate code for it): flatten this value` });
      }
      children.length = 0;
      continue;
    }
    for (const c of children) {
      if (c) {
        nodes.push(c);
        depths.push(depth + 1);
      }
    }
  }
}
