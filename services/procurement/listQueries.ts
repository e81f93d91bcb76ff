/**
 * The filters of the procurement lists as SQL, one query builder per list:
 * the plain lists (`jointOrders`, `catalog`) order and load it whole, the
 * paged ones (`jointOrdersPage`, `catalogPage`, `deliveries`) hand it to
 * lib/db/keysetPage. Each argument is checked first; a bad one is
 * BAD_USER_INPUT naming it.
 */
import type { SelectQueryBuilder } from 'typeorm';
import type { SortKey } from '../../lib/db/keysetPage';
import { nsnFilter } from '../../lib/reference/catalog';
import type { ProcurementContext } from './context';
import { CatalogItem, Delivery, JointOrder } from './entities';
import type { CatalogFilterArgs, DeliveryFilterArgs, JointOrderFilterArgs } from './types/args';
import { parseMemberCode } from './workflow/guards';

/** Newest first: ids grow with time. */
export const ORDER_SORT: SortKey<JointOrder>[] = [{ column: 'o.id', property: 'id', direction: 'DESC', kind: 'number' }];
export const CATALOG_SORT: SortKey<CatalogItem>[] = [{ column: 'c.nsn', property: 'nsn', direction: 'ASC', kind: 'string' }];
/** By planned date, so the longest overdue come first; the id makes the order unique. */
export const DELIVERY_SORT: SortKey<Delivery>[] = [
  { column: 'd.plannedDate', property: 'plannedDate', direction: 'ASC', kind: 'string' },
  { column: 'd.id', property: 'id', direction: 'ASC', kind: 'number' },
];

/** A joint order's reference as stored ("JPO-2026-0003"): references are written in capitals. */
export const normalReference = (reference: string): string => reference.trim().toUpperCase();

export function ordersMatching(ctx: ProcurementContext, { status, participant, reference, nsn }: JointOrderFilterArgs): SelectQueryBuilder<JointOrder> {
  const query = ctx.dataSource.getRepository(JointOrder).createQueryBuilder('o');
  if (status) query.andWhere('o.status = :status', { status });
  if (participant !== undefined && participant !== null) {
    query.andWhere('o.id IN (SELECT p.order_id FROM order_participant p WHERE p.country_code = :participant)', { participant: parseMemberCode(participant, 'participant') });
  }
  if (reference !== undefined && reference !== null) query.andWhere('o.reference = :reference', { reference: normalReference(reference) });
  const item = nsnFilter(nsn);
  if (item) query.andWhere('o.id IN (SELECT l.order_id FROM order_line l WHERE l.nsn = :nsn)', { nsn: item });
  return query;
}

export function catalogMatching(ctx: ProcurementContext, { category, supplier }: CatalogFilterArgs): SelectQueryBuilder<CatalogItem> {
  const query = ctx.dataSource.getRepository(CatalogItem).createQueryBuilder('c');
  if (category) query.andWhere('c.category = :category', { category });
  if (supplier) query.andWhere('c.supplier = :supplier', { supplier });
  return query;
}

/** Late as Delivery.late says (workflow/deliveries.ts isLate), in SQL against the service's today. */
const LATE = '((d.delivered_date IS NULL AND d.planned_date < :today) OR (d.delivered_date IS NOT NULL AND d.delivered_date > d.planned_date))';

export function deliveriesMatching(ctx: ProcurementContext, { late, country, status }: DeliveryFilterArgs): SelectQueryBuilder<Delivery> {
  const query = ctx.dataSource.getRepository(Delivery).createQueryBuilder('d');
  if (late === true) query.andWhere(LATE, { today: ctx.clock.today() });
  if (late === false) query.andWhere(`NOT ${LATE}`, { today: ctx.clock.today() });
  if (country !== undefined && country !== null) query.andWhere('d.country_code = :country', { country: parseMemberCode(country, 'country') });
  if (status) query.andWhere('d.status = :status', { status });
  return query;
}
