/**
 * Placing an approved order with the supplier, within the offer's validity.
 * The prices the tiers give at that moment are frozen on the lines and
 * allocations: the order is signed at them, whatever the catalogue says later.
 */
import type { EntityManager } from 'typeorm';
import type { ProcurementContext } from '../context';
import { orderTiers } from '../catalogue/priceVersions';
import { Allocation, JointOrder, OrderLine, PriceVersion } from '../entities';
import { computeOrderFigures, OrderFigures } from '../figures';
import { JointOrderStatus, PurchasingModel } from '../types/enums';
import { claimOrder, requireParticipant } from './guards';
import { memberRuleBroken, requireOfferValid, requireStatus, Rule } from './rules';
import { writeTransaction } from './transaction';

/** The order's figures from inside a transaction (the request's loaders read outside it). */
export async function figuresInTransaction(tx: EntityManager, order: JointOrder): Promise<OrderFigures> {
  const lines = await tx.find(OrderLine, { where: { orderId: order.id }, order: { id: 'ASC' } });
  const allocations = await tx.find(Allocation, { where: { orderId: order.id }, order: { id: 'ASC' } });
  const versions = lines.length ? await tx.find(PriceVersion, { where: lines.map((l) => ({ nsn: l.nsn })) }) : [];
  const versionsByNsn = new Map(lines.map((l) => [l.nsn, versions.filter((v) => v.nsn === l.nsn)]));
  // At the prices of the day the order was opened: a later catalogue change does not reach it.
  return computeOrderFigures(order, lines, allocations, orderTiers(order, versionsByNsn));
}

export async function placeOrder(ctx: ProcurementContext, country: string, orderId: number): Promise<JointOrder> {
  return writeTransaction(ctx.dataSource, async (tx) => {
    const order = await claimOrder(tx, orderId);
    await requireParticipant(tx, order, country);
    requireStatus(order, JointOrderStatus.APPROVED);
    requireOfferValid(order, ctx.clock.today());
    if (order.model === PurchasingModel.LEAD_NATION && order.leadNationCode !== country) {
      throw memberRuleBroken(Rule.NOT_LEAD_NATION, country, `Joint order ${order.reference} is bought by its lead nation ${order.leadNationCode}; only it places the order`);
    }
    const figures = await figuresInTransaction(tx, order);
    for (const line of figures.lines.values()) {
      await tx.update(OrderLine, { id: line.line.id }, { agreedUnitPriceMinor: line.unitPrice });
      for (const share of line.allocations) {
        await tx.update(Allocation, { id: share.allocation.id }, { agreedIndividualUnitPriceMinor: share.individualUnitPrice });
      }
    }
    Object.assign(order, { status: JointOrderStatus.PLACED, placedAt: ctx.clock.now() });
    await tx.update(JointOrder, { id: orderId }, { status: order.status, placedAt: order.placedAt });
    return order;
  });
}
