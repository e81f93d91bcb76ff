import { CATALOG } from '../../../lib/reference/catalog';
import { databaseSnapshot, firstError, startTestProcurement, TestProcurement } from './procurementTestkit';
import { addLine, allocate, createOrder, decide, NSN, submit } from './orderSteps';

const ADMIT = `mutation($code: ID!, $name: String!, $status: NatoStatus!) { admitMember(code: $code, name: $name, natoStatus: $status) { code name membership natoStatus admittedAt } }`;
const INVITE = `mutation($code: ID!, $name: String!, $status: NatoStatus!) { inviteMember(code: $code, name: $name, natoStatus: $status) { code membership admittedAt } }`;

describe('the member registry', () => {
  let p: TestProcurement;
  beforeAll(async () => {
    p = await startTestProcurement('members', { today: '2026-05-04' });
  });
  afterAll(async () => p?.stop());

  it('lists the founding members and invited Bulgaria, by code', async () => {
    const { members, country, nobody } = await p.query(`{ members { code name natoStatus membership } country(code: "XK") { name natoStatus } nobody: country(code: "ZZ") { name } }`);
    expect(members).toEqual([
      { code: 'AL', name: 'Albania', natoStatus: 'MEMBER', membership: 'MEMBER' },
      { code: 'BG', name: 'Bulgaria', natoStatus: 'MEMBER', membership: 'INVITED' },
      { code: 'HR', name: 'Croatia', natoStatus: 'MEMBER', membership: 'MEMBER' },
      { code: 'XK', name: 'Kosovo', natoStatus: 'PARTNER', membership: 'MEMBER' },
    ]);
    expect(country).toEqual({ name: 'Kosovo', natoStatus: 'PARTNER' });
    expect(nobody).toBeNull();
  });

  it('admits a new member and promotes an invited one; both can then take part in orders', async () => {
    expect((await p.query(ADMIT, { code: 'MK', name: 'North Macedonia', status: 'MEMBER' })).admitMember).toEqual({
      code: 'MK',
      name: 'North Macedonia',
      membership: 'MEMBER',
      natoStatus: 'MEMBER',
      admittedAt: '2026-05-04T10:00:00.000Z',
    });
    expect((await p.query(ADMIT, { code: 'BG', name: 'Bulgaria', status: 'MEMBER' })).admitMember).toMatchObject({ membership: 'MEMBER', admittedAt: '2026-05-04T10:00:00.000Z' });
    const order = await createOrder(p, { country: 'MK', participants: ['BG'], caseReference: 'MK-B-JAV' });
    expect(order.reference).toMatch(/^JPO-2026-/);
  });

  it('invites a country (its code in any case, kept in capitals), which stays out of orders until admitted', async () => {
    expect((await p.query(INVITE, { code: 'me', name: 'Montenegro', status: 'MEMBER' })).inviteMember).toEqual({ code: 'ME', membership: 'INVITED', admittedAt: null });
    const error = firstError(await p.request(`mutation { joinJointOrder(country: "Me", orderId: "1") { id } }`));
    expect([error.code, error.extensions.country]).toEqual(['MEMBER_NOT_ADMITTED', 'ME']);
  });

  it.each([
    ['an existing member is not admitted twice', ADMIT, { code: 'AL', name: 'Albania', status: 'MEMBER' }, 'MEMBER_EXISTS', 'code'],
    ['an existing country is not invited again', INVITE, { code: 'HR', name: 'Croatia', status: 'MEMBER' }, 'MEMBER_EXISTS', 'code'],
    ['a code is two letters', ADMIT, { code: 'MKD', name: 'North Macedonia', status: 'MEMBER' }, 'BAD_USER_INPUT', 'code'],
    ['a code of digits', INVITE, { code: 'm3', name: 'Montenegro', status: 'ASPIRANT' }, 'BAD_USER_INPUT', 'code'],
    ['a name is required', ADMIT, { code: 'SI', name: '  ', status: 'MEMBER' }, 'BAD_USER_INPUT', 'name'],
  ])('refuses: %s, changing nothing', async (_title, operation, variables, code, field) => {
    const before = await databaseSnapshot(p.service.dataSource);
    const error = firstError(await p.request(operation, variables));
    expect([error.code, error.extensions.field]).toEqual([code, field]);
    expect(await databaseSnapshot(p.service.dataSource)).toBe(before);
  });

  it("adds up a member's committed money and savings over the orders its ministry approved, not drafts", async () => {
    // MK and BG, admitted above, have no other orders: 30 + 20 missiles reach the 50 tier; alone each pays $216,000.
    const approved = await createOrder(p, { country: 'MK', participants: ['BG'], caseReference: 'MK-B-AP1' });
    const line = await addLine(p, approved.id, NSN.javelin, 'MK');
    await allocate(p, line, 'MK', 30);
    await allocate(p, line, 'BG', 20);
    await submit(p, approved.id, 'MK');
    await decide(p, approved.id, 'MK', 'APPROVED');
    await decide(p, approved.id, 'BG', 'APPROVED');
    const draft = await createOrder(p, { country: 'MK', participants: [], caseReference: 'MK-B-DR1' });
    await allocate(p, await addLine(p, draft.id, NSN.launchUnit, 'MK'), 'MK', 5);

    const { mk, bg } = await p.query(`{
      mk: country(code: "MK") { totalCommitted { amount currency } totalSavings { amount } allocations { quantity } jointOrders { id } }
      bg: country(code: "BG") { totalCommitted { amount } totalSavings { amount } }
    }`);
    expect(mk.totalCommitted).toEqual({ amount: '5925000.00', currency: 'USD' }); // 30 × 197,500
    expect(mk.totalSavings.amount).toBe('555000.00'); // 30 × (216,000 − 197,500)
    expect(bg).toEqual({ totalCommitted: { amount: '3950000.00' }, totalSavings: { amount: '370000.00' } }); // 20 × 197,500; 20 × 18,500
    expect(mk.allocations.map((a: any) => a.quantity).sort()).toEqual([30, 5]);
    expect(mk.jointOrders.map((o: any) => o.id)).toEqual(expect.arrayContaining([approved.id, draft.id]));
  });
});

