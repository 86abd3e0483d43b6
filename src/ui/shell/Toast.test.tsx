// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { useState } from 'react';
import { Toast, TOAST_MS, type Notice } from './Toast.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Host({ initial }: { initial: Notice }) {
  const [notice, setNotice] = useState<Notice | undefined>(initial);
  return <Toast notice={notice} onDismiss={() => setNotice(undefined)} />;
}

describe('toasts', () => {
  test('a message dismisses itself after a few seconds', () => {
    vi.useFakeTimers();
    render(<Host initial={{ text: 'Downloaded x.zip.' }} />);
    expect(screen.getByRole('status').textContent).toContain('Downloaded x.zip.');
    act(() => vi.advanceTimersByTime(TOAST_MS - 1));
    expect(screen.getByRole('status').textContent).toContain('Downloaded x.zip.');
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  test('an error stays until dismissed', () => {
    vi.useFakeTimers();
    render(<Host initial={{ text: 'No link made: …', error: true }} />);
    act(() => vi.advanceTimersByTime(10 * TOAST_MS));
    expect(screen.getByRole('status').textContent).toContain('No link made');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  test('a message being read (pointer or focus on it) does not go away', () => {
    vi.useFakeTimers();
    render(<Host initial={{ text: 'Copied a share link.' }} />);
    fireEvent.focus(screen.getByRole('button', { name: 'Dismiss' }));
    act(() => vi.advanceTimersByTime(2 * TOAST_MS));
    expect(screen.getByRole('status').textContent).toContain('Copied a share link.');
    fireEvent.blur(screen.getByRole('button', { name: 'Dismiss' }));
    act(() => vi.advanceTimersByTime(TOAST_MS));
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
