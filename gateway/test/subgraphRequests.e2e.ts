/**
 * How the gateway's requests to subgraphs behave on the wire, seen from
 * something standing between them (gateway/test/fixtures/interposer.ts):
 * kept-alive connections, identical in-flight reads shared (but never across
 * identities, never for mutations), and a non-GraphQL answer (a firewall's
 * 403 page) turned into a plain "unavailable" error with nothing of the page,
 * the URL or the headers.
 *
 *   XK, procurement   real services behind an interposer each
 *   AL                real service, reached directly
 */
import { Federation, startFederation } from '../../test/testkit/federation';
import { Interposer, startInterposer } from './fixtures/interposer';

let federation: Federation;
let xk: Interposer;
let procurement: Interposer;

const MEMBERS_QUERY = '{ members { code ministry { name } } }';
const BUDGETS_QUERY = '{ budgets(country: "XK") { year procurement { amount currency } } }';
const operationsAt = (interposer: Interposer, fragment: string) => interposer.bodies.filter((b) => b.includes(fragment)).length;

beforeAll(async () => {
  [xk, procurement] = await Promise.all([startInterposer(), startInterposer()]);
  federation = await startFederation({
    members: ['XK', 'AL'],
    configure: (config) => {
      const country = config.subgraphs.find((s) => s.name === 'country')!;
      xk.target = country.sharded!.members.XK.url;
      country.sharded!.members.XK = { url: xk.url };
      const proc = config.subgraphs.find((s) => s.name === 'procurement')!;
      procurement.target = proc.url!;
      proc.url = procurement.url;
    },
  });
}, 240_000);

afterAll(async () => {
  await federation?.stop();
  await Promise.all([xk, procurement].map((i) => i?.stop()));
});

afterEach(() => {
  for (const interposer of [xk, procurement]) Object.assign(interposer, { mode: 'pass', delayMs: 0 });
});

describe('a non-GraphQL answer from a subgraph (a firewall page)', () => {
  it("from a member: that member's part is MEMBER_UNAVAILABLE with its code, and nothing of the page, URL or headers reaches the client", async () => {
    xk.mode = 'waf';
    const response = await fetch(federation.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await federation.authorization()) },
      body: JSON.stringify({ query: MEMBERS_QUERY }),
    });
    const text = await response.text();
    const { data, errors } = JSON.parse(text);
    const index = data.members.findIndex((m: { code: string }) => m.code === 'XK');
    expect(data.members[index].ministry).toBeNull();
    expect(data.members.find((m: { code: string }) => m.code === 'AL').ministry.name).toMatch(/Albania/);
    expect(errors.filter((e: { extensions: { country?: string } }) => e.extensions.country === 'XK')).toEqual([
      {
        message: 'Member XK is unavailable: its country subgraph failed (HTTP 403, not a GraphQL response)',
        path: ['members', index, 'ministry'],
        extensions: { code: 'MEMBER_UNAVAILABLE', country: 'XK', serviceName: 'country' },
      },
    ]);
    for (const leak of [xk.url, xk.target, '127.0.0.1', 'Request blocked', 'WAF', 'waf-gateway', 'Forbidden']) expect(text).not.toContain(leak);
    expect(response.headers.get('x-internal-upstream')).toBeNull();
  });

  it('from an unsharded subgraph: SUBGRAPH_UNAVAILABLE, nothing of the page', async () => {
    procurement.mode = 'waf';
    const response = await fetch(federation.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await federation.authorization()) },
      body: JSON.stringify({ query: '{ members { code } }' }),
    });
    const text = await response.text();
    const { errors } = JSON.parse(text);
    expect(errors).toEqual([
      expect.objectContaining({ message: 'The procurement subgraph is unavailable (HTTP 403, not a GraphQL response)', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }),
    ]);
    for (const leak of [procurement.url, procurement.target, '127.0.0.1', 'Request blocked', 'WAF', 'Forbidden']) expect(text).not.toContain(leak);
  });

  it('is described in full in the gateway log (status, URL, body) for operators', () => {
    const lines = federation.logs.filter((entry) => entry.status === 403);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ member: 'XK', url: xk.url, contentType: 'text/html', body: expect.stringContaining('WAF-RULE-942100') }),
        expect.objectContaining({ subgraph: 'procurement', url: procurement.url, body: expect.stringContaining('WAF-RULE-942100') }),
      ]),
    );
  });

  it('does not mark the member down: the next request reaches it again', async () => {
    const { data, errors } = await federation.query('{ ministry(country: "XK") { name } }');
    expect(errors).toBeUndefined();
    expect(data.ministry.name).toMatch(/Kosovo/);
  });
});

