import { catalogEntry } from '../../../lib/reference/catalog';
import { MEMBERS } from '../../../lib/reference/members';
import { demoHoldings } from '../seeds/demoData';
import { DEMO_DATA } from '../seeds';
import { DEMO_CALENDAR, onlyError, RunningMember, startMember } from './memberServer';

const KOSOVO = DEMO_DATA.XK;
const EXPECTED_HOLDINGS = demoHoldings(KOSOVO.formations);
const HOLDING_FIELDS = 'id countryCode category quantity unit status natoStandard item { nsn } country { code }';
const REQUIREMENT_FIELDS = 'id countryCode quantity priority neededBy status justification item { nsn } country { code }';

describe('country subgraph queries (XK, demo records)', () => {
  let xk: RunningMember;
  beforeAll(async () => {
    xk = await startMember('XK', { seed: true });
  });
  afterAll(() => xk?.stop());

  it('answers the ministry', async () => {
    const { data, errors } = await xk.gql('{ ministry(country: "XK") { name minister headquarters } }');
    expect(errors).toBeUndefined();
    expect(data.ministry).toEqual(KOSOVO.ministry);
  });

  it('lists every holding with its catalogue category, item and member', async () => {
    const { data, errors } = await xk.gql(`{ holdings(country: "XK") { ${HOLDING_FIELDS} } }`);
    expect(errors).toBeUndefined();
    const holdings = data.holdings as { id: string; category: string; item: { nsn: string }; unit: string; quantity: number; status: string; natoStandard: boolean }[];
    expect(holdings.map(({ unit, item, quantity, status, natoStandard }) => ({ unit, nsn: item.nsn, quantity, status, natoStandard }))).toEqual(
      EXPECTED_HOLDINGS.map(({ unit, nsn, quantity, status, natoStandard }) => ({ unit, nsn, quantity, status, natoStandard })),
    );
    for (const holding of data.holdings) {
      expect(holding).toMatchObject({ countryCode: 'XK', country: { code: 'XK' }, category: catalogEntry(holding.item.nsn)!.category });
    }
  });

  it('filters holdings by catalogue category in the database', async () => {
    const { data, errors } = await xk.gql('query($c: String) { holdings(country: "XK", category: $c) { category item { nsn } quantity } }', { c: 'VEHICLES' });
    expect(errors).toBeUndefined();
    const expected = EXPECTED_HOLDINGS.filter((h) => catalogEntry(h.nsn)!.category === 'VEHICLES');
    expect(expected.length).toBeGreaterThan(0);
    expect(data.holdings).toHaveLength(expected.length);
    expect(data.holdings.every((h: { category: string }) => h.category === 'VEHICLES')).toBe(true);
  });

  it('refuses a category that is not in the catalogue, naming the argument', async () => {
    const body = await xk.gql('{ holdings(country: "XK", category: "SPACESHIPS") { id } }');
    expect(onlyError(body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'category' });
    expect(body.data.holdings).toBeNull();
  });

  it('answers one holding by id, and null for an id that names none', async () => {
    const all = (await xk.gql('{ holdings(country: "XK") { id } }')).data.holdings as { id: string }[];
    const { data } = await xk.gql(`query($id: ID!) { holding(country: "XK", id: $id) { ${HOLDING_FIELDS} } }`, { id: all[3].id });
    expect(data.holding).toMatchObject({ id: all[3].id, countryCode: 'XK', unit: EXPECTED_HOLDINGS[3].unit, quantity: EXPECTED_HOLDINGS[3].quantity });
    for (const id of ['999999', 'not-an-id', '0']) {
      const missing = await xk.gql('query($id: ID!) { holding(country: "XK", id: $id) { id } }', { id });
      expect(missing).toEqual({ data: { holding: null } });
    }
  });

  it('lists requirements, filtered by status, priority or both', async () => {
    const query = 'query($s: RequirementStatus, $p: Priority) { requirements(country: "XK", status: $s, priority: $p) { status priority item { nsn } quantity } }';
    const cases: { s?: string; p?: string }[] = [{}, { s: 'SUBMITTED' }, { p: 'CRITICAL' }, { s: 'SUBMITTED', p: 'HIGH' }, { s: 'WITHDRAWN', p: 'CRITICAL' }];
    for (const filter of cases) {
      const { data, errors } = await xk.gql(query, filter);
      expect(errors).toBeUndefined();
      const expected = KOSOVO.requirements.filter((r) => (!filter.s || r.status === filter.s) && (!filter.p || r.priority === filter.p));
      expect(data.requirements).toEqual(expected.map((r) => ({ status: r.status, priority: r.priority, item: { nsn: r.nsn }, quantity: r.quantity })));
    }
  });

  it('answers one requirement with its date and justification, and null for an unknown id', async () => {
    const [first] = (await xk.gql('{ requirements(country: "XK") { id } }')).data.requirements as { id: string }[];
    const { data } = await xk.gql(`query($id: ID!) { requirement(country: "XK", id: $id) { ${REQUIREMENT_FIELDS} } }`, { id: first.id });
    const demo = KOSOVO.requirements[0];
    expect(data.requirement).toEqual({
      id: first.id,
      countryCode: 'XK',
      quantity: demo.quantity,
      priority: demo.priority,
      neededBy: DEMO_CALENDAR.day(demo.neededIn),
      status: demo.status,
      justification: demo.justification ?? null,
      item: { nsn: demo.nsn },
      country: { code: 'XK' },
    });
    expect((await xk.gql('{ requirement(country: "XK", id: "424242") { id } }')).data.requirement).toBeNull();
  });

  it("answers a year's budget as exact Money in the member's budget currency", async () => {
    const currency = MEMBERS.find((m) => m.code === 'XK')!.budgetCurrency;
    const demo = KOSOVO.budgets.find((b) => DEMO_CALENDAR.year(b.yearOffset) === 2026)!;
    const { data } = await xk.gql('{ budget(country: "XK", year: 2026) { year defenceTotal { amount currency } procurement { amount currency } } }');
    expect(data.budget).toEqual({
      year: 2026,
      defenceTotal: { amount: demo.defenceTotal, currency },
      procurement: { amount: demo.procurement, currency },
    });
  });

  it('answers null for a year without a budget, and refuses a year out of range', async () => {
    expect((await xk.gql('{ budget(country: "XK", year: 2040) { year } }')).data.budget).toBeNull();
    const body = await xk.gql('{ budget(country: "XK", year: 1850) { year } }');
    expect(onlyError(body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('lists every budget by year', async () => {
    const { data } = await xk.gql('{ budgets(country: "XK") { year procurement { amount } } }');
    expect(data.budgets).toEqual(KOSOVO.budgets.map((b) => ({ year: DEMO_CALENDAR.year(b.yearOffset), procurement: { amount: b.procurement } })));
  });
});
