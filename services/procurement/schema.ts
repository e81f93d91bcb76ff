import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../../lib/graphql/federatedSchema';
import { memberCodesInCapitals } from '../../lib/graphql/memberCodeArguments';
import { enforceFieldPolicy } from '../../lib/security/fieldPolicy';
import { PROCUREMENT_POLICY } from './authorization';
import { REFERENCE_RESOLVERS } from './reference';
import { AllocationResolver } from './resolvers/allocation.resolver';
import { ApprovalResolver } from './resolvers/approval.resolver';
import { CatalogResolver, PriceTierResolver } from './resolvers/catalog.resolver';
import { DeliveryResolver } from './resolvers/delivery.resolver';
import { CountrySavingsResolver, JointOrderResolver } from './resolvers/jointOrder.resolver';
import { MemberResolver } from './resolvers/member.resolver';
import { OrderLineResolver } from './resolvers/orderLine.resolver';
import { OrderWorkflowResolver } from './resolvers/orderWorkflow.resolver';
import { ImplementationPlanResolver, PlanApprovalResolver, PlanVersionResolver } from './resolvers/plan.resolver';
import { PoolingCandidateResolver, PoolingShareResolver } from './resolvers/pooling.resolver';
import { CatalogPriceHistoryResolver, PriceVersionResolver } from './resolvers/priceVersion.resolver';
import { RequirementResolver } from './resolvers/requirement.resolver';
import { MemberBudgetResolver } from './rates/budgetComparison.resolver';
import { ExchangeRateResolver } from './rates/rates.resolver';
import { CasePaymentResolver, CaseResolver, CaseStageChangeResolver, CaseVersionResolver, JointOrderCasesResolver, MemberCasesResolver } from './cases/case.resolver';

export const PROCUREMENT_RESOLVERS = [
  MemberResolver,
  CatalogResolver,
  PriceTierResolver,
  JointOrderResolver,
  CountrySavingsResolver,
  OrderLineResolver,
  AllocationResolver,
  ApprovalResolver,
  DeliveryResolver,
  OrderWorkflowResolver,
  ImplementationPlanResolver,
  PlanApprovalResolver,
  PlanVersionResolver,
  RequirementResolver,
  CaseResolver,
  CaseVersionResolver,
  CasePaymentResolver,
  CaseStageChangeResolver,
  JointOrderCasesResolver,
  MemberCasesResolver,
  ExchangeRateResolver,
  MemberBudgetResolver,
  PoolingCandidateResolver,
  PoolingShareResolver,
  PriceVersionResolver,
  CatalogPriceHistoryResolver,
] as const;

/** Arguments and input fields holding member codes (accepted in any case). */
const MEMBER_CODE_ARGUMENTS = ['country', 'participant', 'code', 'leadNation', 'participants'];

/** The procurement subgraph's Federation 2 schema. */
export async function buildProcurementSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    // Member codes in capitals first, so the policy and the resolvers see them as stored.
    { resolvers: PROCUREMENT_RESOLVERS, globalMiddlewares: [memberCodesInCapitals(MEMBER_CODE_ARGUMENTS), enforceFieldPolicy(PROCUREMENT_POLICY)] },
    REFERENCE_RESOLVERS,
  );
}