describe('connections', () => {
  it('are kept alive: many requests in a row open at most one new connection to a subgraph', async () => {
    await federation.query('{ ministry(country: "XK") { name } }');
    const before = { connections: xk.connections, requests: xk.bodies.length };
    for (let i = 0; i < 20; i++) expect((await federation.query('{ ministry(country: "XK") { name } }')).errors).toBeUndefined();
    expect(xk.bodies.length - before.requests).toBe(20);
    expect(xk.connections - before.connections).toBeLessThanOrEqual(1);
  });
});

describe('identical requests in flight', () => {
  it('from the same caller at the same time share one subgraph request, and every caller gets the full answer', async () => {
    xk.delayMs = 400;
    const before = operationsAt(xk, 'budgets');
    const answers = await Promise.all(Array.from({ length: 8 }, () => federation.query(BUDGETS_QUERY, {}, { as: 'ministry:XK' })));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data.budgets.length).toBeGreaterThan(0);
      expect(answer).toEqual(answers[0]);
    }
    expect(operationsAt(xk, 'budgets') - before).toBeLessThan(8);
  });

  it('are never shared between two identities: each caller gets the answer computed for it', async () => {
    xk.delayMs = 400;
    const before = operationsAt(xk, 'budgets');
    const callers = ['ministry:XK', 'ministry:AL', 'ministry:XK', 'ministry:AL', 'analyst', 'ministry:XK', 'ministry:AL', 'analyst'] as const;
    const answers = await Promise.all(callers.map((as) => federation.query(BUDGETS_QUERY, {}, { as })));
    answers.forEach((answer, i) => {
      if (callers[i] === 'ministry:XK') {
        expect(answer.errors).toBeUndefined();
        expect(answer.data.budgets.length).toBeGreaterThan(0);
      } else {
        expect(answer.data?.budgets ?? null).toBeNull();
        expect(answer.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', country: 'XK' }) })]);
      }
    });
    // At least one request per identity reached the member.
    expect(operationsAt(xk, 'budgets') - before).toBeGreaterThanOrEqual(3);
  });

  it('are never shared when they are mutations: each one is sent', async () => {
    xk.delayMs = 300;
    const mutation = 'mutation($i: RecordHoldingInput!) { recordHolding(country: "XK", input: $i) { id } }';
    const variables = { i: { nsn: '1005-01-631-5031', quantity: 1, unit: 'Dedup test unit', status: 'RESERVE' } };
    const before = operationsAt(xk, 'recordHolding');
    const answers = await Promise.all(Array.from({ length: 3 }, () => federation.query(mutation, variables, { as: 'ministry:XK' })));
    // Each was applied by the member: recorded, or refused as recorded at the same moment by another (never a shared answer).
    for (const answer of answers) for (const error of answer.errors ?? []) expect(error.extensions).toMatchObject({ code: 'CONFLICT', country: 'XK' });
    expect(answers.some((a) => a.errors === undefined)).toBe(true);
    expect(operationsAt(xk, 'recordHolding') - before).toBe(3);
  });
});

