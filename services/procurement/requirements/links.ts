/**
 * An allocation may name the member's requirement it serves. Procurement
 * cannot read members' databases, so it checks the link against what the
 * ministry shared (requirement_share): the requirement must be shared by the
 * same member, be for the line's item, not be withdrawn, and have enough
 * left for the allocation's quantity. Run inside the write's transaction,
 * with the shared requirement locked, so two allocations cannot both take
 * what remains.
 */
import type { EntityManager } from 'typeorm';
import { badInput } from '../../../lib/errors';
import { Allocation, JointOrder, RequirementShare } from '../entities';
import { JointOrderStatus } from '../types/enums';
import { locksRows } from '../workflow/guards';
import { memberRuleBroken, Rule } from '../workflow/rules';

const REQUIREMENT_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Checks the form of a requirement id; null and undefined pass through. */
export function checkRequirementId<T extends string | null | undefined>(requirementId: T, field = 'requirementId'): T {
  if (requirementId === undefined || requirementId === null) return requirementId;
  if (!REQUIREMENT_ID.test(requirementId)) throw badInput(field, `must be the id of one of your requirements, 1-32 letters, digits, "-" or "_" (got "${requirementId}")`);
  return requirementId;
}

/** Reads a shared requirement, locked until the transaction ends where the backend locks rows. */
export async function lockedShare(tx: EntityManager, countryCode: string, requirementId: string): Promise<RequirementShare | null> {
  if (locksRows(tx)) {
    await tx.query('SELECT requirement_id FROM requirement_share WHERE country_code = ? AND requirement_id = ? FOR UPDATE', [countryCode, requirementId]);
  }
  return tx.findOne(RequirementShare, { where: { countryCode, requirementId } });
}

/** How much of a requirement allocations already take, in orders not cancelled, leaving out one allocation (the one being changed). */
export async function allocatedTo(tx: EntityManager, countryCode: string, requirementId: string, except?: number): Promise<number> {
  const query = tx
    .createQueryBuilder(Allocation, 'a')
    .innerJoin(JointOrder, 'o', 'o.id = a.order_id')
    .select('COALESCE(SUM(a.quantity), 0)', 'total')
    .where('a.country_code = :countryCode AND a.requirement_id = :requirementId AND o.status <> :cancelled', { countryCode, requirementId, cancelled: JointOrderStatus.CANCELLED });
  if (except !== undefined) query.andWhere('a.id <> :except', { except });
  return Number((await query.getRawOne<{ total: string | number }>())?.total ?? 0);
}

export interface RequirementLink {
  country: string;
  requirementId: string;
  /** The item of the line the allocation is on. */
  nsn: string;
  quantity: number;
  /** The allocation being changed, whose own quantity does not count against it. */
  allocationId?: number;
}

/** Refuses a link that is not to the member's own shared requirement for the same item, with enough left. */
export async function checkRequirementLink(tx: EntityManager, link: RequirementLink): Promise<RequirementShare> {
  const { country, requirementId, nsn, quantity } = link;
  const share = await lockedShare(tx, country, requirementId);
  if (!share) {
    throw memberRuleBroken(Rule.REQUIREMENT_NOT_SHARED, country, `${country} has not shared a requirement "${requirementId}" with procurement; share it first (shareRequirements)`, {
      field: 'requirementId',
    });
  }
  if (share.nsn !== nsn) {
    throw memberRuleBroken(Rule.REQUIREMENT_ITEM_MISMATCH, country, `Requirement ${share.reference} is for ${share.nsn}, but the allocation is for ${nsn}`, { field: 'requirementId', requirementNsn: share.nsn });
  }
  if (share.status === 'WITHDRAWN') {
    throw memberRuleBroken(Rule.REQUIREMENT_WITHDRAWN, country, `Requirement ${share.reference} was withdrawn; no allocation can serve it`, { field: 'requirementId' });
  }
  const remaining = share.quantity - (await allocatedTo(tx, country, requirementId, link.allocationId));
  if (quantity > remaining) {
    throw memberRuleBroken(Rule.REQUIREMENT_EXCEEDED, country, `Requirement ${share.reference} has ${remaining} of ${share.quantity} left to allocate; ${quantity} is more`, {
      field: 'quantity',
      remaining,
    });
  }
  return share;
}
