import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { formatKey, formatString, TomlTable, writeToml } from './toml-writer.ts';

describe('toml-writer (tomli_w layout)', () => {
  it('writes values before sub-tables, headers only where tomli_w writes them, blank lines between tables', () => {
    const root = new TomlTable();
    root.table('workspace').set('name', 'x').set('channels', ['a', 'b']).set('empty', []);
    const deps = root.table('dependencies');
    deps.table('ruamel.yaml').set('version', '*');
    deps.table('click').set('version', '>=8');
    const feature = root.table('feature');
    feature.table('runner').table('tasks');
    feature.table('test').table('tasks').table('t').set('cmd', 'c').set('depends-on', ['p']);
    feature.table('test').table('tasks').set('lit', 'v');
    root.table('tasks').set('2048', 'numeric key keeps its place').set('a b', true);
    expect(writeToml(root)).toBe(
      [
        '[workspace]',
        'name = "x"',
        'channels = [',
        '    "a",',
        '    "b",',
        ']',
        'empty = []',
        '',
        '[dependencies."ruamel.yaml"]',
        'version = "*"',
        '',
        '[dependencies.click]',
        'version = ">=8"',
        '',
        '[feature.runner.tasks]',
        '',
        '[feature.test.tasks]',
        'lit = "v"',
        '',
        '[feature.test.tasks.t]',
        'cmd = "c"',
        'depends-on = [',
        '    "p",',
        ']',
        '',
        '[tasks]',
        '2048 = "numeric key keeps its place"',
        '"a b" = true',
        '',
      ].join('\n'),
    );
  });

  it('escapes strings like tomli_w and round-trips through smol-toml', () => {
    expect(formatString('a"b\\c\nd\te\u0001\u007f é')).toBe('"a\\"b\\\\c\\nd\te\\u0001\\u007f é"');
    expect(formatKey('wt-task_1')).toBe('wt-task_1');
    expect(formatKey('')).toBe('""');
    expect(formatKey('ruamel.yaml')).toBe('"ruamel.yaml"');
    const root = new TomlTable();
    const nasty = 'mkdir x\n&& echo "{{ y }}" \\ \r\b\f\u0000 ☃';
    root.table('t').set('k.e"y', nasty).set('n', 3).set('nested', [['a'], []]).set('f', false);
    expect(parse(writeToml(root))).toEqual({ t: { 'k.e"y': nasty, n: 3, nested: [['a'], []], f: false } });
  });
});
