import { describe, expect, it } from 'vitest';
import { registryJson } from '../../test-support/registry-builder.ts';
import { checkSpec } from '../compiler/compile.ts';
import { loadRegistry } from '../registry/index.ts';
import { PY_INT_MAX_STR_DIGITS } from '../util/yaml-reader.ts';
import { parseSpec } from './parse-spec.ts';

/** Issue 8 §6: specs that would compile but whose package could not run are errors. */

const yaml = (...lines: string[]) => lines.join('\n') + '\n';
const rows = (text: string) => parseSpec(text).diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column]);
const HEAD = ['id: wf', 'requirements: []', 'workflow:'];

describe('integers past Python’s int_max_str_digits', () => {
  it('are an error at the value', () => {
    const big = '9'.repeat(PY_INT_MAX_STR_DIGITS + 1);
    expect(rows(yaml(...HEAD, '  - id: t', '    task: add', '    partial:', `      n: [1, ${big}]`))).toEqual([['int-too-long', 7, 14]]);
    expect(rows(yaml(...HEAD, '  - id: t', '    task: add', '    partial:', `      n: {-${big}: 1}`))).toEqual([['int-too-long', 7, 11]]);
  });

  it('are fine up to the limit, and as strings', () => {
    const limit = '9'.repeat(PY_INT_MAX_STR_DIGITS);
    expect(rows(yaml(...HEAD, '  - id: t', '    task: add', '    partial:', `      n: ${limit}`, `      s: "${limit}9"`))).toEqual([]);
  });
});

describe('ids that are not NFKC-stable', () => {
  it.each([
    ['ｔａｓｋ', 'task'],
    ['ﬁle', 'file'],
    ['ℌello', 'Hello'],
  ])('`%s` is an error naming what Python would read (%s)', (id, nfkc) => {
    const d = parseSpec(yaml(...HEAD, `  - id: ${id}`, '    task: add')).diagnostics;
    expect(d.map((x) => [x.code, x.range.start.line])).toEqual([['id-not-nfkc', 4]]);
    expect(d[0].message).toContain(`\`${nfkc}\``);
  });

  it('applies to the spec id too, while NFKC-stable non-ASCII ids stay fine', () => {
    expect(rows(yaml('id: ｗｆ', 'requirements: []', 'workflow:', '  - id: größe', '    task: add')).map(([c, l]) => [c, l])).toEqual([['id-not-nfkc', 1]]);
  });
});

describe('a registry with a UTF-8 BOM', () => {
  it('is read like any other', () => {
    const text = '\ufeff' + registryJson([{ fn: 'add', properties: { a: { type: 'integer' } } }]);
    expect(loadRegistry(text).diagnostics).toEqual([]);
    const r = checkSpec(yaml(...HEAD, '  - id: t', '    task: add'), text);
    expect(r.diagnostics).toEqual([]);
  });
});
