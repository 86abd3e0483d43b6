/** A small least-recently-used map: `get` refreshes an entry, `set` evicts the oldest beyond `capacity`. */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('an LRU cache holds at least one entry');
  }

  get size(): number {
    return this.map.size;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  get(key: K): V | undefined {
    if (!this.map.has(key)) return undefined;
    const value = this.map.get(key) as V;
    // Map keeps insertion order: re-inserting makes this the newest entry.
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: K, value: V): this {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
    return this;
  }

  clear(): void {
    this.map.clear();
  }

  /** Keys from oldest to newest (for tests and debugging). */
  keys(): K[] {
    return [...this.map.keys()];
  }
}
