/**
 * Requirements and allocations linked both ways, and pooling, through the
 * gateway over every member's own database and procurement's: each demo
 * allocation serves one of its own member's requirements for the same item;
 * the coverage figures are the sums of the allocations; links that break a
 * rule are refused with nothing written; a pooling candidate's figures are
 * the tier arithmetic, and it becomes a DRAFT order with the same savings.
 */
import { ITEM } from '../../lib/reference/items';
import { sql } from '../../gateway/test/support';
import { day, federationForFile } from './domainFederation';

const suite = federationForFile(['XK', 'AL', 'HR', 'BG']);
const { ask } = suite;

/** The draft order's line for `nsn` (the demo has one). */
const draftOrderLine = async (nsn: string): Promise<{ id: number }> =>
  (await sql<{ id: number }>(suite.federation.procurement.service.dataSource, "SELECT l.id FROM order_line l JOIN joint_order o ON o.id = l.order_id WHERE o.status = 'DRAFT' AND l.nsn = ?", [nsn]))[0];
const procurementRows = () => sql(suite.federation.procurement.service.dataSource, 'SELECT * FROM allocation ORDER BY id');

/** Minor units of a decimal string, and back. */
const cents = (amount: string): bigint => BigInt(amount.replace('.', ''));
const amount = (minor: bigint): string => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;

/** The unit price, in cents, of the tier `quantity` reaches: the highest minQuantity not above it. */
function tierPrice(tiers: { minQuantity: number; unitPrice: { amount: string } }[], quantity: number): bigint {
  const reached = tiers.filter((t) => t.minQuantity <= quantity).sort((a, b) => b.minQuantity - a.minQuantity)[0] ?? tiers[0];
  return cents(reached.unitPrice.amount);
}

