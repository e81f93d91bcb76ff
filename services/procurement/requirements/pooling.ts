/**
 * Pooling: requirements of several members for the same item that no
 * allocation covers yet. Together they reach a better volume tier than each
 * member buying its own quantity alone; the arithmetic is pricing.ts's, the
 * same as for an order line. A candidate becomes a DRAFT joint order with
 * one line and each member's allocation linked to its requirement.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { MinorUnits } from '../../../lib/money';
import type { ProcurementContext } from '../context';
import { tiersOn } from '../catalogue/priceVersions';
import { Allocation, CatalogItem, JointOrder, Member, PriceVersion, RequirementShare } from '../entities';
import { priceLine, SharePrice, Tier, tierFor, totalsOf } from '../pricing';
import { JointOrderStatus, Membership, OPEN_REQUIREMENT_STATUSES, PurchasingModel } from '../types/enums';
import { insertAllocation, insertOrderLine } from '../workflow/lines';
import { checkNewJointOrder, insertJointOrder } from '../workflow/orders';
import { memberRuleBroken, Rule } from '../workflow/rules';
import { writeTransaction } from '../workflow/transaction';

export interface PooledShare extends SharePrice {
  share: RequirementShare;
}

export interface PoolingCandidate {
  item: CatalogItem;
  combinedQuantity: number;
  /** The tier the combined quantity reaches. */
  tier: Tier;
  shares: PooledShare[];
  pooledCost: MinorUnits;
  aloneCost: MinorUnits;
  savings: MinorUnits;
}

/** What is left of each open requirement of an admitted member, after the allocations in orders not cancelled. */
async function openRemainders(db: EntityManager | DataSource, nsn?: string): Promise<{ share: RequirementShare; remaining: number }[]> {
  const shares = await db
    .createQueryBuilder(RequirementShare, 's')
    .innerJoin(Member, 'm', 'm.code = s.country_code')
    .where('s.status IN (:...open) AND m.membership = :member', { open: OPEN_REQUIREMENT_STATUSES, member: Membership.MEMBER })
    .andWhere(nsn ? 's.nsn = :nsn' : '1 = 1', { nsn })
    .orderBy('s.nsn')
    .addOrderBy('s.needed_by')
    .addOrderBy('s.country_code')
    .addOrderBy('s.requirement_id')
    .getMany();
  const taken = await db
    .createQueryBuilder(Allocation, 'a')
    .innerJoin(JointOrder, 'o', 'o.id = a.order_id')
    .select('a.country_code', 'country')
    .addSelect('a.requirement_id', 'requirement')
    .addSelect('SUM(a.quantity)', 'total')
    .where('a.requirement_id IS NOT NULL AND o.status <> :cancelled', { cancelled: JointOrderStatus.CANCELLED })
    .groupBy('a.country_code')
    .addGroupBy('a.requirement_id')
    .getRawMany<{ country: string; requirement: string; total: string | number }>();
  const takenBy = new Map(taken.map((t) => [`${t.country}|${t.requirement}`, Number(t.total)]));
  return shares
    .map((share) => ({ share, remaining: share.quantity - (takenBy.get(`${share.countryCode}|${share.requirementId}`) ?? 0) }))
    .filter(({ remaining }) => remaining > 0);
}

/**
 * Every pooling candidate (or the one for `nsn`): items with open, uncovered
 * requirements of at least two admitted members. A member with several such
 * requirements for the item pools the one needed first (an order line holds
 * one allocation per member).
 */
export async function poolingCandidates(db: EntityManager | DataSource, today: string, nsn?: string): Promise<PoolingCandidate[]> {
  const byItem = new Map<string, Map<string, { share: RequirementShare; remaining: number }>>();
  for (const open of await openRemainders(db, nsn)) {
    const members = byItem.get(open.share.nsn) ?? new Map();
    if (!members.has(open.share.countryCode)) members.set(open.share.countryCode, open);
    byItem.set(open.share.nsn, members);
  }
  const pooled = [...byItem.entries()].filter(([, members]) => members.size >= 2);
  if (pooled.length === 0) return [];
  const nsns = pooled.map(([item]) => item);
  const [items, versions] = await Promise.all([
    db.getRepository(CatalogItem).findBy(nsns.map((n) => ({ nsn: n }))),
    db.getRepository(PriceVersion).findBy(nsns.map((n) => ({ nsn: n }))),
  ]);
  return pooled.map(([itemNsn, members]) => {
    const item = items.find((i) => i.nsn === itemNsn) as CatalogItem;
    // Today's prices: a pooled order opened today is priced with them.
    const itemTiers = tiersOn(versions.filter((v) => v.nsn === itemNsn), today);
    const opens = [...members.values()].sort((a, b) => a.share.countryCode.localeCompare(b.share.countryCode));
    const line = priceLine(itemTiers, opens.map((o) => ({ quantity: o.remaining })));
    const totals = totalsOf(line.shares);
    return {
      item,
      combinedQuantity: line.quantity,
      tier: tierFor(itemTiers, line.quantity),
      shares: line.shares.map((price, i) => ({ ...price, share: opens[i].share })),
      pooledCost: totals.committed,
      aloneCost: totals.individual,
      savings: totals.savings,
    };
  });
}

export interface PooledOrderInput {
  nsn: string;
  caseReference: string;
  offerExpiresOn: string;
  title?: string | null;
  model?: PurchasingModel | null;
  leadNation?: string | null;
}

/**
 * Turns the candidate for an item into a DRAFT joint order created for
 * `country` (one of its members): one line, and each member's allocation of
 * what remains of its requirement, linked to it. All or nothing.
 */
export async function createPooledOrder(ctx: ProcurementContext, country: string, input: PooledOrderInput): Promise<JointOrder> {
  return writeTransaction(ctx.dataSource, async (tx) => {
    const [candidate] = await poolingCandidates(tx, ctx.clock.today(), input.nsn);
    if (!candidate) {
      throw memberRuleBroken(Rule.NOT_A_POOLING_CANDIDATE, country, `No two members have open requirements for ${input.nsn} left uncovered: there is nothing to pool`, { field: 'nsn' });
    }
    const members = candidate.shares.map((s) => s.share.countryCode);
    if (!members.includes(country)) {
      throw memberRuleBroken(Rule.NOT_A_POOLING_CANDIDATE, country, `${country} has no open requirement for ${candidate.item.name} in this candidate (${members.join(', ')} have)`, { field: 'country' });
    }
    const checked = checkNewJointOrder(ctx, country, {
      title: input.title ?? `Pooled purchase: ${candidate.item.name}`,
      supplier: candidate.item.supplier,
      caseReference: input.caseReference,
      model: input.model ?? PurchasingModel.COORDINATED_NATIONAL,
      leadNation: input.leadNation,
      offerExpiresOn: input.offerExpiresOn,
      participants: members,
    });
    const order = await insertJointOrder(tx, ctx, country, checked);
    const line = await insertOrderLine(tx, order, country, candidate.item.nsn);
    for (const pooled of candidate.shares) await insertAllocation(tx, order, line, pooled.share.countryCode, pooled.quantity, pooled.share.requirementId);
    return order;
  });
}
