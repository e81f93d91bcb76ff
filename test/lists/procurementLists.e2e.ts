/**
 * The procurement subgraph's paged lists and filters, through the real
 * gateway over HTTP on the demo data, with procurement's clock fixed on the
 * demo's day (late deliveries and days overdue are deterministic). Every
 * expectation is computed from the database with SQL, never typed in.
 */
import { parseAmount } from '../../lib/money';
import { dayNumber } from '../../lib/time/calendarDays';
/** The demo day these tests seed on (the demo is dated from it). */
const DEMO_TODAY = '2026-10-01';
import { Federation, startFederation } from '../testkit/federation';

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation({ now: () => new Date(`${DEMO_TODAY}T12:00:00Z`) });
}, 240_000);

afterAll(() => federation?.stop());

const rows = async <Row = Record<string, any>>(text: string, parameters: unknown[] = []): Promise<Row[]> =>
  (await federation.procurement.service.dataSource.query(text, parameters)) as Row[];

/** Asks the gateway and fails on any error. */
async function ask<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { data, errors } = await federation.query<T>(query, variables);
  expect(errors).toBeUndefined();
  return data as T;
}

const ORDERS_PAGE = `query ($first: Int!, $after: String, $status: JointOrderStatus, $participant: ID, $reference: String, $nsn: ID) {
  jointOrdersPage(first: $first, after: $after, status: $status, participant: $participant, reference: $reference, nsn: $nsn) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id reference }
  }
}`;

/** Every page of jointOrdersPage, `first` at a time: the ids in order, the totals and page sizes seen. */
async function allOrderPages(first: number, filter: Record<string, unknown> = {}) {
  const ids: string[] = [];
  const sizes: number[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const { jointOrdersPage: p }: any = await ask(ORDERS_PAGE, { first, after, ...filter });
    expect(p.edges.map((e: any) => e.node.id)).toEqual(p.nodes.map((n: any) => n.id));
    expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
    ids.push(...p.nodes.map((n: any) => n.id));
    sizes.push(p.nodes.length);
    totals.add(p.totalCount);
    if (!p.pageInfo.hasNextPage) return { ids, sizes, totals: [...totals], lastCursor: p.pageInfo.endCursor as string | null };
    after = p.pageInfo.endCursor;
  }
  throw new Error('more than 50 pages');
}

const idsOf = (list: Array<{ id: unknown }>) => list.map((row) => String(row.id));

