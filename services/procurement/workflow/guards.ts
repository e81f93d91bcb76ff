/**
 * The checks every command starts with: who acts, on which order, and whether
 * that order is still the one it read (optimistic concurrency).
 */
import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { badInput, ErrorCode, notFound, ruleBroken } from '../../../lib/errors';
import { MEMBER_CODE } from '../../../lib/reference/members';
import { ImplementationPlan, JointOrder, Member, OrderParticipant } from '../entities';
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
  if (!MEMBER_CODE.test(value)) throw badInput(field, `must be a two-letter upper-case member code like "AL" (got "${value}")`);
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
  reference: string;
  lockVersion: number;
}

/**
 * Reads the row and claims it: bumps `lock_version` only if it still has the
 * value just read. A competing write that got there first makes the UPDATE
 * match no row; the transaction is then retried on fresh data.
 */
async function claim<E extends Versioned>(tx: EntityManager, entity: EntityTarget<E>, id: number, what: string): Promise<E> {
  const row = await tx.findOne(entity, { where: { id } as FindOptionsWhere<E> });
  if (!row) throw notFound(what, String(id));
  const claimed = await tx
    .createQueryBuilder()
    .update(entity)
    .set({ lockVersion: () => 'lock_version + 1' } as never)
    .where('id = :id AND lock_version = :lockVersion', { id: row.id, lockVersion: row.lockVersion })
    .execute();
  if (claimed.affected !== 1) throw new StaleRowError(`${what} ${row.reference}`);
  row.lockVersion += 1;
  return row;
}

/** Claims a joint order: every write to it or its lines, allocations, approvals and deliveries starts here. */
export function claimOrder(tx: EntityManager, orderId: number): Promise<JointOrder> {
  return claim(tx, JointOrder, orderId, 'Joint order');
}

export function claimPlan(tx: EntityManager, planId: number): Promise<ImplementationPlan> {
  return claim(tx, ImplementationPlan, planId, 'Implementation plan');
}

/**
 * Loads a part of an order (a line, an allocation, a delivery), claims its
 * order and checks that the acting member takes part in it.
 */
export async function claimOrderOf<P extends { orderId: number }>(
  tx: EntityManager,
  entity: EntityTarget<P>,
  id: number,
  what: string,
  country: string,
): Promise<{ part: P; order: JointOrder }> {
  const part = await tx.findOne(entity, { where: { id } as unknown as FindOptionsWhere<P> });
  if (!part) throw notFound(what, String(id));
  const order = await claimOrder(tx, part.orderId);
  await requireParticipant(tx, order, country);
  return { part, order };
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
