// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest';
import { markCrashed, markStarting, resetStartGuardForTests, startCompleted, unfinishedStart } from './start-guard.ts';

afterEach(() => {
  localStorage.clear();
  resetStartGuardForTests();
});

describe('the start guard', () => {
  test('a start that completes leaves no mark', () => {
    markStarting('a');
    expect(unfinishedStart()).toBe('a');
    startCompleted('a');
    expect(unfinishedStart()).toBeUndefined();
  });

  test("completing an older workspace's start does not clear the newer one's", () => {
    markStarting('a');
    markStarting('b');
    startCompleted('a');
    expect(unfinishedStart()).toBe('b');
  });

  test('after a crash the mark stays, even when the page is then left normally', () => {
    markStarting('a');
    startCompleted('a');
    markCrashed('a');
    startCompleted('a');
    expect(unfinishedStart()).toBe('a');
  });
});
