// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Workspace } from './model.ts';
import type { SaveResult } from './store.ts';

// The store is IndexedDB; here a Map stands in, so the hook's ordering (flush, then open) is what is tested.
const stored = new Map<string, Workspace>();
const calls: string[] = [];
vi.mock('./store.ts', () => ({
  loadLastWorkspace: vi.fn(async () => stored.get('a')),
  loadWorkspace: vi.fn(async (id: string) => {
    calls.push(`load ${id}`);
    return stored.get(id);
  }),
  rememberOpenWorkspace: vi.fn((id: string) => calls.push(`remember ${id}`)),
  saveWorkspace: vi.fn(async (ws: Workspace, base: number, force = false): Promise<SaveResult> => {
    calls.push(`save ${ws.id} ${ws.files.spec}`);
    const old = stored.get(ws.id);
    if (old && old.revision > base && !force) return { conflict: old };
    const saved = { ...ws, revision: (old?.revision ?? 0) + 1 };
    stored.set(ws.id, saved);
    return { saved };
  }),
}));
const { useWorkspace } = await import('./use-workspace.ts');

const ws = (id: string, spec: string): Workspace => ({ id, name: id.toUpperCase(), files: { spec }, revision: 1, updatedAt: 1 });

beforeEach(() => {
  // The start guard's mark (a workspace still starting) must not carry over from the last test.
  localStorage.clear();
  stored.clear();
  calls.length = 0;
  stored.set('a', ws('a', 'a0'));
  stored.set('b', ws('b', 'b0'));
});
afterEach(cleanup);

async function setup() {
  const h = renderHook(() => useWorkspace(async () => ws('example', 'e0')));
  await waitFor(() => expect(h.result.current.workspace?.id).toBe('a'));
  calls.length = 0;
  return h;
}

describe('useWorkspace.switchTo', () => {
  test('saves pending edits of the current workspace, then opens and remembers the other', async () => {
    const { result } = await setup();
    act(() => result.current.setFile('spec', 'a1'));
    let r: Awaited<ReturnType<typeof result.current.switchTo>> | undefined;
    await act(async () => {
      r = await result.current.switchTo('b');
    });
    expect(r).toEqual({ opened: stored.get('b') });
    expect(calls).toEqual(['save a a1', 'load b', 'remember b']);
    expect(stored.get('a')?.files.spec).toBe('a1');
    expect(result.current.workspace?.id).toBe('b');
    expect(result.current.status).toBe('saved');
  });

  test('does not save when nothing changed', async () => {
    const { result } = await setup();
    await act(() => result.current.switchTo('b'));
    expect(calls).toEqual(['load b', 'remember b']);
  });

  test('a workspace that is gone is an error and the current one stays open', async () => {
    const { result } = await setup();
    let r: Awaited<ReturnType<typeof result.current.switchTo>> | undefined;
    await act(async () => {
      r = await result.current.switchTo('gone');
    });
    expect(r).toEqual({ error: expect.stringContaining('no longer stored') });
    expect(result.current.workspace?.id).toBe('a');
  });

  test('unsaved edits that conflict with another tab block the switch', async () => {
    const { result } = await setup();
    act(() => result.current.setFile('spec', 'a1'));
    stored.set('a', { ...ws('a', 'other tab'), revision: 5 });
    let r: Awaited<ReturnType<typeof result.current.switchTo>> | undefined;
    await act(async () => {
      r = await result.current.switchTo('b');
    });
    expect(r).toEqual({ error: expect.stringContaining('another tab') });
    expect(result.current.workspace?.id).toBe('a');
    expect(result.current.conflict?.files.spec).toBe('other tab');
  });
});

describe('useWorkspace.replace', () => {
  test('saves the outgoing workspace before opening the new one', async () => {
    const { result } = await setup();
    act(() => result.current.setFile('spec', 'a1'));
    await act(async () => void result.current.replace(ws('new', 'n0')));
    await waitFor(() => expect(result.current.workspace?.id).toBe('new'));
    await waitFor(() => expect(stored.has('new')).toBe(true));
    expect(calls).toEqual(['save a a1', 'remember new', 'save new n0']);
  });
});

describe('saves run one at a time', () => {
  test('a save started while another runs is no false conflict: switching mid-save works', async () => {
    const { result } = await setup();
    act(() => result.current.setFile('spec', 'a1'));
    let r: Awaited<ReturnType<typeof result.current.switchTo>> | undefined;
    await act(async () => {
      // Ctrl+S, then switching before that save has answered.
      void result.current.save();
      act(() => result.current.setFile('spec', 'a2'));
      r = await result.current.switchTo('b');
    });
    expect(r).toEqual({ opened: stored.get('b') });
    expect(result.current.conflict).toBeUndefined();
    expect(stored.get('a')?.files.spec).toBe('a2');
  });

  test('replace keeps the outgoing workspace open when its edits conflict, instead of dropping them', async () => {
    const { result } = await setup();
    act(() => result.current.setFile('spec', 'a1'));
    stored.set('a', { ...ws('a', 'other tab'), revision: 5 });
    await act(async () => void result.current.replace(ws('new', 'n0')));
    await waitFor(() => expect(result.current.status).toBe('conflict'));
    expect(result.current.workspace?.id).toBe('a');
    expect(result.current.workspace?.files.spec).toBe('a1');
    expect(stored.has('new')).toBe(false);
  });
});

describe('start-up never reopens a workspace that broke the page', () => {
  test('a start that never finished opens nothing and asks the user to pick', async () => {
    localStorage.setItem('wt-workbench:starting', 'a');
    const h = renderHook(() => useWorkspace(async () => ws('example', 'e0')));
    await waitFor(() => expect(h.result.current.startNotice?.pick).toBe(true));
    expect(h.result.current.startNotice?.message).toContain('did not finish loading');
    expect(h.result.current.workspace).toBeUndefined();
    expect(calls).toEqual([]);
    // Picking one from the list opens it.
    await act(() => h.result.current.switchTo('b'));
    expect(h.result.current.workspace?.id).toBe('b');
  });

  test('a damaged last record is skipped with a message and the example opens', async () => {
    const { loadLastWorkspace } = await import('./store.ts');
    vi.mocked(loadLastWorkspace).mockImplementationOnce(async (onSkip) => {
      onSkip?.('The last workspace was not opened: the stored workspace a is damaged (it holds no files).');
      return undefined;
    });
    const h = renderHook(() => useWorkspace(async () => ws('example', 'e0')));
    await waitFor(() => expect(h.result.current.workspace?.id).toBe('example'));
    expect(h.result.current.startNotice).toEqual({ message: expect.stringContaining('is damaged'), pick: false });
  });
});