describe('an entity asked for at several places in one fetch', () => {
  const xkPlaces = (data: { jointOrders: Array<{ participants: Array<{ code: string }> }> }) =>
    data.jointOrders.flatMap((order, i) => order.participants.flatMap((p, j) => (p.code === 'XK' ? [[i, j]] : [])));
  const lastEntitiesBody = () => JSON.parse([...xk.bodies].reverse().find((b) => b.includes('_entities'))!);

  it('is sent to its member once, and its answer reaches every place', async () => {
    const { data, errors } = await federation.query('{ jointOrders { id participants { code ministry { name } } } }', {}, { as: 'procurement' });
    const places = xkPlaces(data);
    expect(places.length).toBeGreaterThan(1);
    for (const [i, j] of places) expect(data.jointOrders[i].participants[j].ministry.name).toMatch(/Kosovo/);
    expect(lastEntitiesBody().variables.representations).toEqual([{ __typename: 'Country', code: 'XK' }]);
    expect((errors ?? []).filter((e) => e.extensions?.country === 'XK')).toEqual([]);
  });

  it("and its member's errors reach every place too, each with its own path", async () => {
    const { data, errors } = await federation.query('{ jointOrders { id participants { code budget(year: 2026) { year } } } }', {}, { as: 'analyst' });
    const places = xkPlaces(data);
    expect(places.length).toBeGreaterThan(1);
    const xkErrors = (errors ?? []).filter((e) => e.extensions?.country === 'XK');
    expect(xkErrors.map((e) => e.path).sort()).toEqual(places.map(([i, j]) => ['jointOrders', i, 'participants', j, 'budget']).sort());
    for (const error of xkErrors) expect(error.extensions).toMatchObject({ code: 'FORBIDDEN' });
    for (const [i, j] of places) expect(data.jointOrders[i].participants[j].budget).toBeNull();
    expect(lastEntitiesBody().variables.representations).toEqual([{ __typename: 'Country', code: 'XK' }]);
  });
});

describe('entity fetches to one member that leave together', () => {
  const QUERY = `{ jointOrders { participants { code requirements { id } }
                   lines { allocations { country { code budget(year: 1800) { year } } } } } }`;
  const partsSentToXk = (from: number) =>
    xk.bodies
      .slice(from)
      .filter((b) => b.includes('_entities'))
      .reduce((n, b) => n + (JSON.parse(b).query.match(/_entities\(/g) ?? []).length, 0);

  it('of callers asking the same at the same time carry each distinct part once, and every caller gets the whole answer', async () => {
    const alone = xk.bodies.length;
    const single = await federation.query(QUERY, {}, { as: 'procurement' });
    const partsOfOne = partsSentToXk(alone);
    expect(partsOfOne).toBeGreaterThan(0);
    // The shared procurement step answers all four at once, so their steps to XK leave together.
    procurement.delayMs = 300;
    const before = xk.bodies.length;
    const answers = await Promise.all(Array.from({ length: 4 }, () => federation.query(QUERY, {}, { as: 'procurement' })));
    const withoutRequestId = ({ data, errors }: { data?: unknown; errors?: unknown }) => ({ data, errors });
    for (const answer of answers) expect(withoutRequestId(answer)).toEqual(withoutRequestId(single));
    expect(partsSentToXk(before)).toBe(partsOfOne);
  });

  it('go as one request, and a failing part stays in its own fields and paths', async () => {
    const before = xk.bodies.length;
    const { data, errors } = await federation.query(QUERY, {}, { as: 'procurement' });
    // Both steps reached XK in one request, each part under its own alias.
    const sent = xk.bodies.slice(before).filter((b) => b.includes('_entities'));
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]).query).toMatch(/p0: _entities.*p1: _entities/s);
    // The requirements part answered in full…
    const participants = data.jointOrders.flatMap((o: any) => o.participants).filter((p: any) => p.code === 'XK');
    expect(participants.length).toBeGreaterThan(0);
    for (const participant of participants) expect(Array.isArray(participant.requirements)).toBe(true);
    // …while the budget part's refusal sits only at the budgets it was asked for.
    const xkErrors = (errors ?? []).filter((e) => e.extensions?.country === 'XK');
    expect(xkErrors.length).toBeGreaterThan(0);
    for (const error of xkErrors) {
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(error.path).toEqual(['jointOrders', expect.any(Number), 'lines', expect.any(Number), 'allocations', expect.any(Number), 'country', 'budget']);
    }
  });
});
