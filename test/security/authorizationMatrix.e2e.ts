/**
 * Every mutation of both subgraphs × every kind of caller, through the real
 * gateway to the real subgraphs: allowed or refused exactly as
 * services/country/authorization.ts and services/procurement/authorization.ts
 * say, and a refusal writes nothing (both databases compared before/after).
 *
 * Each operation acts for member XK: "own ministry" is ministry:XK, "other
 * ministry" ministry:AL. An allowed procurement operation may still fail a
 * business rule (it names an order that does not exist): what matters here is
 * that it got past authorization (no FORBIDDEN / UNAUTHENTICATED). Allowed
 * country writes succeed outright.
 */
import type { Role } from '../../lib/security/roles';
import { snapshotDatabase } from '../../services/country/test/memberServer';
import { databaseSnapshot } from '../../services/procurement/test/procurementTestkit';
import { ITEM } from '../../lib/reference/items';
import { Caller, Federation, startFederation } from '../testkit/federation';

type CallerName = 'procurement' | 'analyst' | 'own ministry' | 'other ministry' | 'no token';
const CALLERS: Record<CallerName, Caller> = {
  procurement: 'procurement',
  analyst: 'analyst',
  'own ministry': 'ministry:XK' as Role,
  'other ministry': 'ministry:AL' as Role,
  'no token': 'anonymous',
};

interface Row {
  mutation: string;
  /** The operation (acting for XK) and its variables. */
  operation: string;
  variables?: Record<string, unknown>;
  allowed: CallerName[];
  /** extensions.country of a refusal. Default XK; null for a mutation acting for no member. */
  country?: string | null;
}

const OFFICE: CallerName[] = ['procurement'];
const OWN: CallerName[] = ['own ministry'];
const OWN_OR_OFFICE: CallerName[] = ['own ministry', 'procurement'];

// Country subgraph (routed to XK's own service). Ids are filled in from XK's seeded records.
const countryRows = (holdingId: string, requirementId: string, deletableHoldingId: string): Row[] => [
  {
    mutation: 'recordHolding',
    operation: 'mutation($i: RecordHoldingInput!) { recordHolding(country: "XK", input: $i) { id } }',
    variables: { i: { nsn: ITEM.M4A1, quantity: 2, unit: 'Matrix test unit', status: 'RESERVE' } },
    allowed: OWN,
  },
  { mutation: 'updateHolding', operation: `mutation { updateHolding(country: "XK", id: "${holdingId}", input: { quantity: 7 }) { id } }`, allowed: OWN },
  { mutation: 'deleteHolding', operation: `mutation { deleteHolding(country: "XK", id: "${deletableHoldingId}") { id } }`, allowed: OWN },
  {
    mutation: 'createRequirement',
    operation: 'mutation($i: CreateRequirementInput!) { createRequirement(country: "XK", input: $i) { id } }',
    variables: { i: { nsn: ITEM.M4A1, quantity: 5, priority: 'HIGH', neededBy: '2027-06-30' } },
    allowed: OWN,
  },
  { mutation: 'updateRequirement', operation: `mutation { updateRequirement(country: "XK", id: "${requirementId}", input: { quantity: 9 }) { id } }`, allowed: OWN },
  {
    mutation: 'setBudget',
    operation: 'mutation { setBudget(country: "XK", input: { year: 2031, defenceTotal: "1000000.00", procurement: "250000.00", currency: "EUR" }) { year } }',
    allowed: OWN,
  },
  { mutation: 'setMinistry', operation: 'mutation { setMinistry(country: "XK", input: { name: "Ministry of Defence", minister: "Matrix Test", headquarters: "Pristina" }) { name } }', allowed: OWN },
];

