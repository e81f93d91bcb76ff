/**
 * The demo's clock. Every demo date (requirements' need-by dates, budgets'
 * years, the joint orders' history) is written as an offset from the day the
 * demo is seeded, so the demo tells the same story whenever it is started:
 * a completed order, one in delivery with some deliveries late and some
 * still ahead, an offer about to lapse, a draft. Tests fix the day.
 */
import { addDays } from '../time/calendarDays';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DemoCalendar {
  /** The day the demo is seeded, "YYYY-MM-DD" (UTC). */
  readonly today: string;
  /** The day `offset` days from today (negative: in the past). */
  day(offset: number): string;
  /** The calendar year `offset` years from today's. */
  year(offset: number): number;
}

export function demoCalendar(today: string): DemoCalendar {
  if (!LOCAL_DATE.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) throw new Error(`The demo day must be YYYY-MM-DD (got "${today}")`);
  return {
    today,
    day: (offset) => addDays(today, offset),
    year: (offset) => Number(today.slice(0, 4)) + offset,
  };
}

/** Today's UTC date: the demo day when none is given. */
export function todayOf(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
