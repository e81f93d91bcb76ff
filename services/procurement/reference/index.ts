/**
 * How the gateway fetches this subgraph's entities by key (`_entities`).
 * An unknown key resolves to null.
 */
import type { ReferenceResolvers } from '../../../lib/graphql/federatedSchema';
import type { ProcurementContext } from '../context';
import { Requirement } from '../types/requirement.type';

export const REFERENCE_RESOLVERS: ReferenceResolvers = {
  Country: { __resolveReference: (ref: { code: string }, ctx: ProcurementContext) => ctx.loaders.member.load(ref.code) },
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
