/** Creating a joint order, joining it, cancelling it. */
import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput, ErrorCode, ruleBroken } from '../../../lib/errors';
import { CATALOG_CURRENCY } from '../../../lib/reference/catalog';
import type { ProcurementContext } from '../context';
import { Approval, CatalogItem, JointOrder, Member, OrderParticipant } from '../entities';
import { JointOrderStatus, Membership, PurchasingModel } from '../types/enums';
import { actingMember, changeOrder, claimOrder, parseMemberCode, requireParticipant } from './guards';
import { memberRuleBroken, requireStatus, Rule } from './rules';
import { insertUnique, writeTransaction } from './transaction';

export interface NewJointOrder {
  title: string;
  supplier: string;
  caseReference: string;
  model: PurchasingModel;
  leadNation?: string | null;
  offerExpiresOn: string;
  /** Other members taking part; the creating member always does. */
  participants?: string[] | null;
}

/** FMS case designator: purchaser country, implementing agency letter, three-character case, e.g. "AL-B-ZAF". */
export const CASE_REFERENCE = /^[A-Z]{2}-[A-Z]-[A-Z0-9]{3}$/;

export function orderReference(createdAt: Date, id: number): string {
  return `JPO-${createdAt.getUTCFullYear()}-${String(id).padStart(4, '0')}`;
}

async function checkParticipants(tx: EntityManager, codes: string[]): Promise<void> {
  const members = await tx.findBy(Member, codes.map((code) => ({ code })));
  for (const code of codes) {
    const member = members.find((m) => m.code === code);
    if (!member) throw ruleBroken(ErrorCode.UNKNOWN_MEMBER, `"${code}" is not a member of the joint procurement`, { country: code, field: 'participants' });
    if (member.membership !== Membership.MEMBER) {
      throw memberRuleBroken(Rule.MEMBER_NOT_ADMITTED, code, `${member.name} is invited but not yet admitted: only admitted members take part in joint orders`, { field: 'participants' });
    }
  }
}

export async function createJointOrder(ctx: ProcurementContext, country: string, input: NewJointOrder): Promise<JointOrder> {
  const checked = checkNewJointOrder(ctx, country, input);
  return writeTransaction(ctx.dataSource, (tx) => insertJointOrder(tx, ctx, country, checked));
}

/** A new order's input, checked and normalised before any transaction. */
export interface CheckedJointOrder extends NewJointOrder {
  participants: string[];
  leadNation: string | null;
}

export function checkNewJointOrder(ctx: ProcurementContext, country: string, input: NewJointOrder): CheckedJointOrder {
  const title = input.title.trim();
  const supplier = input.supplier.trim();
  if (!title) throw badInput('title', 'must not be empty');
  if (!CASE_REFERENCE.test(input.caseReference)) throw badInput('caseReference', `must be an FMS case designator like "AL-B-ZAF" (got "${input.caseReference}")`);
  if (input.offerExpiresOn < ctx.clock.today()) throw badInput('offerExpiresOn', `must not be in the past (today is ${ctx.clock.today()})`);
  const participants = [...new Set([country, ...(input.participants ?? []).map((code) => parseMemberCode(code, 'participants'))])];
  const leadNation = input.leadNation ?? null;
  if (input.model === PurchasingModel.LEAD_NATION) {
    if (!leadNation) throw badInput('leadNation', 'is required when the model is LEAD_NATION');
    if (!participants.includes(parseMemberCode(leadNation, 'leadNation'))) throw badInput('leadNation', `must be one of the participants (${participants.join(', ')})`);
  } else if (leadNation) {
    throw badInput('leadNation', 'is only for the LEAD_NATION model; under COORDINATED_NATIONAL each member buys its own share');
  }
  return { ...input, title, supplier, participants, leadNation };
}

