/**
 * The found values of a DataLoader `loadMany`, in order, without the keys that
 * matched nothing. A failed load is rethrown, never silently dropped.
 */
export function present<T>(values: readonly (T | null | undefined | Error)[]): T[] {
  const found: T[] = [];
  for (const value of values) {
    if (value instanceof Error) throw value;
    if (value !== null && value !== undefined) found.push(value);
  }
  return found;
}
