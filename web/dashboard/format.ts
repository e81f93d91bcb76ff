/**
 * Display formatting. Money arrives as exact decimal strings ("1250000.00");
 * it is grouped as text, never parsed into a float, so what the page shows is
 * exactly what the graph answered.
 */
export interface Money {
  amount: string;
  currency: string;
}

const DECIMAL = /^(-?)(\d+)(\.\d+)?$/;

/** "1250000.00" → "1,250,000.00"; anything that is not a plain decimal is shown as given. */
export function groupDigits(amount: string): string {
  const match = DECIMAL.exec(amount.trim());
  if (!match) return amount;
  const [, sign, whole, fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

export function formatMoney(money: Money | null | undefined): string {
  return money ? `${groupDigits(money.amount)} ${money.currency}` : '—';
}

/** Is this exact decimal string negative / zero? Decided on the text, not a float. */
export const isNegative = (amount: string): boolean => amount.trim().startsWith('-') && /[1-9]/.test(amount);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03-15" → "15 Mar 2026" (a LocalDate has no time zone: read its parts, not a Date). */
export function formatLocalDate(date: string | null | undefined): string {
  if (!date) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** "2026-03-15" → "Mar 2026". */
export function formatMonth(date: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(date);
  return match ? `${MONTHS[Number(match[2]) - 1]} ${match[1]}` : date;
}

/** "2026-03-15T09:30:00.000Z" → "15 Mar 2026, 09:30 UTC". */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return match ? `${formatLocalDate(match[1])}, ${match[2]} UTC` : value;
}

/** Today as a LocalDate in UTC, the day the graph's `late` and offer expiry are decided on. */
export const todayIso = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** Whole days from one LocalDate to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** Days since 1970-01-01 for a LocalDate, for placing it on a timeline. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** The inverse of dayNumber: days since 1970-01-01 → "YYYY-MM-DD". */
export const isoDate = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

const LABELS: Record<string, string> = {
  DRAFT: 'Draft',
  IN_APPROVAL: 'In approval',
  APPROVED: 'Approved',
  PLACED: 'Placed',
  DELIVERING: 'Delivering',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  PENDING: 'Pending',
  REJECTED: 'Rejected',
  SCHEDULED: 'Scheduled',
  IN_TRANSIT: 'In transit',
  DELIVERED: 'Delivered',
  MEMBER: 'Member',
  INVITED: 'Invited',
  COORDINATED_NATIONAL: 'Coordinated national',
  LEAD_NATION: 'Lead nation',
  CRITICAL: 'Critical',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
};

/** An enum value as words: IN_APPROVAL → "In approval" (unknown values are shown as they come). */
export const label = (value: string): string => LABELS[value] ?? value;
