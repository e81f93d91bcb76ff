/**
 * What an order contains: lines (one per catalogue item) and the members'
 * allocations on them. All of it changes only while the order is DRAFT, and
 * every change after a submission makes a new version to approve.
 */
import type { EntityManager } from 'typeorm';
import { badInput } from '../../../lib/errors';
import type { ProcurementContext } from '../context';
import { Allocation, CatalogItem, JointOrder, OrderLine } from '../entities';
import { JointOrderStatus } from '../types/enums';
import { contentChanged } from './orders';
import { claimAllocation, claimOrder, claimOrderOf, requireParticipant, shareOrderOf } from './guards';
import { memberRuleBroken, requireStatus, Rule } from './rules';
import { insertUnique, writeTransaction } from './transaction';
import { checkRequirementId, checkRequirementLink } from '../requirements/links';

/** Large enough for any real order (155 mm shells come in tens of thousands), small enough to stay exact. */
const MAX_QUANTITY = 1_000_000;

export function checkQuantity(quantity: number, field = 'quantity'): number {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) throw badInput(field, `must be a whole number from 1 to ${MAX_QUANTITY} (got ${quantity})`);
  return quantity;
}

/** Claims the order a line belongs to and checks the member may change its contents. */
async function openLine(tx: EntityManager, country: string, lineId: number): Promise<{ line: OrderLine; order: JointOrder }> {
  const { part: line, order } = await claimOrderOf(tx, OrderLine, lineId, 'Order line', country);
  requireStatus(order, JointOrderStatus.DRAFT);
  return { line, order };
}

/**
 * Shares the order an allocation belongs to and claims the allocation alone:
 * members change their allocations side by side, and changes of the same
 * allocation queue for its row. Only the allocation's own member may change it.
 */
async function openAllocation(tx: EntityManager, country: string, allocationId: number): Promise<{ allocation: Allocation; order: JointOrder }> {
  const { part, order } = await shareOrderOf(tx, Allocation, allocationId, 'Allocation', country);
  if (part.countryCode !== country) {
    throw memberRuleBroken(Rule.NOT_YOUR_ALLOCATION, country, `Allocation ${part.id} belongs to ${part.countryCode}: a member changes only its own allocations`);
  }
  requireStatus(order, JointOrderStatus.DRAFT);
  return { allocation: await claimAllocation(tx, allocationId), order };
}

export async function addOrderLine(ctx: ProcurementContext, country: string, orderId: number, nsn: string): Promise<OrderLine> {
  return writeTransaction(ctx.dataSource, async (tx) => {
    const order = await claimOrder(tx, orderId);
    await requireParticipant(tx, order, country);
    requireStatus(order, JointOrderStatus.DRAFT);
    return insertOrderLine(tx, order, country, nsn);
  });
}

/** Adds a line for a catalogue item to a DRAFT order the transaction has claimed. */
export async function insertOrderLine(tx: EntityManager, order: JointOrder, country: string, nsn: string): Promise<OrderLine> {
  const item = await tx.findOne(CatalogItem, { where: { nsn } });
  if (!item) throw badInput('nsn', `"${nsn}" is not in the catalogue`);
  if (item.supplier !== order.supplier) {
    throw memberRuleBroken(Rule.SUPPLIER_MISMATCH, country, `${item.name} is supplied by ${item.supplier}, but joint order ${order.reference} is placed with ${order.supplier}`, { field: 'nsn' });
  }
  if (item.currency !== order.currency) {
    throw memberRuleBroken(Rule.CURRENCY_MISMATCH, country, `${item.name} is priced in ${item.currency}, but joint order ${order.reference} is in ${order.currency}: one currency per order`, { field: 'nsn' });
  }
  const lineExists = () => memberRuleBroken(Rule.LINE_EXISTS, country, `Joint order ${order.reference} already has a line for ${nsn}; allocate on that line instead`, { field: 'nsn' });
  if (await tx.existsBy(OrderLine, { orderId: order.id, nsn })) throw lineExists();
  const line = await insertUnique(tx, OrderLine, tx.create(OrderLine, { orderId: order.id, nsn, agreedUnitPriceMinor: null }), lineExists);
  await contentChanged(tx, order);
  return line;
}

