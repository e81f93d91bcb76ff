/**
 * The analyst questions (examples/queries, the playground's saved examples)
 * through the gateway, over all four members' own databases and procurement's.
 * Each answer is checked against what the databases hold, read directly with
 * SQL. Then one member is stopped mid-suite: every question still answers
 * everything else, names that member in its errors, and answers in full again
 * once the member is back.
 */
import { formatAmount } from '../../lib/money';
import { Federation, startFederation } from '../../test/testkit/federation';
import { signedGraphQL } from '../../test/testkit/signedFetch';
import { exampleNames, minor, runExample, sql, withNullsAt } from './support';

const TODAY = '2026-10-01';

let federation: Federation;
let placedOrderId: string;

beforeAll(async () => {
  federation = await startFederation({ members: ['XK', 'AL', 'HR', 'BG'], now: () => new Date(`${TODAY}T12:00:00Z`) });
  const [placed] = await sql(federation.procurement.service.dataSource, `SELECT id FROM joint_order WHERE status = 'DELIVERING'`);
  placedOrderId = String(placed.id);
}, 240_000);

afterAll(() => federation?.stop());

const procurementDb = () => federation.procurement.service.dataSource;
const memberDb = (code: string) => federation.members[code].service.dataSource;
const codes = () => Object.keys(federation.members);

async function ministryOf(code: string): Promise<{ name: string; minister: string }> {
  const [row] = await sql<{ name: string; minister: string }>(memberDb(code), 'SELECT name, minister FROM ministry WHERE country_code = ?', [code]);
  return row;
}

/** Per member: what it pays jointly, alone, and saves on an order, from the agreed prices stored at placement. */
async function savingsFromDatabase(orderId: string): Promise<Record<string, { committed: string; individual: string; savings: string }>> {
  const rows = await sql(
    procurementDb(),
    `SELECT a.country_code, a.quantity, l.agreed_unit_price_minor AS joint_price, a.agreed_individual_unit_price_minor AS alone_price
       FROM allocation a JOIN order_line l ON l.id = a.line_id WHERE a.order_id = ?`,
    [orderId],
  );
  const totals = new Map<string, { committed: bigint; individual: bigint }>();
  for (const row of rows) {
    const t = totals.get(row.country_code) ?? { committed: 0n, individual: 0n };
    t.committed += minor(row.quantity) * minor(row.joint_price);
    t.individual += minor(row.quantity) * minor(row.alone_price);
    totals.set(row.country_code, t);
  }
  return Object.fromEntries(
    [...totals].map(([code, t]) => [code, { committed: formatAmount(t.committed), individual: formatAmount(t.individual), savings: formatAmount(t.individual - t.committed) }]),
  );
}

/** A member's budgets by year, as the graph answers `budgets { year procurement { amount currency } }`. */
async function budgetsFromDatabase(code: string): Promise<{ year: number; procurement: { amount: string; currency: string } }[]> {
  const rows = await sql(memberDb(code), 'SELECT year, currency, procurement_minor FROM budget WHERE country_code = ? ORDER BY year', [code]);
  return rows.map((row) => ({ year: Number(row.year), procurement: { amount: formatAmount(minor(row.procurement_minor)), currency: row.currency } }));
}