// Procurement subgraph. "404" ids: an allowed call reaches the business rules and is refused there (not found).
const procurementRows: Row[] = [
  { mutation: 'admitMember', operation: 'mutation { admitMember(code: "MK", name: "North Macedonia", natoRelation: MEMBER) { code } }', allowed: OFFICE, country: 'MK' },
  { mutation: 'inviteMember', operation: 'mutation { inviteMember(code: "ME", name: "Montenegro", natoRelation: MEMBER) { code } }', allowed: OFFICE, country: 'ME' },
  {
    mutation: 'createJointOrder',
    operation: 'mutation($i: CreateJointOrderInput!) { createJointOrder(country: "XK", input: $i) { id } }',
    variables: { i: { title: 'Matrix test order', supplier: 'Nobody', caseReference: 'MATRIX-1', model: 'COORDINATED_NATIONAL', offerExpiresOn: '2027-12-31' } },
    allowed: OFFICE,
  },
  { mutation: 'joinJointOrder', operation: 'mutation { joinJointOrder(country: "XK", orderId: "404") { id } }', allowed: OWN_OR_OFFICE },
  { mutation: 'addOrderLine', operation: `mutation { addOrderLine(country: "XK", orderId: "404", nsn: "${ITEM.M4A1}") { id } }`, allowed: OFFICE },
  { mutation: 'removeOrderLine', operation: 'mutation { removeOrderLine(country: "XK", lineId: "404") { id } }', allowed: OFFICE },
  { mutation: 'allocate', operation: 'mutation { allocate(country: "XK", lineId: "404", quantity: 1) { id } }', allowed: OWN },
  { mutation: 'updateAllocation', operation: 'mutation { updateAllocation(country: "XK", allocationId: "404", quantity: 2) { id } }', allowed: OWN },
  { mutation: 'removeAllocation', operation: 'mutation { removeAllocation(country: "XK", allocationId: "404") { id } }', allowed: OWN },
  { mutation: 'submitForApproval', operation: 'mutation { submitForApproval(country: "XK", orderId: "404") { id } }', allowed: OFFICE },
  { mutation: 'recordApproval', operation: 'mutation { recordApproval(country: "XK", orderId: "404", decision: APPROVED, decidedBy: "Matrix") { decision } }', allowed: OWN },
  { mutation: 'reopenJointOrder', operation: 'mutation { reopenJointOrder(country: "XK", orderId: "404") { id } }', allowed: OFFICE },
  { mutation: 'placeOrder', operation: 'mutation { placeOrder(country: "XK", orderId: "404") { id } }', allowed: OFFICE },
  { mutation: 'cancelOrder', operation: 'mutation { cancelOrder(country: "XK", orderId: "404", reason: "Matrix") { id } }', allowed: OFFICE },
  { mutation: 'scheduleDelivery', operation: 'mutation { scheduleDelivery(country: "XK", lineId: "404", quantity: 1, plannedDate: "2027-01-15") { id } }', allowed: OFFICE },
  { mutation: 'updateDeliveryStatus', operation: 'mutation { updateDeliveryStatus(country: "XK", deliveryId: "404", status: IN_TRANSIT) { id } }', allowed: OFFICE },
  { mutation: 'recordDelivery', operation: 'mutation { recordDelivery(country: "XK", deliveryId: "404", deliveredOn: "2027-01-20") { id } }', allowed: OWN_OR_OFFICE },
  {
    mutation: 'createImplementationPlan',
    operation: 'mutation { createImplementationPlan(country: "XK", input: { title: "Matrix plan", summary: "Matrix", orderIds: ["404"] }) { id } }',
    allowed: OFFICE,
  },
  { mutation: 'reviseImplementationPlan', operation: 'mutation { reviseImplementationPlan(country: "XK", planId: "404", summary: "Matrix") { id } }', allowed: OFFICE },
  { mutation: 'recordPlanDecision', operation: 'mutation { recordPlanDecision(country: "XK", planId: "404", decision: APPROVED, decidedBy: "Matrix") { decision } }', allowed: OWN },
  { mutation: 'requestCase', operation: 'mutation { requestCase(country: "XK", orderId: "404", requestReference: "LOR/1", requestedBy: "Matrix") { id } }', allowed: OWN_OR_OFFICE },
  { mutation: 'offerCase', operation: 'mutation { offerCase(country: "XK", caseId: "404", expiresOn: "2099-01-31", description: "Matrix") { id } }', allowed: OFFICE },
  { mutation: 'reofferCase', operation: 'mutation { reofferCase(country: "XK", caseId: "404", expiresOn: "2099-01-31", description: "Matrix") { id } }', allowed: OFFICE },
  { mutation: 'recordCaseDecision', operation: 'mutation { recordCaseDecision(country: "XK", caseId: "404", decision: APPROVED, decidedBy: "Matrix") { version } }', allowed: OWN },
  { mutation: 'implementCase', operation: 'mutation { implementCase(country: "XK", caseId: "404") { id } }', allowed: OFFICE },
  { mutation: 'amendCase', operation: 'mutation { amendCase(country: "XK", caseId: "404", description: "Matrix", estimate: "1.00", expiresOn: "2099-01-31") { version } }', allowed: OFFICE },
  { mutation: 'modifyCase', operation: 'mutation { modifyCase(country: "XK", caseId: "404", description: "Matrix", estimate: "1.00") { version } }', allowed: OFFICE },
  { mutation: 'closeCase', operation: 'mutation { closeCase(country: "XK", caseId: "404") { id } }', allowed: OFFICE },
  { mutation: 'setCasePaymentSchedule', operation: 'mutation { setCasePaymentSchedule(country: "XK", caseId: "404", payments: []) { id } }', allowed: OFFICE },
  { mutation: 'recordCasePayment', operation: 'mutation { recordCasePayment(country: "XK", paymentId: "404", paidOn: "2026-01-15") { id } }', allowed: OWN_OR_OFFICE },
  {
    mutation: 'recordExchangeRate',
    operation: 'mutation { recordExchangeRate(currency: "USD", rateDate: "2024-12-31", unitsPerEuro: "1.0389", source: "Matrix") { currency } }',
    allowed: OFFICE,
    country: null,
  },
  {
    mutation: 'shareRequirements',
    operation: 'mutation($r: [SharedRequirementInput!]!) { shareRequirements(country: "XK", requirements: $r) { id } }',
    variables: { r: [{ id: '404', reference: 'MATRIX-1', nsn: '0000-00-000-0000', quantity: 1, neededBy: '2027-06-30', status: 'SUBMITTED' }] },
    allowed: OWN,
  },
  {
    mutation: 'createPooledOrder',
    operation: 'mutation($i: PooledOrderInput!) { createPooledOrder(country: "XK", input: $i) { id } }',
    variables: { i: { nsn: ITEM.M4A1, caseReference: 'XK-B-MTX', offerExpiresOn: '2027-12-31' } },
    allowed: OFFICE,
  },
  {
    mutation: 'changePriceTiers',
    operation: 'mutation($t: [PriceTierInput!]!) { changePriceTiers(nsn: "0000-00-000-0000", effectiveFrom: "2099-01-01", tiers: $t, reason: "Matrix") { nsn } }',
    variables: { t: [{ minQuantity: 1, unitPrice: '1.00', leadTimeDays: 1 }] },
    allowed: OFFICE,
    country: null,
  },
];

