import type { ReferenceResolvers } from '../../../lib/graphql/federatedSchema';
import { resolveCountryReference } from './country.reference';
import { resolveHoldingReference } from './holding.reference';
import { resolveRequirementReference } from './requirement.reference';

/** `__resolveReference` of each entity this subgraph owns. */
export const COUNTRY_REFERENCE_RESOLVERS: ReferenceResolvers = {
  Country: { __resolveReference: resolveCountryReference },
  Holding: { __resolveReference: resolveHoldingReference },
  Requirement: { __resolveReference: resolveRequirementReference },
};