describe('the analyst questions, answered across every member', () => {
  it('savings per member on the placed order: joint cost, cost alone and savings from the agreed prices', async () => {
    const { data, errors } = await runExample(federation, 'savings-per-member', { id: placedOrderId });
    expect(errors).toBeUndefined();
    const expected = await savingsFromDatabase(placedOrderId);
    const names = Object.fromEntries((await sql(procurementDb(), 'SELECT code, name FROM member')).map((m) => [m.code, m.name]));
    const answered = Object.fromEntries(
      data.jointOrder.savingsByCountry.map((s: any) => [s.country.code, { name: s.country.name, committed: s.committed.amount, individual: s.individual.amount, savings: s.savings.amount }]),
    );
    expect(answered).toEqual(Object.fromEntries(Object.entries(expected).map(([code, e]) => [code, { name: names[code], ...e }])));
    expect(Object.keys(answered).length).toBeGreaterThanOrEqual(2);
  });

  it('late deliveries, each with the name of the ministry receiving it', async () => {
    const { data, errors } = await runExample(federation, 'late-deliveries');
    expect(errors).toBeUndefined();
    const deliveries = await sql(procurementDb(), 'SELECT id, country_code, planned_date, delivered_date FROM delivery');
    const late = deliveries.filter((d) => (d.delivered_date ? d.delivered_date > d.planned_date : d.planned_date < TODAY));
    const expected = await Promise.all(late.map(async (d) => ({ id: String(d.id), code: d.country_code, ministry: (await ministryOf(d.country_code)).name })));
    const answered = data.jointOrders
      .flatMap((o: any) => o.deliveries)
      .filter((d: any) => d.late)
      .map((d: any) => ({ id: d.id, code: d.country.code, ministry: d.country.ministry.name }));
    const byId = (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id);
    expect(answered.sort(byId)).toEqual(expected.sort(byId));
    expect(expected.length).toBeGreaterThan(0);
  });

  it('the members that have not yet approved an order in approval, with their ministry and minister', async () => {
    const { data, errors } = await runExample(federation, 'approvals-awaited');
    expect(errors).toBeUndefined();
    const expected: Array<{ order: string; code: string; name: string; minister: string }> = [];
    for (const order of await sql(procurementDb(), `SELECT id, reference, version FROM joint_order WHERE status = 'IN_APPROVAL'`)) {
      const standing = new Map<string, string>();
      for (const a of await sql(procurementDb(), 'SELECT country_code, decision FROM approval WHERE order_id = ? AND version = ? ORDER BY id', [order.id, order.version])) {
        standing.set(a.country_code, a.decision);
      }
      for (const [code, decision] of standing) {
        if (decision === 'APPROVED') continue;
        const { name, minister } = await ministryOf(code);
        expected.push({ order: order.reference, code, name, minister });
      }
    }
    const answered = data.jointOrders.flatMap((o: any) =>
      o.currentApprovals
        .filter((a: any) => a.decision !== 'APPROVED')
        .map((a: any) => ({ order: o.reference, code: a.country.code, name: a.country.ministry.name, minister: a.country.ministry.minister })),
    );
    expect(answered).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it("each member's procurement budget of every year on record next to its committed total", async () => {
    const { data, errors } = await runExample(federation, 'budget-vs-committed');
    expect(errors).toBeUndefined();
    const direct = await signedGraphQL(federation.procurement.url, '{ members { code totalCommitted { amount currency } } }');
    const committed = Object.fromEntries(((await direct.json()) as any).data.members.map((m: any) => [m.code, m.totalCommitted]));
    const expected = await Promise.all(codes().map(async (code) => ({ code, committed: committed[code], budgets: await budgetsFromDatabase(code) })));
    const answered = data.members.map((m: any) => ({ code: m.code, committed: m.totalCommitted, budgets: m.budgets }));
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect(answered.sort(byCode)).toEqual(expected.sort(byCode));
    expect(expected.every((m) => m.budgets.length > 0)).toBe(true);
  });

  it('CRITICAL requirements that no allocation serves yet (one of them just created, shared and linked to an allocation)', async () => {
    // XK records a CRITICAL requirement for first-aid kits, shares it with procurement and links its draft allocation of them to it, through the gateway.
    const [allocation] = await sql(
      procurementDb(),
      `SELECT a.id, a.quantity, l.nsn FROM allocation a JOIN joint_order o ON o.id = a.order_id JOIN order_line l ON l.id = a.line_id WHERE o.status = 'DRAFT' AND a.country_code = 'XK' ORDER BY a.id`,
    );
    const created = await federation.query(
      'mutation New($input: CreateRequirementInput!) { createRequirement(country: "XK", input: $input) { id reference quantity neededBy status item { nsn } } }',
      { input: { nsn: allocation.nsn, quantity: allocation.quantity, priority: 'CRITICAL', neededBy: '2027-03-31', justification: 'Casualty care for the rotation to the eastern flank.' } },
    );
    expect(created.errors).toBeUndefined();
    const requirement = created.data.createRequirement;
    const shared = await federation.query('mutation Share($r: [SharedRequirementInput!]!) { shareRequirements(country: "XK", requirements: $r) { id } }', {
      r: [{ id: requirement.id, reference: requirement.reference, nsn: requirement.item.nsn, quantity: requirement.quantity, neededBy: requirement.neededBy, status: requirement.status }],
    });
    expect(shared.errors).toBeUndefined();
    const linked = await federation.query(
      'mutation Link($allocation: ID!, $requirement: ID!) { updateAllocation(country: "XK", allocationId: $allocation, requirementId: $requirement) { id requirement { id countryCode priority } } }',
      { allocation: String(allocation.id), requirement: String(requirement.id) },
    );
    expect(linked.errors).toBeUndefined();
    expect(linked.data.updateAllocation.requirement).toEqual({ id: String(requirement.id), countryCode: 'XK', priority: 'CRITICAL' });

    const { data, errors } = await runExample(federation, 'critical-requirements-unallocated');
    expect(errors).toBeUndefined();
    const served = new Set((await sql(procurementDb(), 'SELECT country_code, requirement_id FROM allocation WHERE requirement_id IS NOT NULL')).map((a) => `${a.country_code}/${a.requirement_id}`));
    const expected: string[] = [];
    for (const code of codes()) {
      for (const r of await sql(memberDb(code), `SELECT id FROM requirement WHERE country_code = ? AND priority = 'CRITICAL'`, [code])) {
        if (!served.has(`${code}/${r.id}`)) expected.push(`${code}/${r.id}`);
      }
    }
    const answered = data.members.flatMap((m: any) => m.requirements.filter((r: any) => r.allocations.length === 0).map((r: any) => `${m.code}/${r.id}`));
    expect(answered.sort()).toEqual(expected.sort());
    expect(answered).not.toContain(`XK/${requirement.id}`);
    expect(expected.length).toBeGreaterThan(0);
  });

  it.each([undefined, 'SMALL_ARMS'])('holdings per category across all members (category %s)', async (category) => {
    const { data, errors } = await runExample(federation, 'holdings-by-category', { category });
    expect(errors).toBeUndefined();
    const expected: Record<string, number> = {};
    for (const code of codes()) {
      const rows = await sql(memberDb(code), 'SELECT category, SUM(quantity) AS total FROM holding WHERE country_code = ? GROUP BY category', [code]);
      for (const row of rows) if (!category || row.category === category) expected[`${code}/${row.category}`] = Number(row.total);
    }
    const answered: Record<string, number> = {};
    for (const member of data.members) {
      for (const h of member.holdings) answered[`${member.code}/${h.category}`] = (answered[`${member.code}/${h.category}`] ?? 0) + h.quantity;
    }
    expect(answered).toEqual(expected);
  });

  it("every member's name and the catalogue name of every item it holds, in one request", async () => {
    const { data, errors } = await runExample(federation, 'members-holdings');
    expect(errors).toBeUndefined();
    const catalogue = Object.fromEntries((await sql(procurementDb(), 'SELECT nsn, name FROM catalog_item')).map((i) => [i.nsn, i.name]));
    const expected: Record<string, string[]> = {};
    for (const m of await sql(procurementDb(), 'SELECT code, name FROM member')) {
      const holdings = await sql(memberDb(m.code), 'SELECT nsn, quantity FROM holding WHERE country_code = ?', [m.code]);
      expected[m.name] = holdings.map((h) => `${catalogue[h.nsn]} × ${h.quantity}`).sort();
    }
    const answered = Object.fromEntries(data.members.map((m: any) => [m.name, m.holdings.map((h: any) => `${h.item.name} × ${h.quantity}`).sort()]));
    expect(answered).toEqual(expected);
  });

  it("an order's savings per member next to each ministry's name and procurement budgets", async () => {
    const { data, errors } = await runExample(federation, 'order-savings-and-budgets', { id: placedOrderId });
    expect(errors).toBeUndefined();
    const savings = await savingsFromDatabase(placedOrderId);
    const expected = await Promise.all(
      Object.keys(savings)
        .sort()
        .map(async (code) => ({ code, savings: savings[code].savings, ministry: (await ministryOf(code)).name, budgets: await budgetsFromDatabase(code) })),
    );
    const answered = data.jointOrder.savingsByCountry.map((s: any) => ({
      code: s.country.code,
      savings: s.savings.amount,
      ministry: s.country.ministry.name,
      budgets: s.country.budgets,
    }));
    expect(answered).toEqual(expected); // savingsByCountry is by member code
  });
});

describe('with one member stopped mid-suite', () => {
  const STOPPED = 'HR';
  const variablesFor = (name: string) => (name.includes('savings') ? { id: placedOrderId } : undefined);
  const complete: Record<string, unknown> = {};

  beforeAll(async () => {
    for (const name of exampleNames()) complete[name] = (await runExample(federation, name, variablesFor(name))).data;
    await federation.members[STOPPED].stop();
  });

  afterAll(() => federation.members[STOPPED].start());

  it.each(exampleNames())('%s answers everything but the stopped member’s fields, and each error names that member', async (name) => {
    const { status, data, errors = [] } = await runExample(federation, name, variablesFor(name));
    expect(status).toBe(200);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({ code: 'MEMBER_UNAVAILABLE', country: STOPPED });
      expect(error.message).toContain(STOPPED);
    }
    // Exactly the fields the errors point at are missing; everything else is as complete as before.
    expect(data).toEqual(withNullsAt(complete[name], errors.map((e) => e.path!)));
  });

  it('the questions that read member data do report the stopped member', async () => {
    const { errors = [] } = await runExample(federation, 'members-holdings');
    expect(errors.map((e) => e.path)).toEqual([['members', expect.any(Number), 'holdings']]);
  });

  it('the member is back once it runs again and its circuit breaker probe answers: every question answers in full', async () => {
    await federation.members[STOPPED].start();
    // The breaker opened while the member was down; its background probe (every second) closes it.
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && JSON.stringify(federation.gateway.ready().members[STOPPED]).includes('open')) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const name of exampleNames()) {
      const { data, errors } = await runExample(federation, name, variablesFor(name));
      expect(errors).toBeUndefined();
      expect(data).toEqual(complete[name]);
    }
    expect(federation.gateway.ready().members[STOPPED]).toMatchObject({ status: 'available' });
  });
});
