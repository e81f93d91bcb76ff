/**
 * The gateway over HTTP: GraphQL by POST and GET at /graphql, liveness at
 * /health, readiness with each member's state at /ready, the web apps mounted.
 */
import type { Federation } from '../../test/testkit/federation';
import { startFederationWithUnreachableMember } from '../../test/testkit/unreachableMember';

let federation: Federation;

beforeAll(async () => {
  federation = await startFederationWithUnreachableMember();
}, 240_000);

afterAll(() => federation?.stop());

const get = async (path: string, headers: Record<string, string> = {}) => fetch(`${federation.gatewayOrigin}${path}`, { headers: { ...(await federation.authorization()), ...headers } });

it('answers GraphQL by POST', async () => {
  const { status, data } = await federation.query('query { ministry(country: "XK") { name } }');
  expect(status).toBe(200);
  expect(data.ministry.name).toMatch(/Kosovo/);
});

it('answers a query by GET, with the header that shows it is no cross-site request', async () => {
  const query = encodeURIComponent('{ members { code } }');
  const response = await get(`/graphql?query=${query}`, { 'apollo-require-preflight': 'true' });
  expect(response.status).toBe(200);
  const body = (await response.json()) as any;
  expect(body.data.members.map((m: { code: string }) => m.code)).toEqual(['AL', 'BG', 'HR', 'XK']);
});

it('refuses a GET that could come from another site (CSRF prevention kept)', async () => {
  const response = await get(`/graphql?query=${encodeURIComponent('{ members { code } }')}`);
  expect(response.status).toBe(400);
  expect(await response.text()).toMatch(/Cross-Site Request Forgery/i);
});

it('refuses a mutation by GET', async () => {
  const mutation = encodeURIComponent('mutation { setMinistry(country: "XK", input: { name: "x", minister: "y", headquarters: "z" }) { name } }');
  const response = await get(`/graphql?query=${mutation}`, { 'apollo-require-preflight': 'true' });
  expect(response.status).toBe(405);
});

it('says it is alive at /health', async () => {
  const response = await get('/health');
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok', service: 'gateway' });
});

it("reports at /ready the supergraph, each member's state and every circuit breaker", async () => {
  const response = await get('/ready');
  expect(response.status).toBe(200);
  const report = (await response.json()) as any;
  expect(report).toMatchObject({ ready: true, supergraph: { loaded: true, subgraphs: ['country', 'procurement'] } });
  expect(report.supergraph.source).toMatch(/committed SDLs/);
  expect(report.members.XK).toMatchObject({ subgraph: 'country', status: 'available', url: federation.members.XK.url, breaker: { state: 'closed', since: expect.any(String) } });
  expect(report.breakers).toEqual({ procurement: { state: 'closed', since: expect.any(String) } });
  expect(report.members.BG).toMatchObject({ subgraph: 'country', status: 'down', reason: 'ECONNREFUSED' });
  expect(response.headers.get('cache-control')).toBe('no-store');
});

it('serves the web apps beside the graph', async () => {
  const response = await get('/', {});
  expect(response.url).toMatch(/\/playground\/$/);
  expect([200, 503]).toContain(response.status); // 503 names the build command until `npm run build:web` ran
});
