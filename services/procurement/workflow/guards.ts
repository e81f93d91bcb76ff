/**
 * The checks every command starts with: who acts, on which order, and whether
 * that order is still the one it read (optimistic concurrency).
 */
import type { EntityManager } from 'typeorm';
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

/**
 * Reads the order and claims it: bumps `lock_version` only if it still has
 * the value just read. A competing write that got there first makes the
 * UPDATE match no row; the transaction is then retried on fresh data.
 */
export async function claimOrder(tx: EntityManager, orderId: number): Promise<JointOrder> {
  const order = await tx.findOne(JointOrder, { where: { id: orderId } });
  if (!order) throw notFound('Joint order', String(orderId));
  const claimed = await tx
    .createQueryBuilder()
    .update(JointOrder)
    .set({ lockVersion: () => 'lock_version + 1' })
    .where('id = :id AND lock_version = :lockVersion', { id: order.id, lockVersion: order.lockVersion })
    .execute();
  if (claimed.affected !== 1) throw new StaleRowError(`Joint order ${order.reference}`);
  order.lockVersion += 1;
  return order;
}

/** The same claim for an implementation plan. */
export async function claimPlan(tx: EntityManager, planId: number): Promise<ImplementationPlan> {
  const plan = await tx.findOne(ImplementationPlan, { where: { id: planId } });
  if (!plan) throw notFound('Implementation plan', String(planId));
  const claimed = await tx
    .createQueryBuilder()
    .update(ImplementationPlan)
    .set({ lockVersion: () => 'lock_version + 1' })
    .where('id = :id AND lock_version = :lockVersion', { id: plan.id, lockVersion: plan.lockVersion })
    .execute();
  if (claimed.affected !== 1) throw new StaleRowError(`Implementation plan ${plan.reference}`);
  plan.lockVersion += 1;
  return plan;
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
