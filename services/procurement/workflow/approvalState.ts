/**
 * Reading an append-only approval history: a member's standing decision on a
 * version is its latest entry for that version.
 */
export interface DecisionEntry {
  id: number;
  countryCode: string;
  version: number;
  decision: string;
}

/** Each member's latest entry for `version`, in the order of `members`; absent members are left out. */
export function latestDecisions<E extends DecisionEntry>(history: readonly E[], version: number, members: readonly string[]): Map<string, E> {
  const latest = new Map<string, E>();
  for (const entry of [...history].sort((a, b) => a.id - b.id)) {
    if (entry.version === version && members.includes(entry.countryCode)) latest.set(entry.countryCode, entry);
  }
  return new Map(members.filter((m) => latest.has(m)).map((m) => [m, latest.get(m) as E]));
}

/** The members whose standing decision on `version` is APPROVED. */
export function approvedBy(history: readonly DecisionEntry[], version: number, members: readonly string[]): string[] {
  const latest = latestDecisions(history, version, members);
  return members.filter((m) => latest.get(m)?.decision === 'APPROVED');
}
