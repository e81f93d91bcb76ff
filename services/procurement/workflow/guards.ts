/**
 * The checks every command starts with: who acts, on which order, and what
 * it claims. A change of an order's terms claims the order (optimistic, its
 * `lock_version`); a member's change of its own part shares the order and
 * claims only that part, so members work on one order side by side.
 */
import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { badInput, ErrorCode, notFound, ruleBroken } from '../../../lib/errors';
import { MEMBER_CODE } from '../../../lib/reference/members';
import { Allocation, ImplementationPlan, JointOrder, Member, OrderParticipant } from '../entities';
import { Membership } from '../types/enums';
import { memberRuleBroken, Rule } from './rules';
import { StaleRowError } from './transaction';

/** Parses a numeric ID argument, naming the field when it is not one. */
export function parseId(value: string, field: string): number {
  const text = String(value).trim();
  if (!/^[1-9]\d{0,9}$/.test(text) || Number(text) > 2147483647) throw badInput(field, `must be the ID of an existing record, a positive integer (got "${value}")`);
  return Number(text);
}

export function parseMemberCode(value: string, field = 'country'): string {
  if (!MEMBER_CODE.test(value)) throw badInput(field, `must be a two-letter member code like "AL" (got "${value}")`);
  return value;
}

/** The member a mutation acts for: it must exist and be a full member. */
export async function actingMember(tx: EntityManager, code: string, field = 'country'): Promise<Member> {
  parseMemberCode(code, field);
  const member = await tx.findOne(Member, { where: { code } });
  if (!member) throw ruleBroken(ErrorCode.UNKNOWN_MEMBER, `"${code}" is not a member of the joint procurement`, { country: code, field });
  if (member.membership !== Membership.MEMBER) {
    throw memberRuleBroken(Rule.MEMBER_NOT_ADMITTED, code, `${member.name} is invited but not yet admitted: only admitted members take part in joint orders`, { field });
  }
  return member;
}

/** A row guarded by an optimistic `lock_version` column. */
interface Versioned {
  id: number;
  lockVersion: number;
}

/** True on MySQL/MariaDB, where concurrent transactions lock rows; SQLite queues writes instead (transaction.ts). */
export function locksRows(tx: EntityManager): boolean {
  const { type } = tx.connection.options;
  return type === 'mysql' || type === 'mariadb';
}

/**
 * Locks one row until the transaction ends: `shared` lets other shared
 * holders in and keeps writers out; `exclusive` keeps everyone out. Written
 * out because TypeORM says `FOR SHARE` to any server of version 8 or more,
 * MariaDB 10/11 included, which only knows `LOCK IN SHARE MODE`.
 */
async function lockRow(tx: EntityManager, entity: EntityTarget<ObjectLiteral>, id: number, mode: 'shared' | 'exclusive'): Promise<void> {
  if (!locksRows(tx)) return;
  const table = tx.connection.driver.escape(tx.connection.getMetadata(entity).tableName);
  await tx.query(`SELECT id FROM ${table} WHERE id = ? ${mode === 'shared' ? 'LOCK IN SHARE MODE' : 'FOR UPDATE'}`, [id]);
}

/**
 * Reads the row and claims it: bumps `lock_version` only if it still has the
 * value just read. A competing write that got there first makes the UPDATE
 * match no row; the transaction is then retried on fresh data. With `wait`
 * (MariaDB) the row is read under an exclusive lock, so competitors queue
 * for it instead and the claim always matches. A row `readOnly` says is
 * read-only (a closed case, which the database refuses to change) is read
 * (under that lock) but not claimed: its caller refuses to change it.
 */
export async function claim<E extends Versioned>(
  tx: EntityManager,
  entity: EntityTarget<E>,
  id: number,
  name: (row: E) => string,
  notFoundAs: string,
  wait = false,
  readOnly: (row: E) => boolean = () => false,
): Promise<E> {
  if (wait) await lockRow(tx, entity, id, 'exclusive');
  const row = await tx.findOne(entity, { where: { id } as FindOptionsWhere<E> });
  if (!row) throw notFound(notFoundAs, String(id));
  if (readOnly(row)) return row;
  const claimed = await tx
    .createQueryBuilder()
    .update(entity)
    .set({ lockVersion: () => 'lock_version + 1' } as never)
    .where('id = :id AND lock_version = :lockVersion', { id: row.id, lockVersion: row.lockVersion })
    .execute();
  if (claimed.affected !== 1) throw new StaleRowError(name(row));
  row.lockVersion += 1;
  return row;
}

/**
 * Claims a joint order for a change of its terms (lines, participants,
 * submit, reopen, place, cancel, deliveries): optimistic, on the order's
 * `lock_version`. Its UPDATE needs the order row exclusively, so it waits for
 * the members' changes in flight (they hold the row shared) and keeps new
 * ones out until it commits.
 */
export function claimOrder(tx: EntityManager, orderId: number): Promise<JointOrder> {
  return claim(tx, JointOrder, orderId, (o) => `Joint order ${o.reference}`, 'Joint order');
}

export function claimPlan(tx: EntityManager, planId: number): Promise<ImplementationPlan> {
  return claim(tx, ImplementationPlan, planId, (p) => `Implementation plan ${p.reference}`, 'Implementation plan');
}

