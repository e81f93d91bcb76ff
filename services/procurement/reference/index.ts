/**
 * How the gateway fetches this subgraph's entities by key (`_entities`).
 * An unknown key resolves to null.
 */
import type { ReferenceResolvers } from '../../../lib/graphql/federatedSchema';
import type { ProcurementContext } from '../context';
import { Member } from '../entities';
import { Requirement } from '../types/requirement.type';

export const REFERENCE_RESOLVERS: ReferenceResolvers = {
  Country: {
    // `budgets` arrives only when the gateway fetched it for a field that @requires it (budgetComparison).
    __resolveReference: async (ref: { code: string; budgets?: unknown }, ctx: ProcurementContext) => {
      const member = await ctx.loaders.member.load(ref.code);
      return member && 'budgets' in ref ? Object.assign(Object.create(Member.prototype) as Member, member, { budgets: ref.budgets }) : member;
    },
  },
  CatalogItem: { __resolveReference: (ref: { nsn: string }, ctx: ProcurementContext) => ctx.loaders.catalogItem.load(ref.nsn) },
  JointOrder: {
    __resolveReference: (ref: { id: string }, ctx: ProcurementContext) => {
      const id = Number(ref.id);
      return Number.isSafeInteger(id) && id > 0 ? ctx.loaders.order.load(id) : null;
    },
  },
  // Any member's requirement can be asked for; one without allocations simply has none.
  Requirement: { __resolveReference: (ref: { countryCode: string; id: string }) => Requirement.of(ref.countryCode, ref.id) },
};
