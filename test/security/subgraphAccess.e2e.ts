/**
 * What reaches a subgraph and what it gives out, on the real federation:
 * budgets only to their own ministry and the procurement office (others get
 * null + FORBIDDEN for that field, the rest of the answer intact), and a
 * subgraph called directly answers nothing that the gateway did not sign —
 * whatever identity header the caller sends.
 */
import { readSigningConfig } from '../../lib/security/config';
import { identityHeaders } from '../../lib/security/identityHeaders';
import { signGatewayRequest } from '../../lib/security/requestSignature';
import { Holding } from '../../services/country/entities';
import { ITEM } from '../../lib/reference/items';
import { gatewaySecurityFromEnv } from '../../gateway/security/gatewaySecurity';
import { memoryLogger } from '../../gateway/logger';
import { startGateway } from '../../gateway/server';
import { Federation, startFederation } from '../testkit/federation';
import { gatewayHeaders, identityWith } from '../testkit/signedFetch';

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation({ members: ['XK', 'AL'] });
}, 240_000);
afterAll(() => federation?.stop());

describe('budgets', () => {
  // The demo's budgets are dated from the day it is seeded (today): last, this and next year.
  const THIS_YEAR = new Date().getUTCFullYear();
  const BUDGETS = `{ ministry(country: "XK") { name } budgets(country: "XK") { year procurement { amount currency } } members { code budget(year: ${THIS_YEAR}) { year } } }`;

  it.each([['ministry:XK'], ['procurement']] as const)('are read by %s', async (role) => {
    const { data, errors } = await federation.query(BUDGETS, undefined, { as: role });
    // (Members without a service in this federation, HR and BG, answer UNKNOWN_MEMBER: not the point here.)
    expect(errors?.filter((e) => e.extensions?.country === 'XK') ?? []).toEqual([]);
    expect(data.budgets.length).toBeGreaterThan(0);
    expect(data.members.find((m: any) => m.code === 'XK').budget).toEqual({ year: THIS_YEAR });
    const al = errors?.find((e) => e.extensions?.country === 'AL')?.extensions?.code;
    expect(al).toBe(role === 'procurement' ? undefined : 'FORBIDDEN');
  });

  it.each([['ministry:AL'], ['analyst']] as const)('are withheld from %s: null and FORBIDDEN naming the member, the rest of the answer intact', async (role) => {
    const { data, errors } = await federation.query(BUDGETS, undefined, { as: role });
    expect(data.ministry.name).toMatch(/Kosovo/);
    expect(data.budgets).toBeNull();
    expect(data.members.find((m: any) => m.code === 'XK').budget).toBeNull();
    const budgetErrors = errors!.filter((e) => e.extensions?.country === 'XK');
    expect(budgetErrors.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual(
      expect.arrayContaining([
        ['budgets', 'FORBIDDEN'],
        [expect.stringMatching(/^members\.\d+\.budget$/), 'FORBIDDEN'],
      ]),
    );
    // AL's own budget stays readable to AL's ministry.
    if (role === 'ministry:AL') expect(data.members.find((m: any) => m.code === 'AL').budget).toEqual({ year: THIS_YEAR });
  });
});

describe('a subgraph called directly', () => {
  const RECORD = JSON.stringify({
    query: 'mutation($i: RecordHoldingInput!) { recordHolding(country: "XK", input: $i) { id } }',
    variables: { i: { nsn: ITEM.M4A1, quantity: 1, unit: 'Direct call', status: 'RESERVE' } },
  });
  const xkHoldings = () => federation.members.XK.service.dataSource.getRepository(Holding).count();
  const post = (headers: Record<string, string>) => fetch(federation.members.XK.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: RECORD });
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: RECORD };
  const asXK = { as: identityWith('ministry:XK') };

  async function expectRefused(response: Response, reason: string): Promise<void> {
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED', reason } }] });
  }

  it.each([
    ['without a signature', () => ({}), 'SIGNATURE_MISSING'],
    ['with an identity header of its own and no signature', () => identityHeaders(identityWith('procurement', 'ministry:XK')), 'SIGNATURE_MISSING'],
    ['signed with another secret', () => gatewayHeaders(federation.members.XK.url, init, { ...asXK, secret: 'not-the-deployment-secret-but-long-enough' }), 'SIGNATURE_UNKNOWN_KEY'],
    [
      'with a signature made a minute ago',
      () => ({
        ...identityHeaders(identityWith('ministry:XK')),
        ...signGatewayRequest(readSigningConfig().secret, { target: 'XK', method: 'POST', pathAndQuery: '/graphql', body: RECORD, identity: identityHeaders(identityWith('ministry:XK'))['x-jpg-identity'] }, { now: Date.now() - 60_000 }),
      }),
      'SIGNATURE_STALE',
    ],
    [
      'with a signed request whose identity header was swapped',
      () => ({ ...gatewayHeaders(federation.members.XK.url, init, { as: identityWith('analyst') }), ...identityHeaders(identityWith('ministry:XK')) }),
      'SIGNATURE_INVALID',
    ],
  ] as [string, () => Record<string, string>, string][])('refuses a request %s with 401, writing nothing', async (_case, headers, reason) => {
    const before = await xkHoldings();
    await expectRefused(await post(headers()), reason);
    expect(await xkHoldings()).toBe(before);
  });

  it('answers a signed request once, and refuses the same request replayed, writing nothing more', async () => {
    const before = await xkHoldings();
    const headers = gatewayHeaders(federation.members.XK.url, init, asXK);
    const first = await post(headers);
    expect(first.status).toBe(200);
    expect(((await first.json()) as any).errors).toBeUndefined();
    expect(await xkHoldings()).toBe(before + 1);
    await expectRefused(await post(headers), 'SIGNATURE_REPLAYED');
    expect(await xkHoldings()).toBe(before + 1);
  });

  it('never trusts an identity header a client sends to the gateway: it is dropped and the token decides', async () => {
    const before = await xkHoldings();
    const { data, errors } = await federation.query(RECORD_MUTATION, RECORD_VARIABLES, { as: 'analyst', headers: identityHeaders(identityWith('ministry:XK')) });
    expect(data?.recordHolding ?? null).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', country: 'XK' });
    expect(await xkHoldings()).toBe(before);
  });
});

