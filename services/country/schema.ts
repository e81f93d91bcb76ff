/**
 * The country subgraph's schema: the SAME for every member. Which member a
 * process serves is runtime context, never part of the SDL, so every member's
 * `_service { sdl }` equals the committed schema/country.graphql.
 */
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../lib/graphql/federatedSchema';
import { memberCodesInCapitals } from '../../lib/graphql/memberCodeArguments';
import { enforceFieldPolicy } from '../../lib/security/fieldPolicy';
import { COUNTRY_POLICY } from './authorization';
import { ServedMemberOnly } from './member';
import { COUNTRY_REFERENCE_RESOLVERS } from './reference';
// Root fields print in the order their resolvers are defined: queries, then holdings, requirements, budgets, ministry, the audit trail.
import { QueryResolver } from './resolvers/query.resolver';
import { CountryResolver } from './resolvers/country.resolver';
import { HoldingResolver } from './resolvers/holding.resolver';
import { RequirementResolver } from './resolvers/requirement.resolver';
import { BudgetResolver } from './resolvers/budget.resolver';
import { MinistryResolver } from './resolvers/ministry.resolver';
import { AuditEntriesResolver } from './audit/auditEntries.resolver';

export async function buildCountrySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [QueryResolver, CountryResolver, HoldingResolver, RequirementResolver, BudgetResolver, MinistryResolver, AuditEntriesResolver],
      // The member code in capitals (any case is accepted), wrong member next (WRONG_MEMBER says where to go), then who may.
      globalMiddlewares: [memberCodesInCapitals(['country']), ServedMemberOnly, enforceFieldPolicy(COUNTRY_POLICY)],
      // class-validator rules on the input classes (validation.ts); failures name each field.
      validate: { forbidUnknownValues: false },
    },
    COUNTRY_REFERENCE_RESOLVERS,
  );
}
