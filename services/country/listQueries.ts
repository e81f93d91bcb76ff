/**
 * The paged lists of the member's records as SQL (lib/db/keysetPage.ts does
 * the paging): always scoped to the served member, each filter checked first
 * (BAD_USER_INPUT naming it). A requirement stores only its NSN, so its
 * category filter is the category's NSNs in the shared catalogue, the list a
 * holding's stored category comes from too.
 */
import type { SelectQueryBuilder } from 'typeorm';
import type { SortKey } from '../../lib/db/keysetPage';
import { nsnFilter, nsnsOfCategory } from '../../lib/reference/catalog';
import type { CountryContext } from './context';
import { Holding, Requirement } from './entities';
import type { ItemFilter, RequirementFilter } from './resolvers/args';
import { assertCategory } from './validation';

/** In the order they were recorded: ids grow with time and are unique. */
export const HOLDING_SORT: SortKey<Holding>[] = [{ column: 'h.id', property: 'id', direction: 'ASC', kind: 'number' }];
export const REQUIREMENT_SORT: SortKey<Requirement>[] = [{ column: 'r.id', property: 'id', direction: 'ASC', kind: 'number' }];

export function holdingsMatching(ctx: CountryContext, { nsn, category }: ItemFilter): SelectQueryBuilder<Holding> {
  assertCategory(category);
  const query = ctx.dataSource.getRepository(Holding).createQueryBuilder('h').where('h.countryCode = :member', { member: ctx.member });
  const item = nsnFilter(nsn);
  if (item) query.andWhere('h.nsn = :nsn', { nsn: item });
  if (category) query.andWhere('h.category = :category', { category });
  return query;
}

export function requirementsMatching(ctx: CountryContext, { status, priority, nsn, category }: RequirementFilter & ItemFilter): SelectQueryBuilder<Requirement> {
  assertCategory(category);
  const query = ctx.dataSource.getRepository(Requirement).createQueryBuilder('r').where('r.countryCode = :member', { member: ctx.member });
  if (status) query.andWhere('r.status = :status', { status });
  if (priority) query.andWhere('r.priority = :priority', { priority });
  const item = nsnFilter(nsn);
  if (item) query.andWhere('r.nsn = :nsn', { nsn: item });
  if (category) {
    const nsns = nsnsOfCategory(category);
    query.andWhere(nsns.length > 0 ? 'r.nsn IN (:...categoryNsns)' : '1 = 0', { categoryNsns: nsns });
  }
  return query;
}
