/**
 * Members that cannot answer, and what the gateway makes of them: a member
 * whose schema breaks the contract, one slower than its timeout, one down at
 * start that comes up later. Kosovo (XK) runs for real throughout; every
 * answer keeps its part complete.
 *
 *   XK  real country subgraph
 *   AL  fixture that answers slowly
 *   HR  fixture whose SDL breaks the contract (a field removed; fixed later, on the same port)
 *   BG  nothing listening at first; a real service later
 *   RS  a second slow fixture (only addressed by root fields: procurement does not list it)
 */
import { CountryService, startCountryService } from '../../services/country/service';
import { createTestDatabase, TestDatabase } from '../../test/testkit/database';
import { Federation, startFederation } from '../../test/testkit/federation';
import { FixtureMember, fixtureMinistry, startFixtureMember, withoutHeadquarters } from './fixtures/fixtureMember';
import { freePort } from '../../test/testkit/ports';
import { waitUntil } from './support';

const TIMEOUT_MS = 2000;
const MEMBERS_QUERY = '{ members { code ministry { name } } }';

let federation: Federation;
let slowAL: FixtureMember;
let slowRS: FixtureMember;
let breaksContract: FixtureMember;
let bgPort: number;
const events: string[] = [];

beforeAll(async () => {
  [slowAL, slowRS, breaksContract, bgPort] = await Promise.all([
    startFixtureMember({ name: 'AL', events }),
    startFixtureMember({ name: 'RS', events }),
    startFixtureMember({ name: 'HR', alterSdl: withoutHeadquarters, events }),
    freePort(),
  ]);
  federation = await startFederation({
    members: ['XK'],
    memberTimeoutMs: TIMEOUT_MS,
    configure: (config) => {
      const country = config.subgraphs.find((s) => s.name === 'country')!;
      Object.assign(country.sharded!.members, {
        AL: { url: slowAL.url },
        HR: { url: breaksContract.url },
        BG: { url: `http://127.0.0.1:${bgPort}/graphql` },
        RS: { url: slowRS.url },
      });
    },
  });
}, 240_000);

afterAll(async () => {
  await federation?.stop();
  await Promise.all([slowAL, slowRS, breaksContract].map((f) => f?.stop()));
});

const memberOf = (data: any, code: string) => data.members.find((m: any) => m.code === code);
const errorsFor = (errors: any[] | undefined, code: string) => (errors ?? []).filter((e) => e.extensions?.country === code);

describe('a member whose SDL breaks the contract', () => {
  it('is refused at start with one clear log line naming the member and the difference', () => {
    const lines = federation.logs.filter((entry) => entry.member === 'HR');
    expect(lines).toHaveLength(1);
    expect(lines[0].level).toBe(50);
    expect(lines[0].msg).toMatch(/^member HR refused: country subgraph at http:\/\/127\.0\.0\.1:\d+\/graphql does not serve the contract .*country\.graphql/);
    expect(lines[0].msg).toContain('breaking change FIELD_REMOVED at Ministry.headquarters');
    expect(federation.gateway.ready().members.HR).toMatchObject({ status: 'refused', reason: expect.stringContaining('Ministry.headquarters') });
  });

  it('is answered for as unavailable and never sent an operation, while everyone else answers', async () => {
    const { data, errors } = await federation.query(MEMBERS_QUERY);
    expect(memberOf(data, 'HR').ministry).toBeNull();
    expect(errorsFor(errors, 'HR')).toEqual([
      expect.objectContaining({
        message: 'Member HR is unavailable: its country subgraph does not serve the member contract',
        path: ['members', data.members.indexOf(memberOf(data, 'HR')), 'ministry'],
        extensions: expect.objectContaining({ code: 'MEMBER_UNAVAILABLE', country: 'HR' }),
      }),
    ]);
    expect(memberOf(data, 'XK').ministry.name).toMatch(/Kosovo/);
    expect(breaksContract.received.every((query) => query.includes('_service'))).toBe(true);
  });

  it('comes back once it serves the contract again (on the same address)', async () => {
    const port = breaksContract.port;
    await breaksContract.stop();
    breaksContract = await startFixtureMember({ name: 'HR', port, events });
    const { data, errors } = await federation.query(MEMBERS_QUERY);
    expect(errorsFor(errors, 'HR')).toEqual([]);
    expect(memberOf(data, 'HR').ministry).toEqual({ name: fixtureMinistry('HR').name });
    expect(federation.gateway.ready().members.HR).toMatchObject({ status: 'available' });
  });
});

