import { addDays, dayNumber, daysBetween } from './calendarDays';

describe('calendar days (UTC)', () => {
  it('counts whole days across month, year and leap-day boundaries', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-10-01', 0)).toBe('2026-10-01');
  });
});
