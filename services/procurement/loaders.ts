/**
 * Per-request DataLoaders: every list a resolver needs is fetched for all the
 * requested parents in one statement, so a page of orders with lines,
 * allocations, approvals and deliveries costs a constant number of queries.
 */
import DataLoader from 'dataloader';
import { DataSource, EntityTarget, FindOptionsOrder, In, ObjectLiteral } from 'typeorm';
import {
  Allocation,
  Approval,
  CatalogItem,
  Delivery,
  ImplementationPlan,
  JointOrder,
  Member,
  OrderLine,
  OrderParticipant,
  PlanApproval,
  PlanVersion,
  PriceTier,
  PriceVersion,
  RequirementShare,
} from './entities';
import { orderTiers, tiersOn } from './catalogue/priceVersions';
import { computeOrderFigures, OrderFigures } from './figures';

/** Loads the rows whose `column` is one of the keys, grouped by key, in key order. */
function groupedBy<E extends ObjectLiteral, K extends string | number>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  column: keyof E & string,
  order: FindOptionsOrder<E>,
  /** Sees every row loaded, e.g. to prime the loader that fetches the same rows by id. */
  onLoad: (rows: E[]) => void = () => undefined,
): DataLoader<K, E[]> {
  return new DataLoader<K, E[]>(async (keys) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [column]: In([...keys]) } as never, order });
    onLoad(rows);
    const groups = new Map<K, E[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(row[column] as K)?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Loads the row whose `column` equals each key, or null. */
function uniqueBy<E extends ObjectLiteral, K extends string | number>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  column: keyof E & string,
): DataLoader<K, E | null> {
  return new DataLoader<K, E | null>(async (keys) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [column]: In([...keys]) } as never });
    const byKey = new Map(rows.map((row) => [row[column] as K, row]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** `today` picks the price version in effect now (catalogue/priceVersions.ts). */
export function createLoaders(dataSource: DataSource, today: () => string = () => new Date().toISOString().slice(0, 10)) {
  const priceVersions = groupedBy<PriceVersion, string>(dataSource, PriceVersion, 'nsn', { version: 'ASC' });
  const order = uniqueBy<JointOrder, number>(dataSource, JointOrder, 'id');
  const line = uniqueBy<OrderLine, number>(dataSource, OrderLine, 'id');
  /** Rows fetched in bulk are not fetched again by id. */
  const primeOrders = (orders: JointOrder[]) => orders.forEach((o) => order.prime(o.id, o));
  const rows = {
    member: uniqueBy<Member, string>(dataSource, Member, 'code'),
    catalogItem: uniqueBy<CatalogItem, string>(dataSource, CatalogItem, 'nsn'),
    priceVersions,
    /** Each item's tiers in effect today. */
    tiers: new DataLoader<string, PriceTier[]>(async (nsns) => (await priceVersions.loadMany(nsns)).map((versions) => (versions instanceof Error ? versions : tiersOn(versions, today())))),
    order,
    primeOrders,
    participants: groupedBy<OrderParticipant, number>(dataSource, OrderParticipant, 'orderId', { joinedAt: 'ASC', countryCode: 'ASC' }),
    ordersOfMember: groupedBy<OrderParticipant, string>(dataSource, OrderParticipant, 'countryCode', { orderId: 'ASC' }),
    line,
    lines: groupedBy<OrderLine, number>(dataSource, OrderLine, 'orderId', { id: 'ASC' }, (loaded) => loaded.forEach((l) => line.prime(l.id, l))),
    allocation: uniqueBy<Allocation, number>(dataSource, Allocation, 'id'),
    allocationsOfOrder: groupedBy<Allocation, number>(dataSource, Allocation, 'orderId', { id: 'ASC' }),
    allocationsOfMember: groupedBy<Allocation, string>(dataSource, Allocation, 'countryCode', { id: 'ASC' }),
    approvals: groupedBy<Approval, number>(dataSource, Approval, 'orderId', { id: 'ASC' }),
    deliveries: groupedBy<Delivery, number>(dataSource, Delivery, 'orderId', { plannedDate: 'ASC', id: 'ASC' }),
    plan: uniqueBy<ImplementationPlan, number>(dataSource, ImplementationPlan, 'id'),
    planVersions: groupedBy<PlanVersion, number>(dataSource, PlanVersion, 'planId', { version: 'ASC' }),
    planApprovals: groupedBy<PlanApproval, number>(dataSource, PlanApproval, 'planId', { id: 'ASC' }),
    ordersOfPlan: groupedBy<JointOrder, number>(dataSource, JointOrder, 'planId', { id: 'ASC' }, primeOrders),
    /** Allocations pointing at a member's requirement, keyed "XK|42". */
    allocationsOfRequirement: new DataLoader<string, Allocation[]>(async (keys) => {
      const pairs = keys.map((key) => key.split('|') as [string, string]);
      const rows = await dataSource.getRepository(Allocation).find({
        where: pairs.map(([countryCode, requirementId]) => ({ countryCode, requirementId })),
        order: { id: 'ASC' },
      });
      return keys.map((key) => rows.filter((row) => `${row.countryCode}|${row.requirementId}` === key));
    }),
    /** What a member shared of its requirement, keyed "XK|42"; null if it has not. */
    requirementShare: new DataLoader<string, RequirementShare | null>(async (keys) => {
      const pairs = keys.map((key) => key.split('|') as [string, string]);
      const rows = await dataSource.getRepository(RequirementShare).find({ where: pairs.map(([countryCode, requirementId]) => ({ countryCode, requirementId })) });
      return keys.map((key) => rows.find((row) => `${row.countryCode}|${row.requirementId}` === key) ?? null);
    }),
    sharesOfMember: groupedBy<RequirementShare, string>(dataSource, RequirementShare, 'countryCode', { neededBy: 'ASC', requirementId: 'ASC' }),
    deliveriesOfAllocation: groupedBy<Delivery, number>(dataSource, Delivery, 'allocationId', { plannedDate: 'ASC', id: 'ASC' }),
  };
  /** Every money figure of each order, from the row loaders above (so they batch with everything else), at the prices of the day it was opened. */
  const figures = new DataLoader<number, OrderFigures>(async (orderIds) => {
    const [orders, lines, allocations] = await Promise.all([
      rows.order.loadMany(orderIds),
      rows.lines.loadMany(orderIds),
      rows.allocationsOfOrder.loadMany(orderIds),
    ]);
    const nsns = [...new Set(lines.flatMap((l) => (l instanceof Error ? [] : l.map((line) => line.nsn))))];
    const versions = await priceVersions.loadMany(nsns);
    const versionsByNsn = new Map<string, PriceVersion[]>(nsns.map((nsn, i) => [nsn, versions[i] instanceof Error ? [] : (versions[i] as PriceVersion[])]));
    return orderIds.map((id, i) => {
      const order = orders[i];
      if (!order || order instanceof Error) return new Error(`Joint order ${id} was not found`);
      return computeOrderFigures(order, lines[i] as OrderLine[], allocations[i] as Allocation[], orderTiers(order, versionsByNsn));
    });
  });
  return { ...rows, figures };
}

export type Loaders = ReturnType<typeof createLoaders>;