let federation: Federation;
let rows: Row[];

beforeAll(async () => {
  federation = await startFederation({ members: ['XK', 'AL'] });
  const { data } = await federation.query('{ holdings(country: "XK") { id } requirements(country: "XK") { id } }');
  rows = [...countryRows(data.holdings[0].id, data.requirements[0].id, data.holdings[1].id), ...procurementRows];
}, 240_000);
afterAll(() => federation?.stop());

/** Both databases the operations could touch, as text. */
const databases = async () => JSON.stringify([await databaseSnapshot(federation.procurement.service.dataSource), await snapshotDatabase(federation.members.XK.service.dataSource)]);

const REFUSAL_CODES = ['FORBIDDEN', 'UNAUTHENTICATED'];

it('has a row for every mutation of both subgraphs', async () => {
  const { data } = await federation.query('{ __schema { mutationType { fields { name } } } }');
  const inSchema = data.__schema.mutationType.fields.map((f: { name: string }) => f.name).sort();
  expect(rows.map((r) => r.mutation).sort()).toEqual(inSchema);
});

describe.each(Object.keys(CALLERS) as CallerName[])('as %s', (callerName) => {
  it('runs exactly the mutations the policy allows it, and a refused one writes nothing', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const row of rows) {
      const allowed = row.allowed.includes(callerName);
      expected.push(`${row.mutation}: ${allowed ? 'allowed' : 'refused'}`);
      const before = allowed ? undefined : await databases();
      const answer = await federation.query(row.operation, row.variables, { as: CALLERS[callerName] });
      const refusal = answer.errors?.find((e) => REFUSAL_CODES.includes(e.extensions?.code));
      if (!refusal) {
        outcomes.push(`${row.mutation}: allowed`);
        continue;
      }
      outcomes.push(`${row.mutation}: refused`);
      if (callerName === 'no token') {
        expect([answer.status, refusal.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
      } else {
        expect({ mutation: row.mutation, code: refusal.extensions?.code, country: refusal.extensions?.country }).toEqual({ mutation: row.mutation, code: 'FORBIDDEN', country: row.country === null ? undefined : (row.country ?? 'XK') });
        expect(answer.data?.[row.mutation] ?? null).toBeNull();
      }
      expect(await databases()).toBe(before);
    }
    expect(outcomes).toEqual(expected);
  });
});

it('lets the own ministry write its country records for real', async () => {
  const { data, errors } = await federation.query('mutation { setMinistry(country: "XK", input: { name: "MoD Kosovo", minister: "Own Ministry", headquarters: "Pristina" }) { minister } }', undefined, {
    as: 'ministry:XK',
  });
  expect(errors).toBeUndefined();
  expect(data.setMinistry.minister).toBe('Own Ministry');
});
