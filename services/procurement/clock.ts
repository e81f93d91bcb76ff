/**
 * The service's clock, injected so tests can fix "today" (offer expiry, late
 * deliveries). Calendar dates are UTC days, as LocalDate strings.
 */
export interface Clock {
  now(): Date;
  /** Today's date, "YYYY-MM-DD" (UTC). */
  today(): string;
}

export function clockFrom(now: () => Date = () => new Date()): Clock {
  return { now, today: () => now().toISOString().slice(0, 10) };
}
