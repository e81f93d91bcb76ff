/**
 * A ministry's token shows its own member first: its orders, its alerts, its
 * budget. Nothing is hidden; the rest follows in its usual order.
 */

/** Stable: the entries that concern one of `codes` first, each group in its original order. */
export function concerningFirst<T>(entries: readonly T[], codes: readonly string[], concerns: (entry: T, code: string) => boolean): T[] {
  if (codes.length === 0) return [...entries];
  const mine = entries.filter((entry) => codes.some((code) => concerns(entry, code)));
  return [...mine, ...entries.filter((entry) => !mine.includes(entry))];
}
