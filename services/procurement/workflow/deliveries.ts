/**
 * Deliveries of a placed order: each member schedules shipments of its own
 * allocation per line, never more than allocated, and records what arrived.
 * The first movement makes the order DELIVERING; the last delivered unit
 * completes it.
 */
import type { EntityManager } from 'typeorm';
import { badInput } from '../../../lib/errors';
import type { ProcurementContext } from '../context';
import { Allocation, Delivery, JointOrder, OrderLine } from '../entities';
import { DeliveryStatus, JointOrderStatus } from '../types/enums';
import { changeOrder, claimAllocation, holdOrderOf, shareOrderOf } from './guards';
import { checkQuantity } from './lines';
import { memberRuleBroken, requireDelivering, Rule } from './rules';
import { writeTransaction } from './transaction';
import { caseGoodsMoving } from '../cases/lifecycle';
import { daysBetween } from '../../../lib/time/calendarDays';

/** Late: not delivered and its planned day has passed, or delivered after the planned day. */
export function isLate(delivery: Pick<Delivery, 'plannedDate' | 'deliveredDate'>, today: string): boolean {
  return delivery.deliveredDate ? delivery.deliveredDate > delivery.plannedDate : delivery.plannedDate < today;
}

/** Whole days past the planned day: until today while not delivered, until the delivered day once delivered; 0 when not late. */
export function daysOverdue(delivery: Pick<Delivery, 'plannedDate' | 'deliveredDate'>, today: string): number {
  if (!isLate(delivery, today)) return 0;
  return daysBetween(delivery.plannedDate, delivery.deliveredDate ?? today);
}

function placedOn(order: JointOrder): string {
  return (order.placedAt as Date).toISOString().slice(0, 10);
}

export async function scheduleDelivery(ctx: ProcurementContext, country: string, lineId: number, quantity: number, plannedDate: string): Promise<Delivery> {
  checkQuantity(quantity);
  return writeTransaction(ctx.dataSource, async (tx) => {
    // Shipments of one allocation are claimed on it: other members schedule on the same order side by side.
    const { part: line, order } = await shareOrderOf(tx, OrderLine, lineId, 'Order line', country);
    requireDelivering(order);
    if (plannedDate < placedOn(order)) throw badInput('plannedDate', `must not be before the order was placed (${placedOn(order)})`);
    const own = await tx.findOne(Allocation, { where: { lineId, countryCode: country } });
    if (!own) throw memberRuleBroken(Rule.NO_ALLOCATION, country, `${country} has no allocation on line ${line.nsn} to deliver`);
    const allocation = await claimAllocation(tx, own.id);
    const scheduled = (await tx.findBy(Delivery, { allocationId: allocation.id })).reduce((sum, d) => sum + d.quantity, 0);
    if (scheduled + quantity > allocation.quantity) {
      throw memberRuleBroken(
        Rule.DELIVERY_EXCEEDS_ALLOCATION,
        country,
        `${country} is allocated ${allocation.quantity} of ${line.nsn} and has ${scheduled} scheduled already: ${quantity} more would exceed the allocation`,
        { allocated: allocation.quantity, scheduled, requested: quantity },
      );
    }
    const delivery = tx.create(Delivery, {
      orderId: order.id,
      lineId,
      allocationId: allocation.id,
      countryCode: country,
      quantity,
      plannedDate,
      deliveredDate: null,
      status: DeliveryStatus.SCHEDULED,
    });
    await tx.insert(Delivery, delivery);
    return delivery;
  });
}

/** Holds the delivery's order (its status may move on); only the receiving member records its deliveries. */
async function openDelivery(tx: EntityManager, country: string, deliveryId: number): Promise<{ delivery: Delivery; order: JointOrder }> {
  const { part: delivery, order } = await holdOrderOf(tx, Delivery, deliveryId, 'Delivery', country);
  if (delivery.countryCode !== country) {
    throw memberRuleBroken(Rule.NOT_YOUR_DELIVERY, country, `Delivery ${delivery.id} goes to ${delivery.countryCode}: only the receiving member records it`);
  }
  requireDelivering(order);
  if (delivery.status === DeliveryStatus.DELIVERED) {
    throw memberRuleBroken(Rule.ALREADY_DELIVERED, country, `Delivery ${delivery.id} was already delivered on ${delivery.deliveredDate}`);
  }
  return { delivery, order };
}