/** Writes a checked new order, DRAFT, with its participants, in the caller's transaction. */
export async function insertJointOrder(tx: EntityManager, ctx: ProcurementContext, country: string, input: CheckedJointOrder): Promise<JointOrder> {
  const { title, supplier, participants, leadNation } = input;
  await actingMember(tx, country);
  await checkParticipants(tx, participants);
  if ((await tx.countBy(CatalogItem, { supplier })) === 0) throw badInput('supplier', `no catalogue item is supplied by "${supplier}"`);
  const caseTaken = () =>
    ruleBroken(Rule.CASE_REFERENCE_TAKEN, `Case reference ${input.caseReference} is already used by another joint order`, { field: 'caseReference' });
  if (await tx.existsBy(JointOrder, { caseReference: input.caseReference })) throw caseTaken();

  const now = ctx.clock.now();
  const order = tx.create(JointOrder, {
    // Replaced below by the reference derived from the generated id.
    reference: `NEW-${crypto.randomBytes(6).toString('hex')}`,
    title,
    supplier,
    currency: CATALOG_CURRENCY,
    status: JointOrderStatus.DRAFT,
    model: input.model,
    leadNationCode: leadNation,
    caseReference: input.caseReference,
    offerExpiresOn: input.offerExpiresOn,
    version: 1,
    lockVersion: 0,
    createdBy: country,
    createdAt: now,
    placedAt: null,
    completedAt: null,
    cancelledAt: null,
    cancellationReason: null,
    planId: null,
  });
  await insertUnique(tx, JointOrder, order, caseTaken);
  order.reference = orderReference(now, order.id);
  await tx.update(JointOrder, { id: order.id }, { reference: order.reference });
  await tx.insert(
    OrderParticipant,
    participants.map((code) => ({ orderId: order.id, countryCode: code, joinedAt: now })),
  );
  return order;
}

/**
 * Called after lines, allocations or participants change (always in DRAFT):
 * if ministries were already asked to approve this version, the order moves
 * to a new one, so earlier decisions no longer count.
 */
export async function contentChanged(tx: EntityManager, order: JointOrder): Promise<void> {
  if (await tx.existsBy(Approval, { orderId: order.id, version: order.version })) await changeOrder(tx, order, { version: order.version + 1 });
}

export async function joinJointOrder(ctx: ProcurementContext, country: string, orderId: number): Promise<JointOrder> {
  return writeTransaction(ctx.dataSource, async (tx) => {
    await actingMember(tx, country);
    const order = await claimOrder(tx, orderId);
    requireStatus(order, JointOrderStatus.DRAFT, 'members join only while it is DRAFT');
    if (await tx.existsBy(OrderParticipant, { orderId, countryCode: country })) {
      throw memberRuleBroken(Rule.ALREADY_A_PARTICIPANT, country, `${country} already takes part in joint order ${order.reference}`);
    }
    await tx.insert(OrderParticipant, { orderId, countryCode: country, joinedAt: ctx.clock.now() });
    await contentChanged(tx, order);
    return order;
  });
}

const CANCELLABLE = [JointOrderStatus.DRAFT, JointOrderStatus.IN_APPROVAL, JointOrderStatus.APPROVED];

export async function cancelJointOrder(ctx: ProcurementContext, country: string, orderId: number, reason: string): Promise<JointOrder> {
  const why = reason.trim();
  if (!why) throw badInput('reason', 'must say why the order is cancelled');
  return writeTransaction(ctx.dataSource, async (tx) => {
    const order = await claimOrder(tx, orderId);
    await requireParticipant(tx, order, country);
    if (!CANCELLABLE.includes(order.status)) {
      throw ruleBroken(Rule.ORDER_NOT_CANCELLABLE, `Joint order ${order.reference} is ${order.status}: only an order not yet placed can be cancelled`, {
        orderId: String(order.id),
        status: order.status,
      });
    }
    Object.assign(order, { status: JointOrderStatus.CANCELLED, cancelledAt: ctx.clock.now(), cancellationReason: why });
    await tx.update(JointOrder, { id: order.id }, { status: order.status, cancelledAt: order.cancelledAt, cancellationReason: why });
    return order;
  });
}
