import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test-support/reference.ts';
import { parseSpec } from '../spec/parse-spec.ts';
import { badHexEscapes, loadYaml, MAX_NESTING } from './yaml-safe-load.ts';
import { YamlReader } from './yaml-reader.ts';

const brief = (text: string) => new YamlReader(text).diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column]);

// Inputs that made @stoplight/yaml-ast-parser loop forever (its error recovery stepped past the end of its input).
const LOOPING = ['a: "\\u', 'a: "\\u\n', 'p: "C:\\Users\\x"\n', 'p: "C:\\Users\\x"', 'a: "\\u12"\n', 'a: "\\x"', 'a: "\\U1"\n', 'id: wf\nworkflow:\n  - id: a\n    task: "x\\u'];

describe('bad escapes in double-quoted strings', () => {
  it('end in a time-boxed child process (the parser used to loop forever on them)', () => {
    const script = `const { YamlReader } = await import(${JSON.stringify(join(REPO_ROOT, 'src/core/util/yaml-reader.ts'))});
      for (const t of ${JSON.stringify(LOOPING)}) console.log(JSON.stringify(new YamlReader(t).diagnostics.map((d) => d.code)));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 20_000 });
    expect(r.error?.message ?? '').not.toContain('ETIMEDOUT');
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l) as string[])).toEqual(LOOPING.map(() => ['yaml-invalid-escape']));
  });

  it.each([
    ['a: "\\u', 1, 5],
    ['p: "C:\\Users\\x"\n', 1, 7],
    ['a: 1\nb: "ok \\x4"\n', 2, 8],
  ])('are a positioned syntax error: %j', (text, line, column) => {
    expect(brief(text)).toEqual([['yaml-invalid-escape', line, column]]);
    expect(new YamlReader(text).diagnostics[0].message).toContain('single quotes');
  });

  it('leave backslashes alone where YAML does not read escapes (plain, single-quoted, block, comments)', () => {
    const text = 'a: C:\\Users\\x\nb: \'C:\\Users\\x\'\nc: |\n  \\u\n# "\\u\nd: "\\\\u \\u00e9"\n';
    const r = new YamlReader(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.json(r.root)).toEqual(new Map([['a', 'C:\\Users\\x'], ['b', 'C:\\Users\\x'], ['c', '\\u\n'], ['d', '\\u é']]));
  });

  it('finds candidates by reading escape pairs left to right', () => {
    expect(badHexEscapes('"\\\\u"')).toEqual([]); // an escaped backslash, then a plain `u`
    expect(badHexEscapes('"\\\\\\u"')).toEqual([3]);
    expect(badHexEscapes('"\\u00e9 \\x4"')).toEqual([8]);
  });
});

// Double-quoted scalars with random escape-heavy content, in the places a spec has them.
const escapeChunk = fc.oneof(
  fc.constantFrom('\\', '\\u', '\\U', '\\x', '\\x4', '\\u12', '\\U0001', '\\\\', '\\"', '\\n', '\\q', '"', '\n', ' ', 'a', 'f', '0', '9', 'C:', '\t', '\r\n', '#', '{', '['),
  fc.string({ unit: fc.constantFrom('\\', 'u', 'U', 'x', '0', 'F', '"', '\n', ' '), maxLength: 6 }),
);
const quoted = fc.array(escapeChunk, { maxLength: 12 }).map((parts) => parts.join(''));
const placed = fc.tuple(fc.constantFrom('a: "', 'a: ["', 'a: {k: "', '- "', 'id: wf\nworkflow:\n  - id: x\n    task: "', 'k: \'', 'k: '), quoted, fc.constantFrom('', '"', '"\n', '"]\n', '\nb: 1\n'));

describe('the reader on random backslash sequences inside quotes', () => {
  it('always returns, and reports an unreadable escape as a positioned error', () => {
    fc.assert(
      fc.property(placed, ([head, body, tail]) => {
        const text = head + body + tail;
        const loaded = loadYaml(text);
        for (const p of loaded.problems) expect(p.start).toBeLessThanOrEqual(text.length);
        const r = parseSpec(text);
        for (const d of r.diagnostics) expect(d.message).not.toMatch(/Maximum call stack|Cannot read properties/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a document the parser throws on', () => {
  it('is a positioned syntax error, not "Cannot read properties of null" at 1:1', () => {
    const d = new YamlReader('id: wf\n%YAML 1.2:\n').diagnostics;
    expect(d.map((x) => [x.code, x.range.start.line])).toEqual([['yaml-syntax', 2]]);
    expect(d[0].message).not.toMatch(/Cannot read/);
  });
});

describe('deep nesting', () => {
  it('is cut at MAX_NESTING levels with an error at the first level too deep', () => {
    const text = 'a: ' + '['.repeat(MAX_NESTING + 5) + ']'.repeat(MAX_NESTING + 5) + '\n';
    expect(brief(text)).toEqual([['yaml-too-deep', 1, 3 + MAX_NESTING]]); // the root mapping is level 1
  });

  it('beyond what the parser can recurse into is a positioned error, not "Maximum call stack size exceeded" at 1:1', () => {
    const text = 'id: wf\nx: ' + '['.repeat(20_000) + '\n';
    const d = new YamlReader(text).diagnostics;
    expect(d.map((x) => [x.code, x.range.start.line])).toEqual([['yaml-too-deep', 2]]);
    expect(d[0].range.start.column).toBeGreaterThan(10);
    expect(d[0].message).not.toContain('call stack');
  });

  it('through chains of aliases stays bounded for the spec reader', () => {
    // Each anchor nests the previous one a level deeper: the tree is shallow, its expansion deep.
    const lines = ['id: wf', 'requirements: []', 'x0: &a0 [1]'];
    for (let i = 1; i < 3000; i++) lines.push(`x${i}: &a${i} [*a${i - 1}]`);
    lines.push('workflow:', '  - id: t', '    task: add', '    partial:', `      v: *a2999`);
    const r = parseSpec(lines.join('\n') + '\n');
    expect(r.diagnostics.some((d) => d.code === 'yaml-too-deep')).toBe(true);
  });
});
