// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest';
import { markCrashed, markStarting, OTHER_TAB_GRACE_MS, resetStartGuardForTests, startCompleted, unfinishedStart } from './start-guard.ts';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
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

  test("another tab's fresh mark is a start in progress there, not a crash; an old one is a crash", () => {
    markStarting('a');
    sessionStorage.clear(); // now seen from another tab
    expect(unfinishedStart()).toBeUndefined();
    expect(unfinishedStart(Date.now() + OTHER_TAB_GRACE_MS + 1)).toBe('a');
  });

  test('a mark stored by the previous release (a bare id) still guards the next start', () => {
    localStorage.setItem('wt-workbench:starting', 'a');
    expect(unfinishedStart()).toBe('a');
  });
});
