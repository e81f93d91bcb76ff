/**
 * How far a requirement is covered: the allocations that serve it (in orders
 * not cancelled), how much they take and what is left of what the ministry
 * shared, when their deliveries are expected and whether that is by the
 * need-by date. Computed once per requirement per request.
 */
import type { ProcurementContext } from '../context';
import type { Allocation, Delivery, RequirementShare } from '../entities';
import { JointOrderStatus } from '../types/enums';
import { present } from '../resolvers/lists';

export interface Coverage {
  share: RequirementShare | null;
  /** Allocations serving it in orders that are not cancelled. */
  allocations: Allocation[];
  allocatedQuantity: number;
  /** null when the requirement was not shared. */
  remainingQuantity: number | null;
  /** The latest day its allocated units arrive (delivered, else planned); null until every allocated unit has a delivery. */
  expectedBy: string | null;
  /** expectedBy ≤ neededBy; null without either. */
  onTime: boolean | null;
}

function expectedDate(allocations: readonly Allocation[], deliveries: readonly Delivery[][]): string | null {
  let latest: string | null = null;
  for (const [i, allocation] of allocations.entries()) {
    const own = deliveries[i];
    if (own.reduce((units, d) => units + d.quantity, 0) < allocation.quantity) return null;
    for (const d of own) {
      const day = d.deliveredDate ?? d.plannedDate;
      if (latest === null || day > latest) latest = day;
    }
  }
  return latest;
}

export async function coverageOf(ctx: ProcurementContext, countryCode: string, requirementId: string): Promise<Coverage> {
  const key = `${countryCode}|${requirementId}`;
  const [share, linked] = await Promise.all([ctx.loaders.requirementShare.load(key), ctx.loaders.allocationsOfRequirement.load(key)]);
  const orders = present(await ctx.loaders.order.loadMany([...new Set(linked.map((a) => a.orderId))]));
  const live = new Set(orders.filter((o) => o.status !== JointOrderStatus.CANCELLED).map((o) => o.id));
  const allocations = linked.filter((a) => live.has(a.orderId));
  const allocatedQuantity = allocations.reduce((total, a) => total + a.quantity, 0);
  const deliveries = present(await ctx.loaders.deliveriesOfAllocation.loadMany(allocations.map((a) => a.id)));
  const expectedBy = allocations.length > 0 ? expectedDate(allocations, deliveries) : null;
  return {
    share,
    allocations,
    allocatedQuantity,
    remainingQuantity: share ? share.quantity - allocatedQuantity : null,
    expectedBy,
    onTime: share && expectedBy ? expectedBy <= share.neededBy : null,
  };
}
