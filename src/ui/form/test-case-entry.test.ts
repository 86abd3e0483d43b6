import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { appendTestCase, testCaseEntry } from './test-case-entry.ts';

describe('a saved test case', () => {
  const params = { fetch: { since: '2024-01-01', page_size: 500, sites: ['a', 'b'] }, Report: { report: { title: 'Counts: 2024' } } };

  test('is block YAML that reads back as the same parameters', () => {
    const entry = testCaseEntry('case-1', params);
    expect(entry).toBe(
      [
        'case-1:',
        '  name: case-1',
        '  description: ""',
        '  params:',
        '    fetch:',
        '      since: "2024-01-01"',
        '      page_size: 500',
        '      sites:',
        '        - a',
        '        - b',
        '    Report:',
        '      report:',
        '        title: "Counts: 2024"',
        '',
      ].join('\n'),
    );
    expect(entry).not.toMatch(/[{[]/);
    expect(parse(entry)).toEqual({ 'case-1': { name: 'case-1', description: '', params } });
  });

  test('is appended on a line of its own', () => {
    expect(appendTestCase('a:\n  name: a', 'b: 1\n')).toBe('a:\n  name: a\nb: 1\n');
    expect(appendTestCase('', 'b: 1\n')).toBe('b: 1\n');
  });
});
