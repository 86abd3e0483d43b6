import { describe, expect, it } from 'vitest';
import { TomlKeyLocator } from './toml-locate.ts';

const start = (loc: TomlKeyLocator, path: string[]) => [loc.range(path).start.line, loc.range(path).start.column];

describe('TomlKeyLocator', () => {
  const text = [
    '# comment',
    '[feature.default.dependencies]',
    '  click = ">=8"',
    '"ruamel.yaml" = { version = "*", channel = "conda-forge" }',
    'nested = { a = { b = 1 }, c = [1, { d = 2 }], e = "x, }" }',
    'doc = """',
    'fake = "inside a multi-line string"',
    '"""',
    '[ feature . "runner" . "pypi-dependencies" ]',
    "'wt-runner' = { path = '../wt-runner' }",
    'feature.test.dependencies.pytest = "*"',
    '[[array]]',
    'item = 1',
  ].join('\r\n');
  const loc = new TomlKeyLocator(text);

  it('finds headers, plain, quoted, dotted and inline-table keys', () => {
    expect(start(loc, ['feature', 'default', 'dependencies'])).toEqual([2, 1]);
    expect(start(loc, ['feature', 'default', 'dependencies', 'click'])).toEqual([3, 3]);
    expect(start(loc, ['feature', 'default', 'dependencies', 'ruamel.yaml'])).toEqual([4, 1]);
    expect(start(loc, ['feature', 'default', 'dependencies', 'ruamel.yaml', 'channel'])).toEqual([4, 34]);
    expect(start(loc, ['feature', 'default', 'dependencies', 'nested', 'a', 'b'])).toEqual([5, 18]);
    expect(start(loc, ['feature', 'default', 'dependencies', 'nested', 'e'])).toEqual([5, 47]);
    expect(start(loc, ['feature', 'runner', 'pypi-dependencies', 'wt-runner', 'path'])).toEqual([10, 17]);
    expect(start(loc, ['feature', 'runner', 'pypi-dependencies', 'feature', 'test', 'dependencies', 'pytest'])).toEqual([11, 1]);
    expect(start(loc, ['array', 'item'])).toEqual([13, 1]);
  });

  it('skips multi-line strings and falls back to the nearest located ancestor, then the document start', () => {
    expect(start(loc, ['feature', 'default', 'dependencies', 'fake'])).toEqual([2, 1]);
    expect(start(loc, ['feature', 'default', 'dependencies', 'click', 'version'])).toEqual([3, 3]);
    expect(start(loc, ['nowhere'])).toEqual([1, 1]);
  });
});
