/**
 * Every rule of the joint order, broken on purpose over HTTP: the error names
 * the rule in extensions.code (and the member or field where it applies), and
 * the database is exactly as it was before the request.
 */
import { databaseSnapshot, firstError, startTestProcurement, TestProcurement } from './procurementTestkit';
import {
  addLine,
  allocate,
  approvedOrder,
  createOrder,
  decide,
  draftOrder,
  NSN,
  place,
  placedOrder,
  RECORD_APPROVAL,
  RECORD_DELIVERY,
  SCHEDULE_DELIVERY,
  scheduleDelivery,
  submit,
} from './orderSteps';

interface RuleCase {
  rule: string;
  /** Builds the state and returns the operation's variables. */
  given: (p: TestProcurement) => Promise<Record<string, unknown>>;
  operation: string;
  expected: { code: string; country?: string; field?: string };
  /** The day the operation is sent on (default 2026-05-04). */
  today?: string;
}

const ALLOCATE = `mutation($c: ID!, $l: ID!, $q: Int!) { allocate(country: $c, lineId: $l, quantity: $q) { id } }`;
const ADD_LINE = `mutation($c: ID!, $o: ID!, $n: ID!) { addOrderLine(country: $c, orderId: $o, nsn: $n) { id } }`;
const UPDATE_ALLOCATION = `mutation($c: ID!, $a: ID!, $q: Int) { updateAllocation(country: $c, allocationId: $a, quantity: $q) { id } }`;
const ORDER_ACTION = (name: string) => `mutation($c: ID!, $o: ID!) { ${name}(country: $c, orderId: $o) { id } }`;
const CREATE_ORDER = `mutation($c: ID!, $input: CreateJointOrderInput!) { createJointOrder(country: $c, input: $input) { id } }`;
const orderInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Javelin follow-on buy',
  supplier: 'Javelin Joint Venture (Raytheon/Lockheed Martin)',
  caseReference: 'AL-B-NEW',
  model: 'COORDINATED_NATIONAL',
  offerExpiresOn: '2026-12-31',
  participants: ['XK'],
  ...overrides,
});

