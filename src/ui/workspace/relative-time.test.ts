import { describe, expect, test } from 'vitest';
import { relativeTime } from './relative-time.ts';

describe('relativeTime', () => {
  const now = Date.UTC(2025, 5, 15, 12);
  const min = 60_000;
  test.each([
    [10_000, 'just now'],
    [min, '1 minute ago'],
    [59 * min, '59 minutes ago'],
    [90 * min, '1 hour ago'],
    [24 * 60 * min, 'yesterday'],
    [3 * 24 * 60 * min, '3 days ago'],
    [8 * 24 * 60 * min, 'last week'],
    [400 * 24 * 60 * min, 'last year'],
  ])('%i ms ago is "%s"', (ago, label) => {
    expect(relativeTime(now - ago, now, 'en')).toBe(label);
  });
});
