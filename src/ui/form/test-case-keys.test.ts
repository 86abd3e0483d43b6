import { describe, expect, test } from 'vitest';
import { testCaseKeys } from './test-case-keys.ts';

describe('testCaseKeys', () => {
  test('reads the top-level keys only, quoted or not', () => {
    const text = '# saved cases\ncase_1:\n  name: "case_1"\n  params: {"a": {"case_9": 1}}\n"case_2":\n  params: {}\nmine: {params: {}}\n';
    expect([...testCaseKeys(text)]).toEqual(['case_1', 'case_2', 'mine']);
  });

  test('an empty or missing file has no keys', () => {
    expect(testCaseKeys(undefined).size).toBe(0);
    expect(testCaseKeys('\n# nothing yet\n').size).toBe(0);
  });

  test('a file that already holds a duplicate key still lists it', () => {
    expect([...testCaseKeys('case_1:\n  params: {}\ncase_1:\n  params: {}\n')]).toEqual(['case_1']);
  });

  test('a file that does not parse falls back to unindented `key:` lines', () => {
    const text = 'case_1:\n  params: {"a": [1, 2}\ncase_3:\n  name: x\n  params: {}\n';
    expect([...testCaseKeys(text)].sort()).toEqual(['case_1', 'case_3']);
  });
});