describe('the catalogue', () => {
  let p: TestProcurement;
  beforeAll(async () => {
    p = await startTestProcurement('catalog');
  });
  afterAll(async () => p?.stop());

  it('filters by category and by supplier', async () => {
    const { antiArmour, l3harris } = await p.query(`{
      antiArmour: catalog(category: "ANTI_ARMOUR") { nsn category }
      l3harris: catalog(supplier: "L3Harris Technologies") { name }
    }`);
    expect(antiArmour.map((i: any) => i.nsn)).toEqual(CATALOG.filter((c) => c.category === 'ANTI_ARMOUR').map((c) => c.nsn).sort());
    expect(l3harris).toHaveLength(CATALOG.filter((c) => c.supplier === 'L3Harris Technologies').length);
  });

  it('answers one item with its tiers, and the tier a quantity reaches', async () => {
    const { catalogItem, unknown } = await p.query(`{
      catalogItem(nsn: "${NSN.firstAidKit}") {
        name supplier standard category
        priceTiers { minQuantity unitPrice { amount currency } leadTimeDays }
        below: tierFor(quantity: 1999) { minQuantity unitPrice { amount } }
        at: tierFor(quantity: 2000) { minQuantity unitPrice { amount } leadTimeDays }
      }
      unknown: catalogItem(nsn: "0000-00-000-0000") { name }
    }`);
    expect(catalogItem).toEqual({
      name: 'Improved First Aid Kit (IFAK II)',
      supplier: 'North American Rescue',
      standard: 'STANAG 2126',
      category: 'MEDICAL',
      priceTiers: [
        { minQuantity: 1, unitPrice: { amount: '118.00', currency: 'USD' }, leadTimeDays: 60 },
        { minQuantity: 2000, unitPrice: { amount: '104.50', currency: 'USD' }, leadTimeDays: 45 },
        { minQuantity: 10000, unitPrice: { amount: '96.25', currency: 'USD' }, leadTimeDays: 45 },
      ],
      below: { minQuantity: 1, unitPrice: { amount: '118.00' } },
      at: { minQuantity: 2000, unitPrice: { amount: '104.50' }, leadTimeDays: 45 },
    });
    expect(unknown).toBeNull();
  });
});
