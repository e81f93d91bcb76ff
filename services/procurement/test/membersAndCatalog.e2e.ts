import { CATALOG } from '../../../lib/reference/catalog';
import { databaseSnapshot, firstError, startTestProcurement, TestProcurement } from './procurementTestkit';
import { addLine, allocate, createOrder, decide, NSN, submit } from './orderSteps';

const ADMIT = `mutation($code: ID!, $name: String!, $status: NatoRelation) { admitMember(code: $code, name: $name, natoRelation: $status) { code name membership natoRelation admittedAt } }`;
const INVITE = `mutation($code: ID!, $name: String!, $status: NatoRelation) { inviteMember(code: $code, name: $name, natoRelation: $status) { code membership natoRelation admittedAt } }`;

describe('the member registry', () => {
  let p: TestProcurement;
  beforeAll(async () => {
    p = await startTestProcurement('members', { today: '2026-05-04' });
  });
  afterAll(async () => p?.stop());

  it('lists the founding members and invited Bulgaria, by code', async () => {
    const { members, country, nobody } = await p.query(`{ members { code name natoRelation membership } country(code: "XK") { name natoRelation natoStatus } nobody: country(code: "ZZ") { name } }`);
    expect(members).toEqual([
      { code: 'AL', name: 'Albania', natoRelation: 'MEMBER', membership: 'MEMBER' },
      { code: 'BG', name: 'Bulgaria', natoRelation: 'MEMBER', membership: 'INVITED' },
      { code: 'HR', name: 'Croatia', natoRelation: 'MEMBER', membership: 'MEMBER' },
      { code: 'XK', name: 'Kosovo', natoRelation: 'NONE', membership: 'MEMBER' },
    ]);
    // Kosovo is not in the Partnership for Peace; the deprecated field, which has no NONE, reads PARTNER as before.
    expect(country).toEqual({ name: 'Kosovo', natoRelation: 'NONE', natoStatus: 'PARTNER' });
    expect(nobody).toBeNull();
  });

  it('admits a new member and promotes an invited one; both can then take part in orders', async () => {
    expect((await p.query(ADMIT, { code: 'MK', name: 'North Macedonia', status: 'MEMBER' })).admitMember).toEqual({
      code: 'MK',
      name: 'North Macedonia',
      membership: 'MEMBER',
      natoRelation: 'MEMBER',
      admittedAt: '2026-05-04T10:00:00.000Z',
    });
    expect((await p.query(ADMIT, { code: 'BG', name: 'Bulgaria', status: 'MEMBER' })).admitMember).toMatchObject({ membership: 'MEMBER', admittedAt: '2026-05-04T10:00:00.000Z' });
    const order = await createOrder(p, { country: 'MK', participants: ['BG'], caseReference: 'MK-B-JAV' });
    expect(order.reference).toMatch(/^JPO-2026-/);
  });

  it('invites a country (its code in any case, kept in capitals), which stays out of orders until admitted', async () => {
    expect((await p.query(INVITE, { code: 'me', name: 'Montenegro', status: 'MEMBER' })).inviteMember).toEqual({ code: 'ME', membership: 'INVITED', natoRelation: 'MEMBER', admittedAt: null });
    const error = firstError(await p.request(`mutation { joinJointOrder(country: "Me", orderId: "1") { id } }`));
    expect([error.code, error.extensions.country]).toEqual(['MEMBER_NOT_ADMITTED', 'ME']);
  });

  it.each([
    ['an existing member is not admitted twice', ADMIT, { code: 'AL', name: 'Albania', status: 'MEMBER' }, 'MEMBER_EXISTS', 'code'],
    ['an existing country is not invited again', INVITE, { code: 'HR', name: 'Croatia', status: 'MEMBER' }, 'MEMBER_EXISTS', 'code'],
    ['a code is two letters', ADMIT, { code: 'MKD', name: 'North Macedonia', status: 'MEMBER' }, 'BAD_USER_INPUT', 'code'],
    ['a code of digits', INVITE, { code: 'm3', name: 'Montenegro', status: 'ASPIRANT' }, 'BAD_USER_INPUT', 'code'],
    ['a name is required', ADMIT, { code: 'SI', name: '  ', status: 'MEMBER' }, 'BAD_USER_INPUT', 'name'],
    ['the NATO relation is required', ADMIT, { code: 'SI', name: 'Slovenia' }, 'BAD_USER_INPUT', 'natoRelation'],
  ])('refuses: %s, changing nothing', async (_title, operation, variables, code, field) => {
    const before = await databaseSnapshot(p.service.dataSource);
    const error = firstError(await p.request(operation, variables));
    expect([error.code, error.extensions.field]).toEqual([code, field]);
    expect(await databaseSnapshot(p.service.dataSource)).toBe(before);
  });

  it('records a country without a NATO relation as NONE, and the deprecated argument still admits', async () => {
    expect((await p.query(INVITE, { code: 'RS', name: 'Serbia', status: 'NONE' })).inviteMember).toMatchObject({ natoRelation: 'NONE' });
    const { admitMember } = await p.query(`mutation { admitMember(code: "SI", name: "Slovenia", natoStatus: MEMBER) { natoRelation natoStatus } }`);
    expect(admitMember).toEqual({ natoRelation: 'MEMBER', natoStatus: 'MEMBER' });
    const error = firstError(await p.request(`mutation { admitMember(code: "AT", name: "Austria", natoRelation: PARTNER, natoStatus: MEMBER) { code } }`));
    expect([error.code, error.extensions.field]).toEqual(['BAD_USER_INPUT', 'natoStatus']);
  });

  it("adds up a member's committed money and savings over the orders its ministry approved (also while others' approvals are pending), not drafts", async () => {
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
    // In approval: MK has approved, BG not yet. It commits MK, not BG.
    const pending = await createOrder(p, { country: 'MK', participants: ['BG'], caseReference: 'MK-B-PN1' });
    const pendingLine = await addLine(p, pending.id, NSN.launchUnit, 'MK');
    await allocate(p, pendingLine, 'MK', 10);
    await allocate(p, pendingLine, 'BG', 10);
    await submit(p, pending.id, 'MK');
    await decide(p, pending.id, 'MK', 'APPROVED');

    const { mk, bg } = await p.query(`{
      mk: country(code: "MK") { totalCommitted { amount currency } totalSavings { amount } allocations { quantity } jointOrders { id } }
      bg: country(code: "BG") { totalCommitted { amount } totalSavings { amount } }
    }`);
    expect(mk.totalCommitted).toEqual({ amount: '8365000.00', currency: 'USD' }); // 30 × 197,500 + 10 launch units × 244,000 (20 together reach that tier)
    expect(mk.totalSavings.amount).toBe('765000.00'); // 30 × (216,000 − 197,500) + 10 × (265,000 − 244,000)
    expect(bg).toEqual({ totalCommitted: { amount: '3950000.00' }, totalSavings: { amount: '370000.00' } }); // 20 × 197,500; 20 × 18,500
    expect(mk.allocations.map((a: any) => a.quantity).sort((a: number, b: number) => a - b)).toEqual([5, 10, 30]);
    expect(mk.jointOrders.map((o: any) => o.id)).toEqual(expect.arrayContaining([approved.id, draft.id, pending.id]));
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

  it('names a STANAG only where one applies: none for the Javelin, M72, Stinger and HMMWV', async () => {
    const { catalog } = await p.query(`{ catalog { name standards standard } }`);
    const named = (prefix: string) => catalog.find((i: any) => i.name.startsWith(prefix));
    for (const prefix of ['FGM-148F Javelin', 'Javelin Lightweight', 'M72 LAW', 'FIM-92K Stinger', 'Stinger Gripstock', 'HMMWV']) expect(named(prefix)).toMatchObject({ standards: [], standard: '' });
    expect(named('Joint Light Tactical Vehicle').standards).toEqual(['STANAG 4569 Level 2']);
  });

  it('answers one item with its tiers, and the tier a quantity reaches', async () => {
    const { catalogItem, unknown } = await p.query(`{
      catalogItem(nsn: "${NSN.firstAidKit}") {
        name supplier standard standards category supplyClass { code name groupCode groupName }
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
      standards: ['STANAG 2126'],
      category: 'MEDICAL',
      supplyClass: { code: '6545', name: 'Replenishable Field Medical Sets, Kits, and Outfits', groupCode: '65', groupName: 'Medical, Dental, and Veterinary Equipment and Supplies' },
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