describe('a member slower than its timeout', () => {
  afterEach(() => {
    slowAL.delayMs = 0;
    slowRS.delayMs = 0;
  });

  it('is answered as MEMBER_TIMEOUT after the timeout, with the rest of the answer complete', async () => {
    slowAL.delayMs = TIMEOUT_MS + 1500;
    const started = Date.now();
    const { data, errors } = await federation.query(MEMBERS_QUERY);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(took).toBeLessThan(TIMEOUT_MS + 1400);
    expect(memberOf(data, 'AL').ministry).toBeNull();
    expect(errorsFor(errors, 'AL')).toEqual([
      expect.objectContaining({ message: `Member AL did not answer within ${TIMEOUT_MS} ms`, extensions: expect.objectContaining({ code: 'MEMBER_TIMEOUT', country: 'AL' }) }),
    ]);
    expect(memberOf(data, 'XK').ministry.name).toMatch(/Kosovo/);
    // A slow member is not a down one: it stays in service, but its breaker opens until a probe gets an answer.
    expect(federation.gateway.ready().members.AL).toMatchObject({ status: 'available', breaker: { state: 'open' } });
  });

  it('does not hold up other members: the members of one operation are asked at the same time', async () => {
    await waitUntil(() => federation.gateway.ready().members.AL.breaker.state === 'closed', 'AL breaker closed by a probe');
    // The previous test's slow answer may still be on its way; it must not land among this test's events.
    const count = (kind: string) => events.filter((e) => e.includes(` ${kind} `)).length;
    await waitUntil(() => count('got') === count('answered'), 'earlier slow answers delivered');
    slowAL.delayMs = 300;
    slowRS.delayMs = 300;
    events.length = 0;
    const { data, errors } = await federation.query('{ al: ministry(country: "AL") { name } rs: ministry(country: "RS") { name } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ al: { name: fixtureMinistry('AL').name }, rs: { name: fixtureMinistry('RS').name } });
    // Both members had the question before either answered.
    const firstAnswer = events.findIndex((e) => e.includes('answered'));
    expect(events.slice(0, firstAnswer).sort()).toEqual(['AL got ministry(AL)', 'RS got ministry(RS)']);
  });
});

describe('a member down at start', () => {
  let database: TestDatabase;
  let bg: CountryService | undefined;

  afterAll(async () => {
    await bg?.stop();
    await database?.drop();
  });

  it('is served as unavailable, naming it, while it does not answer', async () => {
    expect(federation.gateway.ready().members.BG).toMatchObject({ status: 'down' });
    const { data, errors } = await federation.query(MEMBERS_QUERY);
    expect(memberOf(data, 'BG').ministry).toBeNull();
    expect(errorsFor(errors, 'BG')).toEqual([
      expect.objectContaining({ message: 'Member BG is unavailable: its country subgraph is not answering', extensions: expect.objectContaining({ code: 'MEMBER_UNAVAILABLE', country: 'BG' }) }),
    ]);
  });

  it('is in service as soon as it answers and serves the contract (its breaker, opened by the failed contacts, closed by a probe)', async () => {
    database = await createTestDatabase('country_bg_late');
    bg = await startCountryService({ member: 'BG', databaseUrl: database.url, port: bgPort, seed: true });
    await waitUntil(() => federation.gateway.ready().members.BG.breaker.state === 'closed', 'BG breaker closed by a probe');
    const { data, errors } = await federation.query(MEMBERS_QUERY);
    expect(errorsFor(errors, 'BG')).toEqual([]);
    expect(memberOf(data, 'BG').ministry.name).toMatch(/Bulgaria/);
    expect(federation.gateway.ready().members.BG).toMatchObject({ status: 'available' });
    expect(federation.logs.map((l) => l.msg)).toContainEqual(expect.stringMatching(/^member BG: country subgraph at .* serves the contract again; back in service$/));
  });
});
