/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as a call
 * argument, so a long list (a 100k-instance spec's diagnostics) overflows the stack.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
