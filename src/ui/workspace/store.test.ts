// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { lastWorkspaceIds, rememberOpenWorkspace, summarize } from './store.ts';
import type { Workspace } from './model.ts';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  vi.restoreAllMocks();
});

const ws = (id: string, name: string, updatedAt: number): Workspace => ({ id, name, updatedAt, revision: 1, files: { spec: 'id: x' } });

describe('summarize', () => {
  test('newest first, names may repeat, files left out', () => {
    expect(summarize([ws('a', 'One', 1), ws('b', 'Two', 3), ws('c', 'One', 2)])).toEqual([
      { id: 'b', name: 'Two', updatedAt: 3 },
      { id: 'c', name: 'One', updatedAt: 2 },
      { id: 'a', name: 'One', updatedAt: 1 },
    ]);
  });
});

describe('the open workspace per tab', () => {
  test("this tab's workspace comes before the one another tab opened last", () => {
    rememberOpenWorkspace('mine');
    // Another tab opens its workspace later: only the shared default changes.
    localStorage.setItem('wt-workbench:last-workspace', 'theirs');
    expect(lastWorkspaceIds()).toEqual(['mine', 'theirs']);
  });

  test('a new tab (empty sessionStorage) starts from the one opened last', () => {
    rememberOpenWorkspace('mine');
    sessionStorage.clear();
    expect(lastWorkspaceIds()).toEqual(['mine']);
  });

  test('no duplicates and nothing remembered yet', () => {
    expect(lastWorkspaceIds()).toEqual([]);
    rememberOpenWorkspace('x');
    expect(lastWorkspaceIds()).toEqual(['x']);
  });

  test('storage that throws (private mode) is ignored', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => rememberOpenWorkspace('x')).not.toThrow();
    expect(lastWorkspaceIds()).toEqual([]);
  });
});
