/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every item as an argument
 * and overflows the stack past about 100k items (a 100k-instance spec has that many diagnostics).
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