/** Removes a line with the member's own allocation on it; a line others still take from stays. */
export async function removeOrderLine(ctx: ProcurementContext, country: string, lineId: number): Promise<JointOrder> {
  return writeTransaction(ctx.dataSource, async (tx) => {
    const { line, order } = await openLine(tx, country, lineId);
    const allocations = await tx.findBy(Allocation, { lineId: line.id });
    const others = [...new Set(allocations.filter((a) => a.countryCode !== country).map((a) => a.countryCode))];
    if (others.length > 0) {
      throw memberRuleBroken(Rule.LINE_HAS_OTHER_ALLOCATIONS, country, `Line ${line.nsn} still carries allocations of ${others.join(', ')}; they must remove them first`, { members: others });
    }
    await tx.delete(Allocation, { lineId: line.id });
    await tx.delete(OrderLine, { id: line.id });
    await contentChanged(tx, order);
    return order;
  });
}

export async function allocate(ctx: ProcurementContext, country: string, lineId: number, quantity: number, requirementId?: string | null): Promise<Allocation> {
  checkQuantity(quantity);
  const requirement = checkRequirementId(requirementId) ?? null;
  return writeTransaction(ctx.dataSource, async (tx) => {
    // A new allocation claims nothing but its own (line, member) key: members allocate on a line side by side.
    const { part: line, order } = await shareOrderOf(tx, OrderLine, lineId, 'Order line', country);
    requireStatus(order, JointOrderStatus.DRAFT);
    return insertAllocation(tx, order, line, country, quantity, requirement);
  });
}

/**
 * Adds a member's allocation to a line of a DRAFT order the transaction holds,
 * its requirement link checked (requirements/links.ts).
 */
export async function insertAllocation(tx: EntityManager, order: JointOrder, line: OrderLine, country: string, quantity: number, requirementId: string | null): Promise<Allocation> {
  const exists = () => memberRuleBroken(Rule.ALLOCATION_EXISTS, country, `${country} already has an allocation on line ${line.nsn}; change it with updateAllocation`);
  if (await tx.existsBy(Allocation, { lineId: line.id, countryCode: country })) throw exists();
  if (requirementId !== null) await checkRequirementLink(tx, { country, requirementId, nsn: line.nsn, quantity });
  const allocation = await insertUnique(
    tx,
    Allocation,
    tx.create(Allocation, { orderId: order.id, lineId: line.id, countryCode: country, quantity, requirementId, agreedIndividualUnitPriceMinor: null }),
    exists,
  );
  await contentChanged(tx, order);
  return allocation;
}

export interface AllocationChange {
  quantity?: number | null;
  /** A requirement id links it; null unlinks; undefined leaves it. */
  requirementId?: string | null;
}

export async function updateAllocation(ctx: ProcurementContext, country: string, allocationId: number, change: AllocationChange): Promise<Allocation> {
  if (change.quantity !== undefined && change.quantity !== null) checkQuantity(change.quantity);
  const requirement = change.requirementId === undefined ? undefined : checkRequirementId(change.requirementId);
  if ((change.quantity === undefined || change.quantity === null) && requirement === undefined) throw badInput('quantity', 'give a new quantity, a requirementId, or both');
  return writeTransaction(ctx.dataSource, async (tx) => {
    const { allocation, order } = await openAllocation(tx, country, allocationId);
    if (change.quantity !== undefined && change.quantity !== null) allocation.quantity = change.quantity;
    if (requirement !== undefined) allocation.requirementId = requirement;
    if (allocation.requirementId !== null) {
      const line = await tx.findOneOrFail(OrderLine, { where: { id: allocation.lineId } });
      await checkRequirementLink(tx, { country, requirementId: allocation.requirementId, nsn: line.nsn, quantity: allocation.quantity, allocationId: allocation.id });
    }
    // Under the allocation's claim: the last change to commit is the one that stays.
    await tx.update(Allocation, { id: allocation.id }, { quantity: allocation.quantity, requirementId: allocation.requirementId });
    await contentChanged(tx, order);
    return allocation;
  });
}

export async function removeAllocation(ctx: ProcurementContext, country: string, allocationId: number): Promise<OrderLine> {
  return writeTransaction(ctx.dataSource, async (tx) => {
    const { allocation, order } = await openAllocation(tx, country, allocationId);
    await tx.delete(Allocation, { id: allocation.id });
    await contentChanged(tx, order);
    return tx.findOneOrFail(OrderLine, { where: { id: allocation.lineId } });
  });
}
