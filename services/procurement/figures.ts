/**
 * Every money figure of one order, computed at once from its rows: line
 * prices from the combined quantities, each allocation jointly and alone, the
 * order's totals and the savings per member. Resolvers read from this, so an
 * order's figures are consistent within a response and cost one computation.
 */
import { MinorUnits } from '../../lib/money';
import type { Allocation, JointOrder, OrderLine, PriceTier } from './entities';
import { LinePrice, priceLine, SharePrice, Totals, totalsOf } from './pricing';

export interface AllocationFigures extends SharePrice {
  allocation: Allocation;
}

export interface LineFigures extends Omit<LinePrice, 'shares'> {
  line: OrderLine;
  allocations: AllocationFigures[];
}

export interface CountryFigures extends Totals {
  countryCode: string;
}

export interface OrderFigures {
  currency: string;
  lines: Map<number, LineFigures>;
  allocations: Map<number, AllocationFigures>;
  totalValue: MinorUnits;
  individualValue: MinorUnits;
  savings: MinorUnits;
  byCountry: CountryFigures[];
  /** The longest lead time among the lines; null for an order without lines. */
  leadTimeDays: number | null;
}

export function computeOrderFigures(
  order: JointOrder,
  lines: readonly OrderLine[],
  allocations: readonly Allocation[],
  tiersByNsn: ReadonlyMap<string, readonly PriceTier[]>,
): OrderFigures {
  const figures: OrderFigures = {
    currency: order.currency,
    lines: new Map(),
    allocations: new Map(),
    totalValue: 0n,
    individualValue: 0n,
    savings: 0n,
    byCountry: [],
    leadTimeDays: null,
  };
  const shares: SharePrice[] = [];
  const sharesByCountry = new Map<string, SharePrice[]>();
  for (const line of lines) {
    const own = allocations.filter((a) => a.lineId === line.id);
    const priced = priceLine(tiersByNsn.get(line.nsn) ?? [], own, line.agreedUnitPriceMinor);
    const allocationFigures = priced.shares.map((share, i): AllocationFigures => ({ ...share, allocation: own[i] }));
    figures.lines.set(line.id, { ...priced, line, allocations: allocationFigures });
    for (const a of allocationFigures) {
      figures.allocations.set(a.allocation.id, a);
      shares.push(a);
      const forCountry = sharesByCountry.get(a.allocation.countryCode) ?? [];
      forCountry.push(a);
      sharesByCountry.set(a.allocation.countryCode, forCountry);
    }
    figures.leadTimeDays = Math.max(figures.leadTimeDays ?? 0, priced.leadTimeDays);
  }
  const totals = totalsOf(shares);
  figures.totalValue = totals.committed;
  figures.individualValue = totals.individual;
  figures.savings = totals.savings;
  figures.byCountry = [...sharesByCountry.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([countryCode, own]) => ({ countryCode, ...totalsOf(own) }));
  return figures;
}