describe('requirements and allocations, both ways', () => {
  it("links every demo allocation to one of its own member's requirements for the same item", async () => {
    const { jointOrders } = await ask(`{ jointOrders {
      lines { item { nsn } allocations { id country { code } requirement { id countryCode quantity item { nsn } } } }
    } }`);
    const allocations = jointOrders.flatMap((o: any) => o.lines.flatMap((l: any) => l.allocations.map((a: any) => ({ ...a, nsn: l.item.nsn }))));
    expect(allocations).toHaveLength(20);
    for (const a of allocations) {
      expect(a.requirement).not.toBeNull();
      expect([a.requirement.countryCode, a.requirement.item.nsn]).toEqual([a.country.code, a.nsn]);
    }
  });

  it('counts coverage as the sums of the allocations, and dates it against the need-by date', async () => {
    const { members } = await ask(`{ members { code requirements {
      id quantity neededBy shared allocatedQuantity remainingQuantity expectedBy onTime
      allocations { quantity order { status } }
    } } }`);
    let linked = 0;
    for (const member of members) {
      for (const r of member.requirements) {
        const allocated = r.allocations.filter((a: any) => a.order.status !== 'CANCELLED').reduce((sum: number, a: any) => sum + a.quantity, 0);
        expect(r.allocatedQuantity).toBe(allocated);
        // Every admitted member shared its demo requirements; invited Bulgaria cannot yet.
        expect(r.shared).toBe(member.code !== 'BG');
        expect(r.remainingQuantity).toBe(r.shared ? r.quantity - allocated : null);
        if (r.onTime !== null) expect(r.onTime).toBe(r.expectedBy <= r.neededBy);
        linked += r.allocations.length;
      }
    }
    expect(linked).toBe(20);
    const hr = members.find((m: any) => m.code === 'HR').requirements;
    // Croatia's night vision: needed 30 days ago, the last 140 still in transit (planned 17 days ago).
    expect(hr.find((r: any) => r.id === '14')).toMatchObject({ allocatedQuantity: 340, remainingQuantity: 0, expectedBy: day(-17), neededBy: day(-30), onTime: false });
    // Albania's radios: due 10 days ago, needed in 91 days.
    expect(members.find((m: any) => m.code === 'AL').requirements.find((r: any) => r.id === '5')).toMatchObject({ remainingQuantity: 0, expectedBy: day(-10), onTime: true });
  });

  it("lists a member's uncovered requirements: open, shared, with quantity left", async () => {
    const { uncoveredRequirements, country } = await ask(`{
      uncoveredRequirements(country: "XK") { id remainingQuantity status }
      country(code: "XK") { requirements { id status remainingQuantity } }
    }`);
    const expected = country.requirements.filter((r: any) => ['DRAFT', 'SUBMITTED'].includes(r.status) && r.remainingQuantity > 0).map((r: any) => r.id);
    expect(uncoveredRequirements.map((r: any) => r.id).sort()).toEqual(expected.sort());
    expect(expected).toEqual(expect.arrayContaining(['1', '2', '3'])); // Javelin half covered, Switchblade and JLTV not at all
  });

  it.each([
    ['a requirement for another item', { requirementId: '1', quantity: 100 }, 'REQUIREMENT_ITEM_MISMATCH', 'requirementId'],
    ['more than the requirement has left', { requirementId: '9', quantity: 5001 }, 'REQUIREMENT_EXCEEDED', 'quantity'],
    ['a requirement never shared', { requirementId: '999', quantity: 100 }, 'REQUIREMENT_NOT_SHARED', 'requirementId'],
  ])('refuses a link to %s, writing nothing', async (_what, variables, code, field) => {
    // Croatia allocates tourniquets on the draft order (it has none there yet).
    const line = await draftOrderLine(ITEM.TOURNIQUET);
    const before = await procurementRows();
    const { errors } = await suite.federation.query('mutation($line: ID!, $quantity: Int!, $requirementId: ID) { allocate(country: "HR", lineId: $line, quantity: $quantity, requirementId: $requirementId) { id } }', {
      line: String(line.id),
      ...variables,
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code, field, country: 'HR' });
    expect(await procurementRows()).toEqual(before);
  });

  it('links a new requirement once its ministry shares it: created in its own subgraph, shared with procurement, linked, counted', async () => {
    const created = await ask(
      `mutation($input: CreateRequirementInput!) { createRequirement(country: "HR", input: $input) { id reference quantity neededBy status item { nsn } } }`,
      { input: { nsn: ITEM.TOURNIQUET, quantity: 1200, priority: 'MEDIUM', neededBy: day(120), reference: 'HR-MED-2027' } },
    );
    const requirement = created.createRequirement;
    const shared = await ask(
      `mutation($r: [SharedRequirementInput!]!) { shareRequirements(country: "HR", requirements: $r) { id shared remainingQuantity } }`,
      { r: [{ id: requirement.id, reference: requirement.reference, nsn: requirement.item.nsn, quantity: requirement.quantity, neededBy: requirement.neededBy, status: requirement.status }] },
    );
    expect(shared.shareRequirements).toEqual([{ id: requirement.id, shared: true, remainingQuantity: 1200 }]);
    const line = await draftOrderLine(ITEM.TOURNIQUET);
    const { allocate } = await ask(`mutation($line: ID!, $r: ID!) { allocate(country: "HR", lineId: $line, quantity: 800, requirementId: $r) { requirement { id reference allocatedQuantity remainingQuantity } } }`, {
      line: String(line.id),
      r: requirement.id,
    });
    expect(allocate.requirement).toEqual({ id: requirement.id, reference: 'HR-MED-2027', allocatedQuantity: 800, remainingQuantity: 400 });
    // It cannot now be shared as needing fewer than allocated.
    const { errors } = await suite.federation.query(`mutation($r: [SharedRequirementInput!]!) { shareRequirements(country: "HR", requirements: $r) { id } }`, {
      r: [{ id: requirement.id, reference: requirement.reference, nsn: requirement.item.nsn, quantity: 500, neededBy: requirement.neededBy, status: requirement.status }],
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'REQUIREMENT_OVER_ALLOCATED', field: 'requirements[0].quantity', country: 'HR', allocated: 800 });
  });
});