/**
 * Reads an order for a change of one member's part of it (an allocation, a
 * decision on a plan): under a shared lock, so members change their parts
 * side by side while the order's terms cannot change under them.
 */
export async function shareOrder(tx: EntityManager, orderId: number): Promise<JointOrder> {
  await lockRow(tx, JointOrder, orderId, 'shared');
  const order = await tx.findOne(JointOrder, { where: { id: orderId } });
  if (!order) throw notFound('Joint order', String(orderId));
  return order;
}

export async function sharePlan(tx: EntityManager, planId: number): Promise<ImplementationPlan> {
  await lockRow(tx, ImplementationPlan, planId, 'shared');
  const plan = await tx.findOne(ImplementationPlan, { where: { id: planId } });
  if (!plan) throw notFound('Implementation plan', String(planId));
  return plan;
}

/**
 * Reads an order to settle a round of decisions or deliveries on it:
 * exclusively, without claiming its terms. The members' steps queue for it (a
 * few statements each) instead of being refused, and the last one sees all
 * the others (e.g. the delivery that completes the order).
 */
export async function holdOrder(tx: EntityManager, orderId: number): Promise<JointOrder> {
  await lockRow(tx, JointOrder, orderId, 'exclusive');
  const order = await tx.findOne(JointOrder, { where: { id: orderId } });
  if (!order) throw notFound('Joint order', String(orderId));
  return order;
}

/**
 * A change the order's other members must notice (its status, its version):
 * bumps `lock_version` too, so a terms change that read the order before
 * runs again on the new state.
 */
export async function changeOrder(tx: EntityManager, order: JointOrder, fields: Partial<Omit<JointOrder, 'id' | 'lockVersion'>>): Promise<void> {
  const changed = await tx
    .createQueryBuilder()
    .update(JointOrder)
    .set({ ...fields, lockVersion: () => 'lock_version + 1' } as never)
    .where('id = :id AND lock_version = :lockVersion', { id: order.id, lockVersion: order.lockVersion })
    .execute();
  if (changed.affected !== 1) throw new StaleRowError(`Joint order ${order.reference}`);
  Object.assign(order, fields);
  order.lockVersion += 1;
}

/** Claims one allocation: its own `lock_version`, under an exclusive row lock on MariaDB (same-allocation changes queue). */
export function claimAllocation(tx: EntityManager, allocationId: number): Promise<Allocation> {
  return claim(tx, Allocation, allocationId, (a) => `Allocation ${a.id}`, 'Allocation', true);
}

/**
 * Loads a part of an order (a line, an allocation, a delivery), opens its
 * order (always the order first, then the part, as every writer does, so they
 * cannot deadlock) and checks that the acting member takes part in it.
 * Sharing or holding, the part is read again under the order's lock: a
 * terms change may have removed it meanwhile.
 */
async function openOrderOf<P extends { orderId: number }>(
  tx: EntityManager,
  entity: EntityTarget<P>,
  id: number,
  what: string,
  country: string,
  access: 'claim' | 'share' | 'hold',
): Promise<{ part: P; order: JointOrder }> {
  const findPart = async (): Promise<P> => {
    const part = await tx.findOne(entity, { where: { id } as unknown as FindOptionsWhere<P> });
    if (!part) throw notFound(what, String(id));
    return part;
  };
  const seen = await findPart();
  const open = { claim: claimOrder, share: shareOrder, hold: holdOrder }[access];
  const order = await open(tx, seen.orderId);
  await requireParticipant(tx, order, country);
  return { part: access === 'claim' ? seen : await findPart(), order };
}

/** A part of an order, for a change of the order's terms: claims the order. */
export function claimOrderOf<P extends { orderId: number }>(tx: EntityManager, entity: EntityTarget<P>, id: number, what: string, country: string): Promise<{ part: P; order: JointOrder }> {
  return openOrderOf(tx, entity, id, what, country, 'claim');
}

/** A part of an order, for a step that may settle the order (like a decision): holds the order. */
export function holdOrderOf<P extends { orderId: number }>(tx: EntityManager, entity: EntityTarget<P>, id: number, what: string, country: string): Promise<{ part: P; order: JointOrder }> {
  return openOrderOf(tx, entity, id, what, country, 'hold');
}

/** A part of an order, for a member's change of its own part: shares the order. */
export function shareOrderOf<P extends { orderId: number }>(tx: EntityManager, entity: EntityTarget<P>, id: number, what: string, country: string): Promise<{ part: P; order: JointOrder }> {
  return openOrderOf(tx, entity, id, what, country, 'share');
}

export async function participantsOf(tx: EntityManager, orderId: number): Promise<string[]> {
  const rows = await tx.find(OrderParticipant, { where: { orderId }, order: { joinedAt: 'ASC', countryCode: 'ASC' } });
  return rows.map((r) => r.countryCode);
}

/** Refuses a member acting on an order it does not take part in. */
export async function requireParticipant(tx: EntityManager, order: JointOrder, country: string): Promise<void> {
  parseMemberCode(country);
  const participant = await tx.findOne(OrderParticipant, { where: { orderId: order.id, countryCode: country } });
  if (!participant) throw memberRuleBroken(Rule.NOT_A_PARTICIPANT, country, `${country} does not take part in joint order ${order.reference}`, { orderId: String(order.id) });
}