async function startDelivering(tx: EntityManager, order: JointOrder): Promise<void> {
  if (order.status !== JointOrderStatus.PLACED) return;
  await changeOrder(tx, order, { status: JointOrderStatus.DELIVERING });
}

/** Marks a shipment as under way (IN_TRANSIT) or back to SCHEDULED; DELIVERED goes through recordDelivery. */
export async function updateDeliveryStatus(ctx: ProcurementContext, country: string, deliveryId: number, status: DeliveryStatus): Promise<Delivery> {
  if (status === DeliveryStatus.DELIVERED) throw badInput('status', 'record a delivery with recordDelivery, which takes the delivery date and quantity');
  return writeTransaction(ctx.dataSource, async (tx) => {
    const { delivery, order } = await openDelivery(tx, country, deliveryId);
    delivery.status = status;
    await tx.update(Delivery, { id: delivery.id }, { status });
    if (status === DeliveryStatus.IN_TRANSIT) {
      await startDelivering(tx, order);
      await caseGoodsMoving(tx, order.id, delivery.countryCode, ctx.clock.today());
    }
    return delivery;
  });
}

/**
 * Records what arrived. A partial arrival keeps the rest scheduled as a new
 * delivery on the same planned date, so the quantities still add up to what
 * was scheduled.
 */
export async function recordDelivery(ctx: ProcurementContext, country: string, deliveryId: number, deliveredOn: string, quantity?: number | null): Promise<Delivery> {
  if (deliveredOn > ctx.clock.today()) throw badInput('deliveredOn', `must not be in the future (today is ${ctx.clock.today()})`);
  if (quantity !== undefined && quantity !== null) checkQuantity(quantity);
  return writeTransaction(ctx.dataSource, async (tx) => {
    const { delivery, order } = await openDelivery(tx, country, deliveryId);
    if (deliveredOn < placedOn(order)) throw badInput('deliveredOn', `must not be before the order was placed (${placedOn(order)})`);
    const arrived = quantity ?? delivery.quantity;
    if (arrived > delivery.quantity) throw badInput('quantity', `delivery ${delivery.id} was scheduled for ${delivery.quantity}; schedule another delivery for more`);
    if (arrived < delivery.quantity) {
      await tx.insert(Delivery, { ...delivery, id: undefined, quantity: delivery.quantity - arrived, status: DeliveryStatus.SCHEDULED, deliveredDate: null });
    }
    Object.assign(delivery, { quantity: arrived, deliveredDate: deliveredOn, status: DeliveryStatus.DELIVERED });
    await tx.update(Delivery, { id: delivery.id }, { quantity: arrived, deliveredDate: deliveredOn, status: DeliveryStatus.DELIVERED });
    await startDelivering(tx, order);
    await caseGoodsMoving(tx, order.id, delivery.countryCode, ctx.clock.today());
    await completeIfAllDelivered(tx, ctx, order);
    return delivery;
  });
}

async function completeIfAllDelivered(tx: EntityManager, ctx: ProcurementContext, order: JointOrder): Promise<void> {
  const allocations = await tx.findBy(Allocation, { orderId: order.id });
  const delivered = await tx.findBy(Delivery, { orderId: order.id, status: DeliveryStatus.DELIVERED });
  const complete = allocations.every((a) => delivered.filter((d) => d.allocationId === a.id).reduce((sum, d) => sum + d.quantity, 0) === a.quantity);
  if (!complete) return;
  await changeOrder(tx, order, { status: JointOrderStatus.COMPLETED, completedAt: ctx.clock.now() });
}