describe('jointOrdersPage: cursor pagination', () => {
  it('first page, next page, the end: every order once, newest first, the total on every page', async () => {
    const expected = idsOf(await rows('SELECT id FROM joint_order ORDER BY id DESC'));
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const paged = await allOrderPages(3);
    expect(paged.ids).toEqual(expected);
    expect(paged.totals).toEqual([expected.length]);
    expect(paged.sizes).toEqual([3, expected.length - 3]);

    const { jointOrdersPage: first } = await ask(ORDERS_PAGE, { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const { jointOrdersPage: second } = await ask(ORDERS_PAGE, { first: 2, after: first.pageInfo.endCursor });
    expect(idsOf(second.nodes)).toEqual(expected.slice(2, 4));
    // A cursor from the middle of a page starts right after that entry.
    const { jointOrdersPage: fromEdge } = await ask(ORDERS_PAGE, { first: 2, after: first.edges[0].cursor });
    expect(idsOf(fromEdge.nodes)).toEqual(expected.slice(1, 3));
  });

  it('past the end: an empty page, no next page, no cursor, the same total', async () => {
    const { lastCursor, ids } = await allOrderPages(100);
    const { jointOrdersPage: past } = await ask(ORDERS_PAGE, { first: 5, after: lastCursor });
    expect(past).toEqual({ totalCount: ids.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: [], nodes: [] });
  });

  it('an order created after a page was read does not shift the next page (keyset, not offset)', async () => {
    const { jointOrdersPage: first } = await ask(ORDERS_PAGE, { first: 2 });
    const expectedNext = idsOf(await rows('SELECT id FROM joint_order WHERE id < ? ORDER BY id DESC', [Number(first.nodes[1].id)])).slice(0, 2);
    // The acting member in lower case, too: it acts as XK.
    const created = await federation.query(
      `mutation { createJointOrder(country: "xk", input: { title: "Paging probe", supplier: "Colt Defense", caseReference: "XK-P-PAG", model: COORDINATED_NATIONAL, offerExpiresOn: "2027-06-30" }) { id createdBy { code } } }`,
      {},
      { as: 'procurement' },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createJointOrder.createdBy.code).toBe('XK');
    const { jointOrdersPage: second } = await ask(ORDERS_PAGE, { first: 2, after: first.pageInfo.endCursor });
    expect(idsOf(second.nodes)).toEqual(expectedNext);
  });

  it('pages in SQL: one LIMITed statement per page, a COUNT only when totalCount is asked for', async () => {
    const statements = federation.procurement.service.statements;
    const measure = async (selection: string) => {
      statements.reset();
      await ask(`{ jointOrdersPage(first: 2) { ${selection} } }`);
      return statements.recorded.filter((text) => /joint_order/i.test(text));
    };
    const page = await measure('nodes { id }');
    expect(page).toHaveLength(1);
    expect(page[0]).toMatch(/LIMIT/i);
    const counted = await measure('totalCount nodes { id }');
    expect(counted).toHaveLength(2);
    expect(counted.filter((text) => /COUNT\(/i.test(text))).toHaveLength(1);
  });

  it('refuses a page larger than the documented maximum, naming `first`, and a made-up or foreign cursor, naming `after`', async () => {
    for (const first of [101, 0, -1]) {
      const { data, errors } = await federation.query(ORDERS_PAGE, { first });
      expect(data?.jointOrdersPage ?? null).toBeNull();
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(errors?.[0].message).toContain('1 to 100');
    }
    const { catalogPage } = await ask('{ catalogPage(first: 1) { pageInfo { endCursor } } }');
    for (const after of ['not-a-cursor', 'eyJ4IjoxfQ', catalogPage.pageInfo.endCursor, Buffer.from('["jointOrders","7"]').toString('base64url')]) {
      const { errors } = await federation.query(ORDERS_PAGE, { first: 2, after });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect(errors?.[0].message).toContain('cursor of jointOrders');
    }
  });
});

describe('joint order filters and lookup', () => {
  it('by status, participant (any case), reference (any case) and NSN: the orders SQL finds, on the page and the plain list alike', async () => {
    const [some] = await rows<{ id: number; reference: string; status: string }>('SELECT id, reference, status FROM joint_order ORDER BY id LIMIT 1');
    const [line] = await rows<{ nsn: string }>('SELECT nsn FROM order_line ORDER BY id LIMIT 1');
    const cases: Array<[Record<string, unknown>, string, unknown[]]> = [
      [{ status: some.status }, 'SELECT id FROM joint_order WHERE status = ? ORDER BY id DESC', [some.status]],
      [{ participant: 'al' }, 'SELECT id FROM joint_order WHERE id IN (SELECT order_id FROM order_participant WHERE country_code = ?) ORDER BY id DESC', ['AL']],
      [{ reference: some.reference.toLowerCase() }, 'SELECT id FROM joint_order WHERE reference = ? ORDER BY id DESC', [some.reference]],
      [{ nsn: line.nsn }, 'SELECT id FROM joint_order WHERE id IN (SELECT order_id FROM order_line WHERE nsn = ?) ORDER BY id DESC', [line.nsn]],
      [{ participant: 'Hr', nsn: line.nsn }, 'SELECT id FROM joint_order WHERE id IN (SELECT order_id FROM order_participant WHERE country_code = ?) AND id IN (SELECT order_id FROM order_line WHERE nsn = ?) ORDER BY id DESC', ['HR', line.nsn]],
    ];
    for (const [filter, text, parameters] of cases) {
      const expected = idsOf(await rows(text, parameters));
      expect(expected.length).toBeGreaterThan(0);
      const paged = await allOrderPages(1, filter);
      expect([filter, paged.ids, paged.totals]).toEqual([filter, expected, [expected.length]]);
      const { jointOrders } = await ask('query ($status: JointOrderStatus, $participant: ID, $reference: String, $nsn: ID) { jointOrders(status: $status, participant: $participant, reference: $reference, nsn: $nsn) { id } }', filter);
      expect([filter, idsOf(jointOrders)]).toEqual([filter, expected]);
    }
  });

  it("Country.jointOrdersPage: a member's own orders, a page at a time, filtered like the root list", async () => {
    for (const code of ['XK', 'AL', 'HR']) {
      const [{ status }] = await rows<{ status: string }>('SELECT status FROM joint_order WHERE id IN (SELECT order_id FROM order_participant WHERE country_code = ?) ORDER BY id LIMIT 1', [code]);
      for (const filter of [{}, { status }]) {
        const where = 'status' in filter ? 'AND status = ?' : '';
        const expected = idsOf(await rows(`SELECT id FROM joint_order WHERE id IN (SELECT order_id FROM order_participant WHERE country_code = ?) ${where} ORDER BY id DESC`, [code, ...Object.values(filter)]));
        const seen: string[] = [];
        let after: string | null = null;
        do {
          const { country }: any = await ask('query ($c: ID!, $after: String, $status: JointOrderStatus) { country(code: $c) { jointOrdersPage(first: 1, after: $after, status: $status) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }', { c: code.toLowerCase(), after, ...filter });
          expect(country.jointOrdersPage.totalCount).toBe(expected.length);
          seen.push(...idsOf(country.jointOrdersPage.nodes));
          after = country.jointOrdersPage.pageInfo.hasNextPage ? country.jointOrdersPage.pageInfo.endCursor : null;
        } while (after);
        expect([code, filter, seen]).toEqual([code, filter, expected]);
      }
    }
  });

  it('refuses a malformed NSN or member code, naming the argument', async () => {
    for (const [filter, field] of [[{ nsn: '1005-01' }, 'nsn'], [{ participant: 'ALB' }, 'participant']] as const) {
      const { errors } = await federation.query(ORDERS_PAGE, { first: 5, ...filter });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('jointOrder(reference:) finds the order jointOrder(id:) finds, in any case; neither or both is refused', async () => {
    const [order] = await rows<{ id: number; reference: string }>('SELECT id, reference FROM joint_order ORDER BY id DESC LIMIT 1');
    const byReference = await ask('query ($r: String) { jointOrder(reference: $r) { id reference } }', { r: order.reference.toLowerCase() });
    expect(byReference.jointOrder).toEqual({ id: String(order.id), reference: order.reference });
    const byId = await ask('query ($id: ID) { jointOrder(id: $id) { id reference } }', { id: String(order.id) });
    expect(byId).toEqual(byReference);
    expect((await ask('{ jointOrder(reference: "JPO-1999-0001") { id } }')).jointOrder).toBeNull();
    for (const args of ['', `(id: "${order.id}", reference: "${order.reference}")`]) {
      const { errors } = await federation.query(`{ jointOrder${args} { id } }`);
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0].message).toMatch(/id or the reference/);
    }
  });
});

describe('deliveries across orders', () => {
  /** What the database says is late, with its days overdue (the same SQL on both backends). */
  async function lateFromDatabase(country?: string) {
    const all = await rows<{ id: number; country_code: string; planned_date: string; delivered_date: string | null }>(
      `SELECT id, country_code, planned_date, delivered_date FROM delivery ${country ? 'WHERE country_code = ?' : ''} ORDER BY planned_date, id`,
      country ? [country] : [],
    );
    const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
    return all
      .map((d) => ({ id: String(d.id), planned: day(d.planned_date), delivered: d.delivered_date ? day(d.delivered_date) : null, country: d.country_code }))
      .filter((d) => (d.delivered ? d.delivered > d.planned : d.planned < DEMO_TODAY))
      .map((d) => ({ id: d.id, country: { code: d.country }, daysOverdue: dayNumber(d.delivered ?? DEMO_TODAY) - dayNumber(d.planned) }));
  }

  const LATE = `query ($country: ID, $first: Int!, $after: String) {
    deliveries(late: true, country: $country, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id late daysOverdue country { code } }
    }
  }`;

  it('late: true, every member: the late deliveries, longest overdue first, with days overdue by the procurement clock', async () => {
    const expected = await lateFromDatabase();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.every((d) => d.daysOverdue > 0)).toBe(true);
    const { deliveries } = await ask(LATE, { first: 100 });
    expect(deliveries.totalCount).toBe(expected.length);
    expect(deliveries.nodes.map(({ id, country, daysOverdue }: any) => ({ id, country, daysOverdue }))).toEqual(expected);
    expect(deliveries.nodes.every((d: any) => d.late)).toBe(true);
  });

  it('late: true for one member (code in any case), a page at a time', async () => {
    for (const code of ['HR', 'AL', 'XK']) {
      const expected = await lateFromDatabase(code);
      const seen: unknown[] = [];
      let after: string | null = null;
      do {
        const { deliveries }: any = await ask(LATE, { country: code.toLowerCase(), first: 1, after });
        expect(deliveries.totalCount).toBe(expected.length);
        seen.push(...deliveries.nodes.map(({ id, country, daysOverdue }: any) => ({ id, country, daysOverdue })));
        after = deliveries.pageInfo.hasNextPage ? deliveries.pageInfo.endCursor : null;
      } while (after);
      expect([code, seen]).toEqual([code, expected]);
    }
  });

  it('late: false is the rest, each with 0 days overdue', async () => {
    const [{ total }] = await rows<{ total: number }>('SELECT COUNT(*) AS total FROM delivery');
    const late = await lateFromDatabase();
    const { deliveries } = await ask('{ deliveries(late: false, first: 100) { totalCount nodes { id late daysOverdue } } }');
    expect(deliveries.totalCount).toBe(Number(total) - late.length);
    expect(deliveries.nodes.every((d: any) => !d.late && d.daysOverdue === 0)).toBe(true);
    expect(deliveries.nodes.map((d: any) => d.id)).toEqual(expect.not.arrayContaining(late.map((d) => d.id)));
  });
});

describe('savingsPercent', () => {
  /** `percent` (two decimals) is savings / individual × 100 rounded to the nearest hundredth: |p·individual − savings·10000| ≤ individual / 2. */
  function expectPercentOf(percent: string, savings: string, individual: string) {
    expect(percent).toMatch(/^-?\d+\.\d{2}$/);
    const [p, s, i] = [parseAmount(percent), parseAmount(savings), parseAmount(individual)];
    if (i === 0n) return expect(percent).toBe('0.00');
    const error = p * i - s * 10000n;
    expect(2n * (error < 0n ? -error : error) <= i).toBe(true);
  }

  it('on every order and per member equals savings over the cost alone, in percent', async () => {
    const { jointOrders } = await ask('{ jointOrders { savings { amount } individualValue { amount } savingsPercent savingsByCountry { savings { amount } individual { amount } savingsPercent } } }');
    let nonZero = 0;
    for (const order of jointOrders) {
      expectPercentOf(order.savingsPercent, order.savings.amount, order.individualValue.amount);
      for (const member of order.savingsByCountry) expectPercentOf(member.savingsPercent, member.savings.amount, member.individual.amount);
      if (order.savingsPercent !== '0.00') nonZero++;
    }
    expect(nonZero).toBeGreaterThan(0);
  });
});

describe('catalogPage', () => {
  it('pages the catalogue by NSN, with a category filter, as the plain list orders it', async () => {
    const { catalog } = await ask('{ catalog { nsn category } }');
    const category = catalog[0].category;
    for (const filter of [{}, { category }]) {
      const expected = catalog.filter((c: any) => !('category' in filter) || c.category === category).map((c: any) => c.nsn);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const { catalogPage }: any = await ask('query ($after: String, $category: String) { catalogPage(first: 4, after: $after, category: $category) { totalCount pageInfo { hasNextPage endCursor } nodes { nsn } } }', { after, ...filter });
        expect(catalogPage.totalCount).toBe(expected.length);
        seen.push(...catalogPage.nodes.map((n: any) => n.nsn));
        after = catalogPage.pageInfo.hasNextPage ? catalogPage.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(expected);
    }
  });
});

describe('member codes in any case', () => {
  it('routes "xk" to XK and answers every code in capitals', async () => {
    const data = await ask('{ ministry(country: "xk") { name } holdings(country: "Al") { countryCode } country(code: "hr") { code name } }');
    const [ministry] = (await federation.members.XK.service.dataSource.query('SELECT name FROM ministry')) as Array<{ name: string }>;
    expect(data.ministry.name).toBe(ministry.name);
    expect(new Set(data.holdings.map((h: any) => h.countryCode))).toEqual(new Set(['AL']));
    expect(data.country.code).toBe('HR');
  });
});
