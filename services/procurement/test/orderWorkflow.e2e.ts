import { startTestProcurement, TestProcurement } from './procurementTestkit';
import {
  addLine,
  allocate,
  approvedOrder,
  createOrder,
  decide,
  draftOrder,
  JAVELIN_SUPPLIER,
  NSN,
  place,
  placedOrder,
  RECORD_DELIVERY,
  scheduleDelivery,
  submit,
} from './orderSteps';

const ORDER = `query($id: ID!) { jointOrder(id: $id) {
  id reference status version estimated currency supplier caseReference model offerExpiresOn offerExpired createdAt placedAt completedAt leadTimeDays
  leadNation { code } createdBy { code } participants { code }
  totalValue { amount currency } individualValue { amount } savings { amount }
  savingsByCountry { country { code } committed { amount } individual { amount } savings { amount } }
  lines { id quantity unitPrice { amount currency } value { amount } leadTimeDays item { nsn name }
    allocations { id country { code } quantity cost { amount } individualUnitPrice { amount } individualCost { amount } savings { amount } } }
  approvals { country { code } decision version decidedBy comment decidedAt }
  currentApprovals { country { code } decision version }
  lastRejection { country { code } comment version }
} }`;

describe('the joint order, step by step over HTTP', () => {
  let p: TestProcurement;
  const order = async (id: string) => (await p.query(ORDER, { id })).jointOrder;

  beforeAll(async () => {
    p = await startTestProcurement('workflow', { today: '2026-05-04' });
  });
  afterAll(async () => p?.stop());
  beforeEach(() => p.setToday('2026-05-04'));

  it('opens a DRAFT order in USD with the acting member and its invitees taking part', async () => {
    const created = await createOrder(p, { country: 'HR', participants: ['XK', 'AL'], model: 'LEAD_NATION', leadNation: 'HR', caseReference: 'HR-B-JV1' });
    const o = await order(created.id);
    expect(o).toMatchObject({
      reference: `JPO-2026-${created.id.padStart(4, '0')}`,
      status: 'DRAFT',
      version: 1,
      estimated: true,
      currency: 'USD',
      supplier: JAVELIN_SUPPLIER,
      caseReference: 'HR-B-JV1',
      model: 'LEAD_NATION',
      leadNation: { code: 'HR' },
      createdBy: { code: 'HR' },
      offerExpiresOn: '2026-12-31',
      offerExpired: false,
      createdAt: '2026-05-04T10:00:00.000Z',
      placedAt: null,
      leadTimeDays: null,
      totalValue: { amount: '0.00', currency: 'USD' },
      lines: [],
      approvals: [],
    });
    expect(o.participants.map((c: any) => c.code).sort()).toEqual(['AL', 'HR', 'XK']);
  });

  it('prices 100 + 50 missiles at the 150 tier and each member alone at the 50 tier, to the cent', async () => {
    const { orderId } = await draftOrder(p);
    const o = await order(orderId);
    const [line] = o.lines;
    expect(line).toMatchObject({ quantity: 150, unitPrice: { amount: '184000.00', currency: 'USD' }, value: { amount: '27600000.00' }, leadTimeDays: 450 });
    expect(line.allocations.map((a: any) => [a.country.code, a.quantity, a.cost.amount, a.individualUnitPrice.amount, a.individualCost.amount, a.savings.amount])).toEqual([
      ['XK', 100, '18400000.00', '197500.00', '19750000.00', '1350000.00'],
      ['AL', 50, '9200000.00', '197500.00', '9875000.00', '675000.00'],
    ]);
    expect([o.totalValue.amount, o.individualValue.amount, o.savings.amount]).toEqual(['27600000.00', '29625000.00', '2025000.00']);
    expect(o.savingsByCountry.map((c: any) => [c.country.code, c.committed.amount, c.individual.amount, c.savings.amount])).toEqual([
      ['AL', '9200000.00', '9875000.00', '675000.00'],
      ['XK', '18400000.00', '19750000.00', '1350000.00'],
    ]);
    expect(o.leadTimeDays).toBe(450);
  });

  it('drops to the lower tier when one missile fewer is allocated (149): XK then saves nothing', async () => {
    const { orderId, allocations } = await draftOrder(p);
    await p.query(`mutation($id: ID!) { updateAllocation(country: "AL", allocationId: $id, quantity: 49) { quantity } }`, { id: allocations.AL });
    const o = await order(orderId);
    expect(o.lines[0]).toMatchObject({ quantity: 149, unitPrice: { amount: '197500.00' }, value: { amount: '29427500.00' } });
    expect(o.lines[0].allocations.map((a: any) => [a.country.code, a.individualUnitPrice.amount, a.savings.amount])).toEqual([
      ['XK', '197500.00', '0.00'],
      ['AL', '216000.00', '906500.00'],
    ]);
    expect(o.savings.amount).toBe('906500.00');
  });

  it('lets members join, add and remove lines and allocations while the order is DRAFT', async () => {
    const { orderId, lineId } = await draftOrder(p);
    await p.query(`mutation($o: ID!) { joinJointOrder(country: "HR", orderId: $o) { id } }`, { o: orderId });
    const launchLine = await addLine(p, orderId, NSN.launchUnit, 'HR');
    const hrLaunch = await allocate(p, launchLine, 'HR', 12);
    await allocate(p, lineId, 'HR', 250);
    let o = await order(orderId);
    expect(o.participants.map((c: any) => c.code)).toContain('HR');
    expect(o.lines.map((l: any) => [l.item.nsn, l.quantity, l.unitPrice.amount])).toEqual([
      [NSN.javelin, 400, '176250.00'],
      [NSN.launchUnit, 12, '265000.00'],
    ]);
    const { removeAllocation } = await p.query(`mutation($a: ID!) { removeAllocation(country: "HR", allocationId: $a) { id quantity allocations { id } } }`, { a: hrLaunch });
    expect(removeAllocation).toEqual({ id: launchLine, quantity: 0, allocations: [] });
    await p.query(`mutation($l: ID!) { removeOrderLine(country: "HR", lineId: $l) { id } }`, { l: launchLine });
    o = await order(orderId);
    expect(o.lines.map((l: any) => l.item.nsn)).toEqual([NSN.javelin]);
    expect(o.version).toBe(1); // never submitted, so still the first version
  });

  it('asks every participant once when submitted: one PENDING approval each, for the current version', async () => {
    const { orderId } = await draftOrder(p);
    const { submitForApproval } = await p.query(`mutation($o: ID!) { submitForApproval(country: "AL", orderId: $o) { status version } }`, { o: orderId });
    expect(submitForApproval).toEqual({ status: 'IN_APPROVAL', version: 1 });
    const o = await order(orderId);
    expect(o.approvals.map((a: any) => [a.country.code, a.decision, a.version, a.decidedAt])).toEqual([
      ['AL', 'PENDING', 1, null],
      ['XK', 'PENDING', 1, null],
    ]);
  });

  it('approves only when every participant approved, keeping every decision as a new history entry', async () => {
    const { orderId } = await draftOrder(p);
    await submit(p, orderId);
    p.setToday('2026-05-06');
    const first = await decide(p, orderId, 'XK', 'APPROVED', 'Within the 2026 budget line.');
    expect(first).toMatchObject({ decision: 'APPROVED', version: 1, country: { code: 'XK' }, decidedBy: 'Minister of XK', decidedAt: '2026-05-06T10:00:00.000Z', order: { status: 'IN_APPROVAL' } });
    const last = await decide(p, orderId, 'AL', 'APPROVED');
    expect(last.order.status).toBe('APPROVED');
    const o = await order(orderId);
    expect(o.approvals.map((a: any) => [a.country.code, a.decision])).toEqual([
      ['AL', 'PENDING'],
      ['XK', 'PENDING'],
      ['XK', 'APPROVED'],
      ['AL', 'APPROVED'],
    ]);
    expect(o.currentApprovals.map((a: any) => [a.country.code, a.decision])).toEqual([
      ['AL', 'APPROVED'],
      ['XK', 'APPROVED'],
    ]);
  });

  it('sends a rejected order back to DRAFT with the reason kept; changing it makes version 2, approved afresh', async () => {
    const { orderId, allocations } = await draftOrder(p);
    await submit(p, orderId);
    await decide(p, orderId, 'XK', 'APPROVED');
    const rejection = await decide(p, orderId, 'AL', 'REJECTED', 'Fifty missiles exceed our 2026 appropriation; forty at most.');
    expect(rejection.order).toEqual({ status: 'DRAFT', version: 1 });

    await p.query(`mutation($id: ID!) { updateAllocation(country: "AL", allocationId: $id, quantity: 40) { id } }`, { id: allocations.AL });
    let o = await order(orderId);
    expect(o.version).toBe(2);
    expect(o.lastRejection).toEqual({ country: { code: 'AL' }, comment: 'Fifty missiles exceed our 2026 appropriation; forty at most.', version: 1 });
    expect(o.currentApprovals).toEqual([]); // nobody has been asked about version 2 yet

    await submit(p, orderId, 'AL');
    o = await order(orderId);
    expect(o.currentApprovals.map((a: any) => [a.country.code, a.decision, a.version])).toEqual([
      ['AL', 'PENDING', 2],
      ['XK', 'PENDING', 2],
    ]);
    await decide(p, orderId, 'AL', 'APPROVED');
    expect((await decide(p, orderId, 'XK', 'APPROVED')).order).toEqual({ status: 'APPROVED', version: 2 });
    o = await order(orderId);
    // XK's approval of version 1 did not count for version 2: it had to approve again.
    expect(o.approvals.filter((a: any) => a.country.code === 'XK').map((a: any) => [a.version, a.decision])).toEqual([
      [1, 'PENDING'],
      [1, 'APPROVED'],
      [2, 'PENDING'],
      [2, 'APPROVED'],
    ]);
  });

  it('reopens an approved order for a change; the changed version needs every approval again', async () => {
    const { orderId, allocations } = await approvedOrder(p);
    const { reopenJointOrder } = await p.query(`mutation($o: ID!) { reopenJointOrder(country: "XK", orderId: $o) { status version } }`, { o: orderId });
    expect(reopenJointOrder).toEqual({ status: 'DRAFT', version: 1 });
    await p.query(`mutation($id: ID!) { updateAllocation(country: "XK", allocationId: $id, quantity: 120) { id } }`, { id: allocations.XK });
    await submit(p, orderId);
    const o = await order(orderId);
    expect(o.status).toBe('IN_APPROVAL');
    expect(o.currentApprovals.map((a: any) => [a.country.code, a.decision, a.version])).toEqual([
      ['AL', 'PENDING', 2],
      ['XK', 'PENDING', 2],
    ]);
  });

  it("places an approved order on the offer's last day at the prices agreed", async () => {
    const placed = await approvedOrder(p, { offerExpiresOn: '2026-06-30' });
    p.setToday('2026-06-30');
    await place(p, placed.orderId);
    const o = await order(placed.orderId);
    expect(o).toMatchObject({ status: 'PLACED', placedAt: '2026-06-30T10:00:00.000Z', offerExpired: false, estimated: true });
    // Later catalogue changes (changePriceTiers, a new price version) leave it at these prices:
    // test/domain/catalogueMaintenance.e2e.ts changes prices through the graph and checks earlier orders.
    expect(o.lines[0].unitPrice.amount).toBe('184000.00');
  });

  it('schedules deliveries per line and member, tells late ones, splits a partial arrival, and completes the order', async () => {
    const { orderId, lineId } = await placedOrder(p);
    const xk1 = await scheduleDelivery(p, lineId, 'XK', 60, '2026-06-01');
    const xk2 = await scheduleDelivery(p, lineId, 'XK', 40, '2026-07-01');
    const al = await scheduleDelivery(p, lineId, 'AL', 50, '2026-06-15');

    p.setToday('2026-06-10');
    const lateness = async () =>
      Object.fromEntries((await p.query(`query($id: ID!) { jointOrder(id: $id) { deliveries { id late } } }`, { id: orderId })).jointOrder.deliveries.map((d: any) => [d.id, d.late]));
    expect(await lateness()).toEqual({ [xk1]: true, [al]: false, [xk2]: false });

    const { updateDeliveryStatus } = await p.query(`mutation($id: ID!) { updateDeliveryStatus(country: "AL", deliveryId: $id, status: IN_TRANSIT) { status order { status } } }`, { id: al });
    expect(updateDeliveryStatus).toEqual({ status: 'IN_TRANSIT', order: { status: 'DELIVERING' } });

    // 30 of AL's 50 arrive early; the other 20 stay scheduled for the same day.
    const partial = (await p.query(RECORD_DELIVERY, { c: 'AL', id: al, on: '2026-06-09', q: 30 })).recordDelivery;
    expect(partial).toMatchObject({ quantity: 30, status: 'DELIVERED', deliveredDate: '2026-06-09', late: false, order: { status: 'DELIVERING' } });
    const line = async () =>
      (await p.query(`query($id: ID!) { jointOrder(id: $id) { lines { deliveredQuantity allocations { country { code } scheduledQuantity deliveredQuantity } deliveries { id country { code } quantity status plannedDate } } } }`, { id: orderId })).jointOrder.lines[0];
    let l = await line();
    expect(l.deliveredQuantity).toBe(30);
    expect(l.allocations.map((a: any) => [a.country.code, a.scheduledQuantity, a.deliveredQuantity])).toEqual([
      ['XK', 100, 0],
      ['AL', 50, 30],
    ]);
    const rest = l.deliveries.find((d: any) => d.country.code === 'AL' && d.status === 'SCHEDULED');
    expect(rest).toMatchObject({ quantity: 20, plannedDate: '2026-06-15' });

    p.setToday('2026-07-02');
    expect((await p.query(RECORD_DELIVERY, { c: 'XK', id: xk1, on: '2026-06-12', q: null })).recordDelivery).toMatchObject({ late: true, status: 'DELIVERED' });
    await p.query(RECORD_DELIVERY, { c: 'AL', id: rest.id, on: '2026-06-15', q: null });
    const last = (await p.query(RECORD_DELIVERY, { c: 'XK', id: xk2, on: '2026-07-01', q: null })).recordDelivery;
    expect(last).toMatchObject({ late: false, order: { status: 'COMPLETED', completedAt: '2026-07-02T10:00:00.000Z' } });
    l = await line();
    expect(l.deliveredQuantity).toBe(150);
    expect((await order(orderId)).estimated).toBe(false);
  });

  it('cancels an order not yet placed and keeps the reason', async () => {
    const { orderId } = await approvedOrder(p);
    const { cancelOrder } = await p.query(`mutation($o: ID!) { cancelOrder(country: "AL", orderId: $o, reason: "Replaced by a larger joint order") { status cancelledAt cancellationReason } }`, { o: orderId });
    expect(cancelOrder).toEqual({ status: 'CANCELLED', cancelledAt: '2026-05-04T10:00:00.000Z', cancellationReason: 'Replaced by a larger joint order' });
  });

  it('lists orders by status and by participant, newest first', async () => {
    const mine = await createOrder(p, { country: 'HR', participants: [] });
    const { byHr, drafts } = await p.query(`{ byHr: jointOrders(participant: "HR") { id } drafts: jointOrders(status: DRAFT) { id status } }`);
    expect(byHr[0].id).toBe(mine.id);
    expect(drafts.every((o: any) => o.status === 'DRAFT')).toBe(true);
    expect(drafts.map((o: any) => Number(o.id))).toEqual([...drafts.map((o: any) => Number(o.id))].sort((a, b) => b - a));
  });
});
