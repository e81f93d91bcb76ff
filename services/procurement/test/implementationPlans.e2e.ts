import { databaseSnapshot, firstError, startTestProcurement, TestProcurement } from './procurementTestkit';
import { addLine, allocate, createOrder, draftOrder } from './orderSteps';

const CREATE_PLAN = `mutation($c: ID!, $input: CreateImplementationPlanInput!) { createImplementationPlan(country: $c, input: $input) { id reference version } }`;
const DECIDE = `mutation($c: ID!, $plan: ID!, $d: Decision!, $comment: String, $v: Int) {
  recordPlanDecision(country: $c, planId: $plan, decision: $d, decidedBy: "Minister of Defence", comment: $comment, version: $v) { decision version country { code } }
}`;
const REVISE = `mutation($c: ID!, $plan: ID!, $summary: String!, $orders: [ID!]) { reviseImplementationPlan(country: $c, planId: $plan, summary: $summary, orderIds: $orders) { version } }`;
const PLANS = `{ implementationPlans { id reference title version summary fullyApproved
  approvers { code } approvedBy { code } awaiting { code } createdBy { code }
  orders { id plan { id } } versions { version summary createdBy { code } } approvals { country { code } decision version comment }
} }`;

describe('implementation plans', () => {
  let p: TestProcurement;
  let planId: string;
  let orders: string[];
  let croatianOrder: string;
  const plan = async () => (await p.query(PLANS)).implementationPlans.find((x: any) => x.id === planId);

  beforeAll(async () => {
    p = await startTestProcurement('plans', { today: '2026-05-04' });
    // XK takes part in both orders; AL in the first, HR in the second.
    const first = (await draftOrder(p)).orderId;
    const second = await createOrder(p, { participants: ['HR'], supplier: 'L3Harris Technologies' });
    await allocate(p, await addLine(p, second.id, '5820-01-668-1427'), 'HR', 120);
    orders = [first, second.id];
    croatianOrder = (await createOrder(p, { country: 'HR', participants: [] })).id;
    await p.query(`mutation { admitMember(code: "SI", name: "Slovenia", natoRelation: MEMBER) { code } }`);
    planId = (await p.query(CREATE_PLAN, { c: 'XK', input: { title: 'Anti-armour and radios 2027', summary: 'Version one.', orderIds: orders } })).createImplementationPlan.id;
  });
  afterAll(async () => p?.stop());

  it('covers orders, and needs the approval of every participant of them', async () => {
    expect(await plan()).toMatchObject({
      reference: 'IP-2026-001',
      version: 1,
      summary: 'Version one.',
      fullyApproved: false,
      approvers: [{ code: 'AL' }, { code: 'HR' }, { code: 'XK' }],
      approvedBy: [],
      awaiting: [{ code: 'AL' }, { code: 'HR' }, { code: 'XK' }],
      createdBy: { code: 'XK' },
      orders: orders.map((id) => ({ id, plan: { id: planId } })),
    });
  });

  it('tells which ministries approved the current version, and when all have', async () => {
    await p.query(DECIDE, { c: 'HR', plan: planId, d: 'APPROVED' });
    await p.query(DECIDE, { c: 'AL', plan: planId, d: 'REJECTED', comment: 'Training schedule missing' });
    expect(await plan()).toMatchObject({ approvedBy: [{ code: 'HR' }], awaiting: [{ code: 'AL' }, { code: 'XK' }] });
    await p.query(DECIDE, { c: 'AL', plan: planId, d: 'APPROVED', comment: 'Schedule received' });
    await p.query(DECIDE, { c: 'XK', plan: planId, d: 'APPROVED', v: 1 });
    expect(await plan()).toMatchObject({ fullyApproved: true, approvedBy: [{ code: 'AL' }, { code: 'HR' }, { code: 'XK' }], awaiting: [] });
  });

  it('starts approvals over on a new version, keeping the old versions and decisions', async () => {
    await p.query(REVISE, { c: 'AL', plan: planId, summary: 'Version two: training at Slunj in the first rotation.' });
    await p.query(DECIDE, { c: 'XK', plan: planId, d: 'APPROVED', v: 2 });
    const revised = await plan();
    expect(revised).toMatchObject({ version: 2, summary: 'Version two: training at Slunj in the first rotation.', fullyApproved: false, approvedBy: [{ code: 'XK' }] });
    expect(revised.versions.map((v: any) => [v.version, v.createdBy.code])).toEqual([
      [1, 'XK'],
      [2, 'AL'],
    ]);
    expect(revised.approvals.map((a: any) => [a.country.code, a.decision, a.version])).toEqual([
      ['HR', 'APPROVED', 1],
      ['AL', 'REJECTED', 1],
      ['AL', 'APPROVED', 1],
      ['XK', 'APPROVED', 1],
      ['XK', 'APPROVED', 2],
    ]);
  });

  it.each([
    ['a country that is no member cannot decide', () => [DECIDE, { c: 'MK', plan: planId, d: 'APPROVED' }], 'UNKNOWN_MEMBER'],
    ['a member of none of the covered orders cannot decide', () => [DECIDE, { c: 'SI', plan: planId, d: 'APPROVED' }], 'NOT_A_PARTICIPANT'],
    ['a decision on an earlier version is refused', () => [DECIDE, { c: 'HR', plan: planId, d: 'APPROVED', v: 1 }], 'STALE_VERSION'],
    ['a rejection gives its reason', () => [DECIDE, { c: 'HR', plan: planId, d: 'REJECTED' }], 'BAD_USER_INPUT'],
    ['an order belongs to one plan only', () => [CREATE_PLAN, { c: 'XK', input: { title: 'Another', summary: 'Again.', orderIds: [orders[0]] } }], 'ORDER_IN_OTHER_PLAN'],
    ['a plan covers only orders its author takes part in', () => [CREATE_PLAN, { c: 'AL', input: { title: 'Croatian kit', summary: 'Not ours.', orderIds: [croatianOrder] } }], 'NOT_A_PARTICIPANT'],
    ['an unknown plan is NOT_FOUND', () => [REVISE, { c: 'XK', plan: '4242', summary: 'x' }], 'NOT_FOUND'],
  ] as [string, () => [string, Record<string, unknown>], string][])('refuses: %s, changing nothing', async (_title, request, code) => {
    const [operation, variables] = request();
    const before = await databaseSnapshot(p.service.dataSource);
    expect(firstError(await p.request(operation, variables)).code).toBe(code);
    expect(await databaseSnapshot(p.service.dataSource)).toBe(before);
  });

  it('can change the orders a new version covers', async () => {
    const third = await createOrder(p, { participants: [], supplier: 'Olin Winchester' });
    await p.query(REVISE, { c: 'XK', plan: planId, summary: 'Version three: ammunition added, radios dropped.', orders: [orders[0], third.id] });
    const revised = await plan();
    expect(revised.orders.map((o: any) => o.id)).toEqual([orders[0], third.id]);
    expect(revised.approvers.map((m: any) => m.code)).toEqual(['AL', 'XK']);
  });
});