describe('anonymous read (AUTH_ALLOW_ANONYMOUS_READ)', () => {
  it('lets a caller without a token read as an analyst: no budgets, no writes, and a bad token is still refused', async () => {
    const gateway = await startGateway({ config: federation.config, port: 0, logger: memoryLogger().logger, webApps: false, security: { ...gatewaySecurityFromEnv(), allowAnonymousRead: true } });
    const post = async (query: string, variables?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
      return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
    };
    try {
      const read = await post('{ ministry(country: "XK") { name } budgets(country: "XK") { year } }');
      expect(read.data.ministry.name).toMatch(/Kosovo/);
      expect(read.data.budgets).toBeNull();
      expect(read.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);

      const before = await federation.members.XK.service.dataSource.getRepository(Holding).count();
      const write = await post(RECORD_MUTATION, RECORD_VARIABLES);
      expect(write.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', country: 'XK' });
      expect(await federation.members.XK.service.dataSource.getRepository(Holding).count()).toBe(before);

      expect((await post('{ members { code } }', undefined, { authorization: 'Bearer not-a-token' })).status).toBe(401);
    } finally {
      await gateway.stop();
    }
  });
});

const RECORD_MUTATION = 'mutation($i: RecordHoldingInput!) { recordHolding(country: "XK", input: $i) { id } }';
const RECORD_VARIABLES = { i: { nsn: ITEM.M4A1, quantity: 1, unit: 'Through the gateway', status: 'RESERVE' } };