const CASES: RuleCase[] = [
  // Membership
  {
    rule: 'an invited country cannot open an order',
    given: async () => ({ c: 'BG', input: orderInput() }),
    operation: CREATE_ORDER,
    expected: { code: 'MEMBER_NOT_ADMITTED', country: 'BG', field: 'country' },
  },
  {
    rule: 'an invited country cannot be made a participant',
    given: async () => ({ c: 'AL', input: orderInput({ participants: ['BG'] }) }),
    operation: CREATE_ORDER,
    expected: { code: 'MEMBER_NOT_ADMITTED', country: 'BG', field: 'participants' },
  },
  {
    rule: 'an unknown country cannot act',
    given: async () => ({ c: 'FR', input: orderInput() }),
    operation: CREATE_ORDER,
    expected: { code: 'UNKNOWN_MEMBER', country: 'FR', field: 'country' },
  },
  {
    rule: 'a case reference is used by one order only',
    given: async (p) => {
      await createOrder(p, { caseReference: 'AL-B-DUP' });
      return { c: 'AL', input: orderInput({ caseReference: 'AL-B-DUP' }) };
    },
    operation: CREATE_ORDER,
    expected: { code: 'CASE_REFERENCE_TAKEN', field: 'caseReference' },
  },
  {
    rule: 'the lead nation must take part in a LEAD_NATION order',
    given: async () => ({ c: 'AL', input: orderInput({ model: 'LEAD_NATION', leadNation: 'HR' }) }),
    operation: CREATE_ORDER,
    expected: { code: 'BAD_USER_INPUT', field: 'leadNation' },
  },
  {
    rule: 'an offer already expired cannot start an order',
    given: async () => ({ c: 'AL', input: orderInput({ offerExpiresOn: '2026-05-03' }) }),
    operation: CREATE_ORDER,
    expected: { code: 'BAD_USER_INPUT', field: 'offerExpiresOn' },
  },
  {
    rule: 'a case reference follows the FMS designator format',
    given: async () => ({ c: 'AL', input: orderInput({ caseReference: 'Albania 7' }) }),
    operation: CREATE_ORDER,
    expected: { code: 'BAD_USER_INPUT', field: 'caseReference' },
  },
  {
    rule: 'the supplier must be in the catalogue',
    given: async () => ({ c: 'AL', input: orderInput({ supplier: 'Acme Arms' }) }),
    operation: CREATE_ORDER,
    expected: { code: 'BAD_USER_INPUT', field: 'supplier' },
  },
  {
    rule: 'a member joins an order only once',
    given: async (p) => ({ c: 'AL', o: (await draftOrder(p)).orderId }),
    operation: ORDER_ACTION('joinJointOrder'),
    expected: { code: 'ALREADY_A_PARTICIPANT', country: 'AL' },
  },

  // Lines and allocations: DRAFT only, participants only, own allocations only
  {
    rule: 'lines are added only while DRAFT',
    given: async (p) => {
      const { orderId } = await draftOrder(p);
      await submit(p, orderId);
      return { c: 'XK', o: orderId, n: NSN.launchUnit };
    },
    operation: ADD_LINE,
    expected: { code: 'ORDER_NOT_DRAFT' },
  },
  {
    rule: 'allocations are made only while DRAFT',
    given: async (p) => {
      const { orderId } = await draftOrder(p);
      const lineId = await addLine(p, orderId, NSN.launchUnit);
      await allocate(p, lineId, 'XK', 2);
      await submit(p, orderId);
      return { c: 'AL', l: lineId, q: 5 };
    },
    operation: ALLOCATE,
    expected: { code: 'ORDER_NOT_DRAFT' },
  },
  {
    rule: 'allocations change only while DRAFT',
    given: async (p) => {
      const { allocations } = await approvedOrder(p);
      return { c: 'AL', a: allocations.AL, q: 60 };
    },
    operation: UPDATE_ALLOCATION,
    expected: { code: 'ORDER_NOT_DRAFT' },
  },
  {
    rule: 'a member that does not take part cannot allocate',
    given: async (p) => ({ c: 'HR', l: (await draftOrder(p)).lineId, q: 10 }),
    operation: ALLOCATE,
    expected: { code: 'NOT_A_PARTICIPANT', country: 'HR' },
  },
  {
    rule: "a member cannot change another member's allocation",
    given: async (p) => ({ c: 'AL', a: (await draftOrder(p)).allocations.XK, q: 1 }),
    operation: UPDATE_ALLOCATION,
    expected: { code: 'NOT_YOUR_ALLOCATION', country: 'AL' },
  },
  {
    rule: "a member cannot remove another member's allocation",
    given: async (p) => ({ c: 'XK', a: (await draftOrder(p)).allocations.AL }),
    operation: `mutation($c: ID!, $a: ID!) { removeAllocation(country: $c, allocationId: $a) { id } }`,
    expected: { code: 'NOT_YOUR_ALLOCATION', country: 'XK' },
  },
  {
    rule: 'a member allocates once per line (then updates)',
    given: async (p) => ({ c: 'XK', l: (await draftOrder(p)).lineId, q: 5 }),
    operation: ALLOCATE,
    expected: { code: 'ALLOCATION_EXISTS', country: 'XK' },
  },
  {
    rule: 'a quantity is a positive whole number',
    given: async (p) => ({ c: 'XK', a: (await draftOrder(p)).allocations.XK, q: 0 }),
    operation: UPDATE_ALLOCATION,
    expected: { code: 'BAD_USER_INPUT', field: 'quantity' },
  },
  {
    rule: 'a line stays while other members still take from it',
    given: async (p) => ({ c: 'XK', l: (await draftOrder(p)).lineId }),
    operation: `mutation($c: ID!, $l: ID!) { removeOrderLine(country: $c, lineId: $l) { id } }`,
    expected: { code: 'LINE_HAS_OTHER_ALLOCATIONS', country: 'XK' },
  },
  {
    rule: 'one line per catalogue item',
    given: async (p) => ({ c: 'AL', o: (await draftOrder(p)).orderId, n: NSN.javelin }),
    operation: ADD_LINE,
    expected: { code: 'LINE_EXISTS', country: 'AL', field: 'nsn' },
  },
  {
    rule: "every line comes from the order's supplier",
    given: async (p) => ({ c: 'XK', o: (await draftOrder(p)).orderId, n: NSN.carbine }),
    operation: ADD_LINE,
    expected: { code: 'SUPPLIER_MISMATCH', country: 'XK', field: 'nsn' },
  },
  {
    rule: 'one currency per order: an item priced in EUR cannot join a USD order',
    given: async (p) => {
      // A supplier quoting in euros (entered straight into the catalogue: there is no catalogue mutation).
      await p.service.dataSource.query(
        "INSERT INTO catalog_item (nsn, name, category, supplier, standard, currency) VALUES ('1410-99-000-0001', 'Javelin training round', 'ANTI_ARMOUR', 'Javelin Joint Venture (Raytheon/Lockheed Martin)', 'STANAG 4569', 'EUR')",
      );
      await p.service.dataSource.query(
        "INSERT INTO price_version (nsn, version, effective_from, tiers, changed_at, changed_by, reason) VALUES ('1410-99-000-0001', 1, '1970-01-01', '[{\"minQuantity\":1,\"unitPriceMinor\":\"1500000\",\"leadTimeDays\":200}]', '2026-05-01 09:00:00', 'catalogue', 'Test item')",
      );
      return { c: 'XK', o: (await draftOrder(p)).orderId, n: '1410-99-000-0001' };
    },
    operation: ADD_LINE,
    expected: { code: 'CURRENCY_MISMATCH', country: 'XK', field: 'nsn' },
  },

  // Approval
  {
    rule: 'an order without lines cannot be submitted',
    given: async (p) => ({ c: 'XK', o: (await createOrder(p)).id }),
    operation: ORDER_ACTION('submitForApproval'),
    expected: { code: 'ORDER_EMPTY' },
  },
  {
    rule: 'a line nobody takes blocks submission',
    given: async (p) => {
      const { orderId } = await draftOrder(p);
      await addLine(p, orderId, NSN.launchUnit);
      return { c: 'XK', o: orderId };
    },
    operation: ORDER_ACTION('submitForApproval'),
    expected: { code: 'ORDER_EMPTY' },
  },
  {
    rule: 'decisions are recorded only while IN_APPROVAL',
    given: async (p) => ({ c: 'AL', o: (await draftOrder(p)).orderId, d: 'APPROVED', by: 'Minister' }),
    operation: RECORD_APPROVAL,
    expected: { code: 'ORDER_NOT_IN_APPROVAL' },
  },
  {
    rule: 'a member records only its own decision: a non-participant cannot decide',
    given: async (p) => {
      const { orderId } = await draftOrder(p);
      await submit(p, orderId);
      return { c: 'HR', o: orderId, d: 'APPROVED', by: 'Minister' };
    },
    operation: RECORD_APPROVAL,
    expected: { code: 'NOT_A_PARTICIPANT', country: 'HR' },
  },
  {
    rule: 'a rejection must give its reason',
    given: async (p) => {
      const { orderId } = await draftOrder(p);
      await submit(p, orderId);
      return { c: 'AL', o: orderId, d: 'REJECTED', by: 'Minister' };
    },
    operation: RECORD_APPROVAL,
    expected: { code: 'BAD_USER_INPUT', field: 'comment' },
  },
  {
    rule: 'a decision on an earlier version is refused',
    given: async (p) => {
      const { orderId, allocations } = await draftOrder(p);
      await submit(p, orderId);
      await decide(p, orderId, 'AL', 'REJECTED', 'Too many');
      await p.query(UPDATE_ALLOCATION, { c: 'AL', a: allocations.AL, q: 45 });
      await submit(p, orderId);
      return { c: 'XK', o: orderId, d: 'APPROVED', by: 'Minister', v: 1 };
    },
    operation: RECORD_APPROVAL,
    expected: { code: 'STALE_VERSION', country: 'XK' },
  },
  {
    rule: 'only an order IN_APPROVAL or APPROVED can be reopened',
    given: async (p) => ({ c: 'XK', o: (await draftOrder(p)).orderId }),
    operation: ORDER_ACTION('reopenJointOrder'),
    expected: { code: 'ORDER_NOT_REOPENABLE' },
  },

  // Placement
  {
    rule: 'only an APPROVED order is placed',
    given: async (p) => {
      const { orderId } = await draftOrder(p);
      await submit(p, orderId);
      await decide(p, orderId, 'XK', 'APPROVED');
      return { c: 'XK', o: orderId };
    },
    operation: ORDER_ACTION('placeOrder'),
    expected: { code: 'ORDER_NOT_APPROVED' },
  },
  {
    rule: 'an order is placed only on or before offerExpiresOn',
    given: async (p) => ({ c: 'XK', o: (await approvedOrder(p, { offerExpiresOn: '2026-06-30' })).orderId }),
    operation: ORDER_ACTION('placeOrder'),
    today: '2026-07-01',
    expected: { code: 'OFFER_EXPIRED' },
  },
  {
    rule: 'under LEAD_NATION only the lead nation places the order',
    given: async (p) => ({ c: 'XK', o: (await approvedOrder(p, { model: 'LEAD_NATION', leadNation: 'AL' })).orderId }),
    operation: ORDER_ACTION('placeOrder'),
    expected: { code: 'NOT_LEAD_NATION', country: 'XK' },
  },
  {
    rule: 'a placed order cannot be cancelled',
    given: async (p) => ({ c: 'XK', o: (await placedOrder(p)).orderId, r: 'Changed our mind' }),
    operation: `mutation($c: ID!, $o: ID!, $r: String!) { cancelOrder(country: $c, orderId: $o, reason: $r) { id } }`,
    expected: { code: 'ORDER_NOT_CANCELLABLE' },
  },

  // Deliveries
  {
    rule: 'deliveries are scheduled only for a placed order',
    given: async (p) => ({ c: 'XK', l: (await approvedOrder(p)).lineId, q: 10, d: '2026-09-01' }),
    operation: SCHEDULE_DELIVERY,
    expected: { code: 'ORDER_NOT_PLACED' },
  },
  {
    rule: 'a delivery never exceeds what the member was allocated',
    given: async (p) => {
      const { lineId } = await placedOrder(p);
      await scheduleDelivery(p, lineId, 'AL', 30, '2026-09-01');
      return { c: 'AL', l: lineId, q: 21, d: '2026-10-01' };
    },
    operation: SCHEDULE_DELIVERY,
    expected: { code: 'DELIVERY_EXCEEDS_ALLOCATION', country: 'AL' },
  },
  {
    rule: 'a member without an allocation on the line gets no delivery',
    given: async (p) => {
      const { orderId, lineId } = await draftOrder(p, { participants: ['AL', 'HR'] });
      await submit(p, orderId);
      for (const country of ['XK', 'AL', 'HR']) await decide(p, orderId, country, 'APPROVED');
      await place(p, orderId);
      return { c: 'HR', l: lineId, q: 1, d: '2026-09-01' };
    },
    operation: SCHEDULE_DELIVERY,
    expected: { code: 'NO_ALLOCATION', country: 'HR' },
  },
  {
    rule: 'only the receiving member records its delivery',
    given: async (p) => {
      const { lineId } = await placedOrder(p);
      return { c: 'XK', id: await scheduleDelivery(p, lineId, 'AL', 50, '2026-05-04'), on: '2026-05-04' };
    },
    operation: RECORD_DELIVERY,
    expected: { code: 'NOT_YOUR_DELIVERY', country: 'XK' },
  },
  {
    rule: 'a delivery is recorded once',
    given: async (p) => {
      const { lineId } = await placedOrder(p);
      const id = await scheduleDelivery(p, lineId, 'AL', 20, '2026-05-04');
      await p.query(RECORD_DELIVERY, { c: 'AL', id, on: '2026-05-04' });
      return { c: 'AL', id, on: '2026-05-04' };
    },
    operation: RECORD_DELIVERY,
    expected: { code: 'ALREADY_DELIVERED', country: 'AL' },
  },
  {
    rule: 'a delivery is not recorded before it happens',
    given: async (p) => {
      const { lineId } = await placedOrder(p);
      return { c: 'AL', id: await scheduleDelivery(p, lineId, 'AL', 50, '2026-06-01'), on: '2026-05-05' };
    },
    operation: RECORD_DELIVERY,
    expected: { code: 'BAD_USER_INPUT', field: 'deliveredOn' },
  },
  {
    rule: 'more cannot arrive than a delivery was scheduled for',
    given: async (p) => {
      const { lineId } = await placedOrder(p);
      return { c: 'AL', id: await scheduleDelivery(p, lineId, 'AL', 20, '2026-05-04'), on: '2026-05-04', q: 21 };
    },
    operation: RECORD_DELIVERY,
    expected: { code: 'BAD_USER_INPUT', field: 'quantity' },
  },

  // Addressing
  {
    rule: 'an unknown order is NOT_FOUND',
    given: async () => ({ c: 'XK', o: '999999' }),
    operation: ORDER_ACTION('submitForApproval'),
    expected: { code: 'NOT_FOUND' },
  },
  {
    rule: 'an id that is not one is bad input naming the field',
    given: async () => ({ c: 'XK', o: 'order-1' }),
    operation: ORDER_ACTION('placeOrder'),
    expected: { code: 'BAD_USER_INPUT', field: 'orderId' },
  },
];

describe('the rules of a joint order: each break names its rule and changes nothing', () => {
  let p: TestProcurement;
  beforeAll(async () => {
    p = await startTestProcurement('rules', { today: '2026-05-04' });
  });
  afterAll(async () => p?.stop());

  it.each(CASES)('$rule', async ({ given, operation, expected, today }) => {
    p.setToday('2026-05-04');
    const variables = await given(p);
    if (today) p.setToday(today);
    const before = await databaseSnapshot(p.service.dataSource);
    const error = firstError(await p.request(operation, variables));
    expect({ code: error.code, country: error.extensions.country, field: error.extensions.field }).toEqual({
      code: expected.code,
      country: expected.country,
      field: expected.field,
    });
    expect(error.message).not.toMatch(/internal/i);
    expect(await databaseSnapshot(p.service.dataSource)).toBe(before);
  });
});
