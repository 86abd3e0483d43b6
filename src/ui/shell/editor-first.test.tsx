// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useEditorFirst } from './editor-first.ts';

// Fake timers: the order of events is tested, not how long anything takes.
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const key = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));

describe('useEditorFirst', () => {
  test('the other panels wait for the editor, then for a quiet keyboard', () => {
    const { result } = renderHook(() => useEditorFirst(5000, 400));
    act(() => vi.advanceTimersByTime(1000));
    expect(result.current.ready).toBe(false);
    act(() => result.current.editorMounted());
    act(() => vi.advanceTimersByTime(300));
    act(key);
    act(() => vi.advanceTimersByTime(300));
    // The keystroke pushed them back.
    expect(result.current.ready).toBe(false);
    act(() => vi.advanceTimersByTime(100));
    expect(result.current.ready).toBe(true);
  });

  test('they load anyway when the editor never mounts or typing never stops', () => {
    const never = renderHook(() => useEditorFirst(5000, 400));
    act(() => vi.advanceTimersByTime(5000));
    expect(never.result.current.ready).toBe(true);

    const typing = renderHook(() => useEditorFirst(5000, 400));
    act(() => typing.result.current.editorMounted());
    for (let t = 0; t < 5200; t += 200) {
      act(key);
      act(() => vi.advanceTimersByTime(200));
    }
    expect(typing.result.current.ready).toBe(true);
  });
});
