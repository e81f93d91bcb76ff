import { CATALOG } from '../../../lib/reference/catalog';
import { DEMO_DAY } from './procurementTestkit';
import { startTestProcurement, TestProcurement } from './procurementTestkit';

describe('demo data', () => {
  let procurement: TestProcurement;
  beforeAll(async () => {
    procurement = await startTestProcurement('demo', { today: DEMO_DAY, seed: true });
  });
  afterAll(async () => procurement?.stop());

  it('holds the whole shared catalogue with its tiers', async () => {
    const { catalog } = await procurement.query(`{ catalog { nsn priceTiers { minQuantity unitPrice { amount currency } } } }`);
    expect(catalog).toHaveLength(CATALOG.length);
    const javelin = catalog.find((i: any) => i.nsn === '1410-01-458-4218');
    expect(javelin.priceTiers.map((t: any) => [t.minQuantity, t.unitPrice.amount])).toEqual([
      [1, '216000.00'],
      [50, '197500.00'],
      [150, '184000.00'],
      [400, '176250.00'],
    ]);
  });

  it('has one order in each state the story reaches', async () => {
    const { jointOrders } = await procurement.query(`{ jointOrders { reference status caseReference } }`);
    expect(jointOrders.map((o: any) => o.status).sort()).toEqual(['COMPLETED', 'DELIVERING', 'DRAFT', 'IN_APPROVAL']);
  });

  it('shows mixed decisions on the order in approval, with the earlier rejection kept', async () => {
    const { jointOrders } = await procurement.query(`{ jointOrders(status: IN_APPROVAL) {
      version currentApprovals { country { code } decision version }
      lastRejection { country { code } comment version }
      approvals { decision version }
    } }`);
    const [order] = jointOrders;
    expect(order.version).toBe(2);
    expect(order.currentApprovals.map((a: any) => [a.country.code, a.decision])).toEqual([
      ['AL', 'PENDING'],
      ['HR', 'APPROVED'],
      ['XK', 'APPROVED'],
    ]);
    expect(order.lastRejection).toMatchObject({ country: { code: 'AL' }, version: 1 });
    expect(order.lastRejection.comment).toMatch(/twelve/);
    expect(order.approvals.filter((a: any) => a.version === 1).map((a: any) => a.decision)).toEqual(['PENDING', 'PENDING', 'PENDING', 'APPROVED', 'REJECTED']);
  });

  it('has late and on-time deliveries on the order being delivered', async () => {
    const { jointOrders } = await procurement.query(`{ jointOrders(status: DELIVERING) { deliveries { country { code } plannedDate deliveredDate status late } } }`);
    const late = jointOrders[0].deliveries.filter((d: any) => d.late);
    const onTime = jointOrders[0].deliveries.filter((d: any) => !d.late);
    expect(late.length).toBeGreaterThanOrEqual(2);
    expect(onTime.length).toBeGreaterThanOrEqual(2);
    // Late both ways: delivered after the planned day, and still not delivered when it has passed.
    expect(late.some((d: any) => d.status === 'DELIVERED')).toBe(true);
    expect(late.some((d: any) => d.status !== 'DELIVERED')).toBe(true);
  });

  it('derives every saving from the tiers: the completed ammunition order, checked by hand', async () => {
    const { jointOrders } = await procurement.query(`{ jointOrders(status: COMPLETED) {
      estimated totalValue { amount } individualValue { amount } savings { amount }
      lines { quantity unitPrice { amount } }
      savingsByCountry { country { code } committed { amount } individual { amount } savings { amount } }
    } }`);
    const [order] = jointOrders;
    // 5,300 cases reach the 5,000 tier ($561.50); alone XK (800) pays $655, AL (1,500) and HR (3,000) $598.
    expect(order.lines).toEqual([{ quantity: 5300, unitPrice: { amount: '561.50' } }]);
    expect(order.totalValue.amount).toBe('2975950.00');
    expect(order.individualValue.amount).toBe('3215000.00'); // 800×655 + 1500×598 + 3000×598
    expect(order.savings.amount).toBe('239050.00');
    expect(order.estimated).toBe(false);
    expect(order.savingsByCountry.map((c: any) => [c.country.code, c.committed.amount, c.individual.amount, c.savings.amount])).toEqual([
      ['AL', '842250.00', '897000.00', '54750.00'],
      ['HR', '1684500.00', '1794000.00', '109500.00'],
      ['XK', '449200.00', '524000.00', '74800.00'],
    ]);
  });

  it('lists Bulgaria as invited, and an implementation plan awaiting Albania on its second version', async () => {
    const { country, implementationPlans } = await procurement.query(`{
      country(code: "BG") { name membership natoStatus admittedAt }
      implementationPlans { version approvedBy { code } awaiting { code } fullyApproved versions { version } }
    }`);
    expect(country).toEqual({ name: 'Bulgaria', membership: 'INVITED', natoStatus: 'MEMBER', admittedAt: null });
    expect(implementationPlans).toEqual([{ version: 2, approvedBy: [{ code: 'HR' }, { code: 'XK' }], awaiting: [{ code: 'AL' }], fullyApproved: false, versions: [{ version: 1 }, { version: 2 }] }]);
  });
});
