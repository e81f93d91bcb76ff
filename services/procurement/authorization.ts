/**
 * Who may do what in the procurement subgraph (lib/security/fieldPolicy.ts
 * enforces it; lib/security/roles.ts defines the predicates). Every mutation
 * names the member it acts for (`country`); the process it models:
 *
 * - the joint procurement office (`procurement`) runs the orders: creates
 *   them, adds and removes lines, submits, reopens, places and cancels them,
 *   schedules shipments and moves their status, drafts and revises
 *   implementation plans, admits and invites members;
 * - a member's quantities commit its own budget, so allocate /
 *   updateAllocation / removeAllocation are its own ministry's alone;
 * - joining an order is the member's decision, which the office may also
 *   record on its behalf (`ministry:<member>` or `procurement`);
 * - an approval or a plan decision is the member's own ministry's alone —
 *   `ministry:XK` records XK's decision and nobody else's, not even the
 *   procurement office;
 * - a delivery is recorded by the receiving ministry (it counts what
 *   arrived) or by the office (from the supplier's proof of delivery);
 * - a case is its purchaser's: its ministry (or the office) sends the letter
 *   of request and records payments, only its ministry signs or declines
 *   offers and amendments, the office offers, implements, changes and closes;
 * - everything else is read by any role.
 */
import type { FieldPolicy, FieldRule } from '../../lib/security/fieldPolicy';
import { canAdmitMembers, canRecordApproval, canRunOrders, canWriteMember, type Identity } from '../../lib/security/roles';
import type { ProcurementContext } from './context';

type ActingArgs = { country?: string; code?: string };
type Allowed = (identity: Identity, member: string) => boolean;

/** A rule on the member a mutation acts for (its `country`, or `code` when admitting). */
const forMember = (action: string, allowed: Allowed): FieldRule<ActingArgs, ProcurementContext> => ({
  action,
  allowed: (identity, args) => allowed(identity, String(args.country ?? args.code)),
  country: (args) => args.country ?? args.code,
});

const office: Allowed = (identity) => canRunOrders(identity);
const ownMinistry: Allowed = (identity, member) => canWriteMember(identity, member);
const ownMinistryOrOffice: Allowed = (identity, member) => canWriteMember(identity, member) || canRunOrders(identity);
const ownDecision: Allowed = (identity, member) => canRecordApproval(identity, member);

export const PROCUREMENT_POLICY: FieldPolicy<ProcurementContext> = {
  'Mutation.admitMember': forMember('admit a member', (identity) => canAdmitMembers(identity)),
  'Mutation.inviteMember': forMember('invite a member', (identity) => canAdmitMembers(identity)),
  'Mutation.createJointOrder': forMember('create a joint order', office),
  'Mutation.joinJointOrder': forMember('join a joint order', ownMinistryOrOffice),
  'Mutation.addOrderLine': forMember('add an order line', office),
  'Mutation.removeOrderLine': forMember('remove an order line', office),
  'Mutation.allocate': forMember('allocate a quantity', ownMinistry),
  'Mutation.updateAllocation': forMember('change an allocation', ownMinistry),
  'Mutation.removeAllocation': forMember('remove an allocation', ownMinistry),
  'Mutation.submitForApproval': forMember('submit an order for approval', office),
  'Mutation.recordApproval': forMember('record an approval', ownDecision),
  'Mutation.reopenJointOrder': forMember('reopen an order', office),
  'Mutation.placeOrder': forMember('place an order', office),
  'Mutation.cancelOrder': forMember('cancel an order', office),
  'Mutation.scheduleDelivery': forMember('schedule a delivery', office),
  'Mutation.updateDeliveryStatus': forMember('change a delivery status', office),
  'Mutation.recordDelivery': forMember('record a delivery', ownMinistryOrOffice),
  'Mutation.createImplementationPlan': forMember('create an implementation plan', office),
  'Mutation.reviseImplementationPlan': forMember('revise an implementation plan', office),
  'Mutation.recordPlanDecision': forMember('record a plan decision', ownDecision),
  // A case is its purchaser's: it sends the letter of request and signs; the office offers, implements, changes and closes it.
  'Mutation.requestCase': forMember('request a case', ownMinistryOrOffice),
  'Mutation.offerCase': forMember('offer a case', office),
  'Mutation.reofferCase': forMember('re-offer a case', office),
  'Mutation.recordCaseDecision': forMember('sign or decline a case version', ownDecision),
  'Mutation.implementCase': forMember('implement a case', office),
  'Mutation.amendCase': forMember('amend a case', office),
  'Mutation.modifyCase': forMember('modify a case', office),
  'Mutation.closeCase': forMember('close a case', office),
  'Mutation.setCasePaymentSchedule': forMember('set a payment schedule', office),
  'Mutation.recordCasePayment': forMember('record a case payment', ownMinistryOrOffice),
  // Reference rates are the office's data, for everyone to read.
  'Mutation.recordExchangeRate': { action: 'record an exchange rate', allowed: (identity) => canRunOrders(identity) },
  // What a ministry needs is its own to state.
  'Mutation.shareRequirements': forMember('share requirements', ownMinistry),
  // The office proposes the pooled order; each member's allocation is exactly what its ministry shared, and stays its own to change in DRAFT and to approve.
  'Mutation.createPooledOrder': forMember('create an order from a pooling candidate', office),
  // The catalogue is the office's: a price change acts for no member.
  'Mutation.changePriceTiers': { action: 'change price tiers', allowed: (identity) => canRunOrders(identity) },
};