describe('pooling', () => {
  const CANDIDATES = `{ poolingCandidates {
    item { nsn supplier priceTiers { minQuantity unitPrice { amount } } }
    combinedQuantity tierMinQuantity unitPrice { amount } pooledCost { amount } aloneCost { amount } savings { amount } savingsPercent
    members { country { code } requirement { id countryCode item { nsn } } quantity aloneUnitPrice { amount } aloneCost { amount } pooledCost { amount } savings { amount } savingsPercent }
  } }`;

  it('finds open requirements of several members for one item, priced by the tiers: combined, and each member alone', async () => {
    const { poolingCandidates } = await ask(CANDIDATES);
    expect(poolingCandidates.length).toBeGreaterThanOrEqual(3);
    for (const c of poolingCandidates) {
      expect(new Set(c.members.map((m: any) => m.country.code)).size).toBe(c.members.length);
      expect(c.members.length).toBeGreaterThanOrEqual(2);
      expect(c.combinedQuantity).toBe(c.members.reduce((sum: number, m: any) => sum + m.quantity, 0));
      const unit = tierPrice(c.item.priceTiers, c.combinedQuantity);
      expect(c.unitPrice.amount).toBe(amount(unit));
      let alone = 0n;
      for (const m of c.members) {
        expect(m.requirement).toMatchObject({ countryCode: m.country.code, item: { nsn: c.item.nsn } });
        const own = tierPrice(c.item.priceTiers, m.quantity);
        expect(m.aloneUnitPrice.amount).toBe(amount(own));
        expect(m.aloneCost.amount).toBe(amount(own * BigInt(m.quantity)));
        expect(m.pooledCost.amount).toBe(amount(unit * BigInt(m.quantity)));
        expect(m.savings.amount).toBe(amount((own - unit) * BigInt(m.quantity)));
        alone += own * BigInt(m.quantity);
      }
      expect(c.aloneCost.amount).toBe(amount(alone));
      expect(c.savings.amount).toBe(amount(alone - unit * BigInt(c.combinedQuantity)));
    }
    // The JLTVs: Kosovo 24, Albania 30 and Croatia 46 reach the 100 tier together.
    const jltv = poolingCandidates.find((c: any) => c.item.nsn === ITEM.JLTV);
    expect(jltv).toMatchObject({ combinedQuantity: 100, tierMinQuantity: 100, unitPrice: { amount: '368500.00' } });
    expect(jltv.members.map((m: any) => [m.country.code, m.quantity, m.savings.amount])).toEqual([
      ['AL', 30, '615000.00'], // alone at the 30 tier, 389,000.00: 20,500.00 less each
      ['HR', 46, '943000.00'], // likewise
      ['XK', 24, '1116000.00'], // alone at the single-unit price, 415,000.00
    ]);
  });

  it('turns a candidate into a DRAFT order whose savings are the tier arithmetic, its allocations linked to the requirements', async () => {
    const { poolingCandidates } = await ask(CANDIDATES);
    const candidate = poolingCandidates.find((c: any) => c.item.nsn === ITEM.JLTV);
    const { createPooledOrder } = await ask(
      `mutation($input: PooledOrderInput!) { createPooledOrder(country: "XK", input: $input) {
        status supplier participants { code } savings { amount } savingsPercent
        lines { item { nsn } quantity unitPrice { amount } allocations { country { code } quantity requirement { id countryCode remainingQuantity } } }
        savingsByCountry { country { code } savings { amount } }
      } }`,
      { input: { nsn: ITEM.JLTV, caseReference: 'XK-B-ZPL', offerExpiresOn: day(60) } },
    );
    expect(createPooledOrder).toMatchObject({ status: 'DRAFT', supplier: candidate.item.supplier, savings: candidate.savings, savingsPercent: candidate.savingsPercent });
    expect(createPooledOrder.participants.map((p: any) => p.code).sort()).toEqual(['AL', 'HR', 'XK']);
    const [line] = createPooledOrder.lines;
    expect(line).toMatchObject({ item: { nsn: ITEM.JLTV }, quantity: candidate.combinedQuantity, unitPrice: candidate.unitPrice });
    for (const m of candidate.members) {
      const allocation = line.allocations.find((a: any) => a.country.code === m.country.code);
      expect(allocation).toMatchObject({ quantity: m.quantity, requirement: { id: m.requirement.id, countryCode: m.country.code, remainingQuantity: 0 } });
      expect(createPooledOrder.savingsByCountry.find((s: any) => s.country.code === m.country.code).savings).toEqual(m.savings);
    }
    const after = await ask(CANDIDATES);
    expect(after.poolingCandidates.map((c: any) => c.item.nsn)).not.toContain(ITEM.JLTV);
  });

  it('refuses an item nobody pools, and a member outside the candidate, writing nothing', async () => {
    const before = await sql(suite.federation.procurement.service.dataSource, 'SELECT COUNT(*) AS n FROM joint_order');
    const create = (country: string, nsn: string) =>
      suite.federation.query(`mutation($input: PooledOrderInput!) { createPooledOrder(country: "${country}", input: $input) { id } }`, { input: { nsn, caseReference: 'XK-B-ZPQ', offerExpiresOn: day(60) } });
    expect((await create('XK', ITEM.M4A1)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_A_POOLING_CANDIDATE', field: 'nsn' });
    expect((await create('AL', ITEM.SWITCHBLADE)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_A_POOLING_CANDIDATE', field: 'country', country: 'AL' });
    expect(await sql(suite.federation.procurement.service.dataSource, 'SELECT COUNT(*) AS n FROM joint_order')).toEqual(before);
  });
});
