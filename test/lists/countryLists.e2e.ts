/**
 * The country subgraph's paged lists through the real gateway over HTTP: each
 * member's own service and database, routed by the member code (in any case),
 * paged per member. Expectations come from each member's database with SQL.
 */
import { CATALOG } from '../../lib/reference/catalog';
import { Federation, startFederation } from '../testkit/federation';

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation();
}, 240_000);

afterAll(() => federation?.stop());

const rowsOf = async (member: string, text: string, parameters: unknown[] = []): Promise<Array<Record<string, any>>> =>
  (await federation.members[member].service.dataSource.query(text, parameters)) as Array<Record<string, any>>;

const idsOf = (rows: Array<Record<string, any>>) => rows.map((row) => String(row.id));

async function ask<T = any>(query: string, variables: Record<string, unknown> = {}, as?: Parameters<Federation['query']>[2]): Promise<T> {
  const { data, errors } = await federation.query<T>(query, variables, as);
  expect(errors).toBeUndefined();
  return data as T;
}

/** Every page of a root list of one member, `first` at a time: ids in order, the totals and page sizes seen. */
async function allPages(field: 'holdingsPage' | 'requirementsPage', country: string, first: number, filter: Record<string, unknown> = {}) {
  const ids: string[] = [];
  const sizes: number[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const args = Object.keys(filter).map((name) => `, ${name}: $${name}`).join('');
    const types = Object.keys(filter).map((name) => `, $${name}: ${name === 'nsn' ? 'ID' : name === 'status' ? 'RequirementStatus' : name === 'priority' ? 'Priority' : 'String'}`).join('');
    const data: any = await ask(
      `query ($country: ID!, $first: Int!, $after: String${types}) { page: ${field}(country: $country, first: $first, after: $after${args}) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id countryCode } } nodes { id } } }`,
      { country, first, after, ...filter },
    );
    const p = data.page;
    expect(p.edges.map((e: any) => e.node.id)).toEqual(p.nodes.map((n: any) => n.id));
    expect(new Set(p.edges.map((e: any) => e.node.countryCode))).toEqual(new Set(p.nodes.length ? [country.toUpperCase()] : []));
    ids.push(...idsOf(p.nodes));
    sizes.push(p.nodes.length);
    totals.add(p.totalCount);
    if (!p.pageInfo.hasNextPage) return { ids, sizes, totals: [...totals], lastCursor: p.pageInfo.endCursor as string | null };
    after = p.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

describe('holdingsPage and requirementsPage, per member', () => {
  it('pages every member\'s holdings from its own database: first page, next pages, the end, the total on each', async () => {
    for (const member of ['XK', 'AL', 'HR']) {
      const expected = idsOf(await rowsOf(member, 'SELECT id FROM holding WHERE country_code = ? ORDER BY id', [member]));
      expect(expected.length).toBeGreaterThan(3);
      const paged = await allPages('holdingsPage', member.toLowerCase(), 3);
      expect([member, paged.ids, paged.totals]).toEqual([member, expected, [expected.length]]);
      expect(paged.sizes.slice(0, -1).every((size) => size === 3)).toBe(true);
      const past: any = await ask('query ($c: ID!, $after: String) { holdingsPage(country: $c, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }', { c: member, after: paged.lastCursor });
      expect(past.holdingsPage).toEqual({ totalCount: expected.length, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    }
  });

  it('filters holdings by NSN and by category, as SQL does', async () => {
    const [{ nsn, category }] = await rowsOf('HR', 'SELECT nsn, category FROM holding WHERE country_code = ? ORDER BY id LIMIT 1', ['HR']);
    for (const [filter, where, value] of [[{ nsn }, 'nsn = ?', nsn], [{ category }, 'category = ?', category]] as const) {
      const expected = idsOf(await rowsOf('HR', `SELECT id FROM holding WHERE country_code = 'HR' AND ${where} ORDER BY id`, [value]));
      expect(expected.length).toBeGreaterThan(0);
      const paged = await allPages('holdingsPage', 'Hr', 2, filter);
      expect([filter, paged.ids, paged.totals]).toEqual([filter, expected, [expected.length]]);
    }
  });

  it('filters requirements by status, priority, NSN and category (its items in the catalogue)', async () => {
    const [first] = await rowsOf('AL', "SELECT status, priority, nsn FROM requirement WHERE country_code = 'AL' ORDER BY id LIMIT 1");
    const category = CATALOG.find((item) => item.nsn === first.nsn)!.category;
    const categoryNsns = CATALOG.filter((item) => item.category === category).map((item) => item.nsn);
    const cases: Array<[Record<string, unknown>, string, unknown[]]> = [
      [{}, '1 = 1', []],
      [{ status: first.status }, 'status = ?', [first.status]],
      [{ priority: first.priority }, 'priority = ?', [first.priority]],
      [{ nsn: first.nsn }, 'nsn = ?', [first.nsn]],
      [{ category }, `nsn IN (${categoryNsns.map(() => '?').join(', ')})`, categoryNsns],
      [{ status: first.status, category }, `status = ? AND nsn IN (${categoryNsns.map(() => '?').join(', ')})`, [first.status, ...categoryNsns]],
    ];
    for (const [filter, where, parameters] of cases) {
      const expected = idsOf(await rowsOf('AL', `SELECT id FROM requirement WHERE country_code = 'AL' AND ${where} ORDER BY id`, parameters));
      expect(expected.length).toBeGreaterThan(0);
      const paged = await allPages('requirementsPage', 'al', 2, filter);
      expect([filter, paged.ids, paged.totals]).toEqual([filter, expected, [expected.length]]);
    }
  });

  it('Country.holdingsPage across members: each member pages its own records, merged into one answer', async () => {
    const { data, errors } = await federation.query('{ members { code holdingsPage(first: 2) { totalCount nodes { countryCode } } requirementsPage(first: 1) { totalCount } } }');
    // BG is in the registry but runs no service in this federation: only its part fails.
    expect(new Set(errors?.map((e) => `${e.extensions?.code} ${e.extensions?.country}`))).toEqual(new Set(['UNKNOWN_MEMBER BG']));
    const served = data.members.filter((m: any) => m.code in federation.members);
    expect(served.map((m: any) => m.code).sort()).toEqual(['AL', 'HR', 'XK']);
    for (const member of served) {
      const [{ holdings }] = await rowsOf(member.code, 'SELECT COUNT(*) AS holdings FROM holding WHERE country_code = ?', [member.code]);
      const [{ requirements }] = await rowsOf(member.code, 'SELECT COUNT(*) AS requirements FROM requirement WHERE country_code = ?', [member.code]);
      expect(member.holdingsPage.totalCount).toBe(Number(holdings));
      expect(member.holdingsPage.nodes.map((n: any) => n.countryCode)).toEqual([member.code, member.code]);
      expect(member.requirementsPage.totalCount).toBe(Number(requirements));
    }
  });

  it('refuses a page beyond the maximum, a malformed NSN, an unknown category and a foreign cursor, naming the argument and the member', async () => {
    const { requirementsPage } = await ask('{ requirementsPage(country: "XK", first: 1) { pageInfo { endCursor } } }');
    const cases: Array<[string, string]> = [
      ['holdingsPage(country: "xk", first: 101)', 'first'],
      ['holdingsPage(country: "XK", nsn: "12")', 'nsn'],
      ['holdingsPage(country: "XK", category: "LASERS")', 'category'],
      [`holdingsPage(country: "XK", after: "${requirementsPage.pageInfo.endCursor}")`, 'after'],
    ];
    for (const [field, argument] of cases) {
      const { data, errors } = await federation.query(`{ ${field} { totalCount } }`);
      expect(data?.holdingsPage ?? null).toBeNull();
      expect([field, errors?.[0].extensions]).toEqual([field, expect.objectContaining({ code: 'BAD_USER_INPUT', field: argument, country: 'XK' })]);
    }
  });
});

describe('auditEntries as a connection', () => {
  it('totalCount, pageInfo, edges and nodes beside the deprecated entries/endCursor/hasNextPage, which answer the same', async () => {
    await ask('mutation { setMinistry(country: "xk", input: { name: "Ministry of Defence", minister: "Ejup Maqedonci", headquarters: "Pristina" }) { name } }', {}, { as: 'ministry:XK' });
    await ask('mutation { setBudget(country: "XK", input: { year: 2031, defenceTotal: "200.00", procurement: "50.00", currency: "EUR" }) { year } }', {}, { as: 'ministry:XK' });
    const expected = idsOf(await rowsOf('XK', "SELECT id FROM audit_entry WHERE country_code = 'XK' ORDER BY id DESC"));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const query = `query ($after: String) { auditEntries(country: "xk", first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id } entries { id } endCursor hasNextPage } }`;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { auditEntries: page }: any = await ask(query, { after }, { as: 'ministry:XK' });
      expect(page.totalCount).toBe(expected.length);
      expect(page.entries).toEqual(page.nodes);
      expect([page.endCursor, page.hasNextPage]).toEqual([page.pageInfo.endCursor, page.pageInfo.hasNextPage]);
      expect(page.edges.map((e: any) => e.node)).toEqual(page.nodes);
      seen.push(...idsOf(page.nodes));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
  });

  it('keeps its documented maximum of 500', async () => {
    await ask('{ auditEntries(country: "XK", first: 500) { totalCount } }', {}, { as: 'procurement' });
    const { errors } = await federation.query('{ auditEntries(country: "XK", first: 501) { totalCount } }', {}, { as: 'procurement' });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', country: 'XK' });
    expect(errors?.[0].message).toContain('1 to 500');
  });
});
