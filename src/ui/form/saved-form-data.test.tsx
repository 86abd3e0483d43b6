// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { storeFormData, useSavedFormData } from './saved-form-data.ts';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('form values per workspace', () => {
  test('are kept across a reload (a new mount) and never leak into another workspace', () => {
    const first = renderHook(({ id }) => useSavedFormData(id), { initialProps: { id: 'a' as string | undefined } });
    act(() => first.result.current[1]({ fetch: { page_size: 42 } }));
    expect(first.result.current[0]).toEqual({ fetch: { page_size: 42 } });
    first.rerender({ id: 'b' });
    expect(first.result.current[0]).toEqual({});
    first.unmount();

    const reloaded = renderHook(() => useSavedFormData('a'));
    expect(reloaded.result.current[0]).toEqual({ fetch: { page_size: 42 } });
  });

  test('values stored for a workspace before it opens (from a share link) are its starting values', () => {
    storeFormData('shared', { greeting: { name: 'Ada' } });
    const h = renderHook(() => useSavedFormData('shared'));
    expect(h.result.current[0]).toEqual({ greeting: { name: 'Ada' } });
  });

  test('damaged stored values start the form empty', () => {
    localStorage.setItem('wt-workbench:form:x', '{not json');
    expect(renderHook(() => useSavedFormData('x')).result.current[0]).toEqual({});
  });
});
