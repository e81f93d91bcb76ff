/**
 * Budgets are set per fiscal year (the calendar year), so commitments are
 * compared one year at a time: an order counts in the year it was placed
 * (when the money is obligated) or, approved and not yet placed, in the year
 * its offer expires (the latest it can be placed).
 */
import { sumMoney, type Money } from './format';
import type { OrderListItem } from './queries';

/** The statuses the graph's `totalCommitted` counts for every participant: approved or further. */
export const COMMITTED_STATUSES = ['APPROVED', 'PLACED', 'DELIVERING', 'COMPLETED'];

/**
 * Whether `code` has committed to the order, as the graph's `totalCommitted` counts it: the order is approved
 * or further, or the member has approved its current version while others' approvals are still pending.
 */
export function committedBy(order: Pick<OrderListItem, 'status' | 'currentApprovals'>, code: string): boolean {
  return COMMITTED_STATUSES.includes(order.status) || order.currentApprovals.some((a) => a.country.code === code && a.decision === 'APPROVED');
}

const committedByAnyone = (order: Pick<OrderListItem, 'status' | 'currentApprovals'>): boolean =>
  COMMITTED_STATUSES.includes(order.status) || order.currentApprovals.some((a) => a.decision === 'APPROVED');

export function fiscalYearOf(order: Pick<OrderListItem, 'placedAt' | 'offerExpiresOn'>): number {
  return Number((order.placedAt ?? order.offerExpiresOn).slice(0, 4));
}

/** What `code` has committed in orders of `year`, per currency (empty: nothing). */
export function committedInYear(orders: readonly OrderListItem[], code: string, year: number): Money[] {
  return sumMoney(
    orders
      .filter((order) => committedBy(order, code) && fiscalYearOf(order) === year)
      .flatMap((order) => order.savingsByCountry.filter((share) => share.country.code === code).map((share) => share.committed)),
  );
}

/** The years worth choosing: every budget year on record, every committed order's year, and this one; newest first. */
export function selectableYears(budgetYears: readonly number[], orders: readonly OrderListItem[], thisYear: number): number[] {
  const committed = orders.filter(committedByAnyone).map(fiscalYearOf);
  return [...new Set([...budgetYears, ...committed, thisYear])].sort((a, b) => b - a);
}
