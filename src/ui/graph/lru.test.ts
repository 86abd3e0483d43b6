import { describe, expect, it } from 'vitest';
import { LruCache } from './lru.ts';

describe('LruCache', () => {
  it('evicts the least recently used entry beyond its capacity', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1).set('b', 2);
    expect(c.get('a')).toBe(1); // a is now the newest
    c.set('c', 3);
    expect(c.has('b')).toBe(false);
    expect(c.keys()).toEqual(['a', 'c']);
    expect(c.size).toBe(2);
  });

  it('re-setting a key refreshes it and replaces the value', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1).set('b', 2).set('a', 10).set('c', 3);
    expect(c.keys()).toEqual(['a', 'c']);
    expect(c.get('a')).toBe(10);
  });

  it('misses return undefined and do not disturb the order; clear empties it', () => {
    const c = new LruCache<string, number | undefined>(3);
    c.set('a', undefined).set('b', 2);
    expect(c.get('zz')).toBeUndefined();
    expect(c.has('a')).toBe(true);
    expect(c.keys()).toEqual(['a', 'b']);
    c.clear();
    expect(c.size).toBe(0);
  });

  it('rejects a capacity below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
