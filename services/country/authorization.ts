/**
 * Who may do what in a member's country subgraph (lib/security/fieldPolicy.ts
 * enforces it; lib/security/roles.ts defines the predicates):
 *
 * - every write is its own ministry's (`ministry:<member>`): holdings,
 *   requirements, budgets, the ministry record — not the procurement office,
 *   not another member;
 * - budgets are read by the owning ministry and by `procurement` (which plans
 *   joint orders against them); another ministry or an analyst gets null
 *   with FORBIDDEN for that field, and the rest of its answer;
 * - the audit trail likewise: it shows budgets before and after, and who in
 *   the ministry changed what;
 * - everything else is read by any role.
 */
import { canReadBudget, canWriteMember } from '../../lib/security/roles';
import type { FieldPolicy, FieldRule } from '../../lib/security/fieldPolicy';
import type { CountryContext } from './context';

const servedMember = (_args: unknown, context: CountryContext) => context.member;

const ownMinistryWrites = (action: string): FieldRule<unknown, CountryContext> => ({
  action,
  allowed: (identity, _args, context) => canWriteMember(identity, context.member),
  country: servedMember,
});

const ownMinistryOrProcurementReads = (action: string): FieldRule<unknown, CountryContext> => ({
  action,
  allowed: (identity, _args, context) => canReadBudget(identity, context.member),
  country: servedMember,
});
const budgetReaders = ownMinistryOrProcurementReads('read the budget');

export const COUNTRY_POLICY: FieldPolicy<CountryContext> = {
  'Mutation.recordHolding': ownMinistryWrites('record a holding'),
  'Mutation.updateHolding': ownMinistryWrites('change a holding'),
  'Mutation.deleteHolding': ownMinistryWrites('delete a holding'),
  'Mutation.createRequirement': ownMinistryWrites('create a requirement'),
  'Mutation.updateRequirement': ownMinistryWrites('change a requirement'),
  'Mutation.setBudget': ownMinistryWrites('set the budget'),
  'Mutation.setMinistry': ownMinistryWrites('change the ministry record'),
  'Query.budget': budgetReaders,
  'Query.budgets': budgetReaders,
  'Country.budget': budgetReaders,
  'Country.budgets': budgetReaders,
  'Query.auditEntries': ownMinistryOrProcurementReads('read the audit trail'),
};
