/**
 * Calendar days as the graph writes them ("YYYY-MM-DD"), counted in UTC
 * everywhere (lateness, need-by dates, the demo's clock) so that a date means
 * the same day on every server and in every test, whatever its time zone.
 */
const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01 (UTC) of a "YYYY-MM-DD" date. */
export const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** The date `days` days after `date` (before it when negative). */
export const addDays = (date: string, days: number): string => new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
