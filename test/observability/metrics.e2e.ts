/**
 * GET /metrics on the gateway and on the subgraphs of a real federation
 * (procurement, XK, AL, HR): the counters move with the queries sent, a
 * member stopped shows in its failure counters and `jpg_member_up`, and the
 * endpoint is refused to callers outside the allow-list without the token.
 */
import { memoryLogger } from '../../lib/observability/logger';
import { startGateway } from '../../gateway/server';
import { Federation, startFederation } from '../testkit/federation';
import { parseMetrics, scrape } from '../testkit/metrics';

const MEMBERS_QUERY = 'query MembersAndMinistries { members { code ministry { name } } }';
const TOKEN = 'metrics-token-for-tests-0123456789';

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation();
}, 240_000);

afterAll(async () => {
  await federation?.stop();
});

const originOf = (url: string) => new URL(url).origin;

describe("the gateway's /metrics", () => {
  it('serves the Prometheus text format with process metrics, to a loopback caller without a token', async () => {
    const response = await fetch(`${federation.gatewayOrigin}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE jpg_graphql_operations_total counter');
    expect(text).toMatch(/process_cpu_seconds_total\{service="gateway"\} /);
  });

  it('counts requests, operations by name and outcome, errors by code, member requests and plan-cache hits', async () => {
    const before = await scrape(federation.gatewayOrigin);
    const answers = [await federation.query(MEMBERS_QUERY), await federation.query(MEMBERS_QUERY)];
    // BG is a member procurement lists but this federation lacks: its ministry is UNKNOWN_MEMBER.
    expect(answers.map((a) => a.errors?.map((e) => e.extensions?.code))).toEqual([['UNKNOWN_MEMBER'], ['UNKNOWN_MEMBER']]);
    const after = await scrape(federation.gatewayOrigin);
    const moved = (name: string, labels?: Record<string, string>) => after.value(name, labels) - before.value(name, labels);

    expect(moved('jpg_http_requests_total', { route: '/graphql', method: 'POST', status: '200' })).toBe(2);
    expect(moved('jpg_http_request_duration_seconds_count', { route: '/graphql' })).toBe(2);
    expect(moved('jpg_graphql_operations_total', { operation: 'MembersAndMinistries', type: 'query', outcome: 'partial' })).toBe(2);
    expect(moved('jpg_graphql_operation_duration_seconds_count', { operation: 'MembersAndMinistries' })).toBe(2);
    expect(moved('jpg_graphql_errors_total', { code: 'UNKNOWN_MEMBER' })).toBe(2);
    for (const member of ['XK', 'AL', 'HR']) {
      expect(moved('jpg_member_requests_total', { subgraph: 'country', member })).toBe(2);
      expect(moved('jpg_member_request_duration_seconds_count', { member, outcome: 'ok' })).toBe(2);
      expect(after.value('jpg_member_up', { subgraph: 'country', member })).toBe(1);
    }
    expect(moved('jpg_subgraph_fetches_total', { subgraph: 'procurement', outcome: 'ok' })).toBe(2);
    expect(moved('jpg_subgraph_fetches_total', { subgraph: 'country', outcome: 'errors' })).toBe(2);
    // The same operation twice: the second plan comes from the cache.
    expect(moved('jpg_query_plan_cache_requests_total', { result: 'hit' })).toBeGreaterThanOrEqual(1);
    expect(after.value('jpg_query_plan_cache_requests_total', { result: 'miss' })).toBeGreaterThanOrEqual(1);
  });

  it('never takes an operation name from a document that did not resolve, and counts it as unknown', async () => {
    const before = await scrape(federation.gatewayOrigin);
    const answer = await federation.query('query Broken { members { nope } }');
    expect(answer.status).toBe(400);
    const after = await scrape(federation.gatewayOrigin);
    expect(after.has('jpg_graphql_operations_total', { operation: 'Broken' })).toBe(false);
    expect(after.value('jpg_graphql_operations_total', { operation: 'unknown', outcome: 'error' }) - before.value('jpg_graphql_operations_total', { operation: 'unknown', outcome: 'error' })).toBe(1);
  });

  it('shows a stopped member: its failures move, it is down, its breaker opens; and all of it back when it returns', async () => {
    const before = await scrape(federation.gatewayOrigin);
    await federation.members.AL.stop();
    try {
      const answer = await federation.query(MEMBERS_QUERY);
      expect(answer.errors?.some((e) => e.extensions?.code === 'MEMBER_UNAVAILABLE' && e.extensions?.country === 'AL')).toBe(true);
      const after = await scrape(federation.gatewayOrigin);
      const failures = (labels: Record<string, string>) => after.value('jpg_member_failures_total', labels) - before.value('jpg_member_failures_total', labels);
      expect(failures({ member: 'AL', code: 'MEMBER_UNAVAILABLE' })).toBeGreaterThanOrEqual(1);
      expect(failures({ member: 'XK' })).toBe(0);
      expect(after.value('jpg_member_up', { member: 'AL' })).toBe(0);
      expect(after.value('jpg_member_request_duration_seconds_count', { member: 'AL', outcome: 'failed' })).toBeGreaterThan(before.value('jpg_member_request_duration_seconds_count', { member: 'AL', outcome: 'failed' }));

      // A few more failures open its breaker (default: 5 in 30 s): then it is answered for at once, counted with the reason.
      let open = after;
      for (let i = 0; i < 10 && open.value('jpg_circuit_breaker_state', { member: 'AL' }) === 0; i++) {
        await federation.query(MEMBERS_QUERY);
        open = await scrape(federation.gatewayOrigin);
      }
      expect(open.value('jpg_circuit_breaker_state', { subgraph: 'country', member: 'AL' })).toBeGreaterThanOrEqual(1);
      expect(open.value('jpg_circuit_breaker_state', { member: 'XK' })).toBe(0);
      await federation.query(MEMBERS_QUERY);
      const shortCut = await scrape(federation.gatewayOrigin);
      expect(shortCut.value('jpg_member_failures_total', { member: 'AL', reason: 'CIRCUIT_OPEN' })).toBeGreaterThanOrEqual(1);
    } finally {
      await federation.members.AL.start();
    }
    // The breaker's background probe closes it (every second by default); then AL is asked again.
    let back = await scrape(federation.gatewayOrigin);
    for (const deadline = Date.now() + 10_000; Date.now() < deadline && back.value('jpg_circuit_breaker_state', { member: 'AL' }) !== 0; ) {
      await new Promise((r) => setTimeout(r, 200));
      back = await scrape(federation.gatewayOrigin);
    }
    expect(back.value('jpg_circuit_breaker_state', { member: 'AL' })).toBe(0);
    await federation.query(MEMBERS_QUERY);
    expect((await scrape(federation.gatewayOrigin)).value('jpg_member_up', { member: 'AL' })).toBe(1);
  });
});

describe("a subgraph's /metrics", () => {
  it("counts the gateway's operations and the database's statements and pool, for procurement and each member", async () => {
    await federation.query(MEMBERS_QUERY);
    const procurement = await scrape(originOf(federation.procurement.url));
    expect(procurement.value('jpg_graphql_operations_total', { service: 'procurement', type: 'query', outcome: 'success' })).toBeGreaterThanOrEqual(1);
    expect(procurement.value('jpg_db_queries_total', { statement: 'select', outcome: 'ok' })).toBeGreaterThanOrEqual(1);

    const xk = await scrape(originOf(federation.members.XK.url));
    expect(xk.value('jpg_http_requests_total', { service: 'country-XK', route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(xk.value('jpg_db_query_duration_seconds_count', { statement: 'select' })).toBeGreaterThanOrEqual(1);
    expect(xk.value('jpg_db_pool_max_connections')).toBeGreaterThanOrEqual(1);
    // MySQL: the pool's idle and in-use connections; SQLite: its one open connection.
    expect(xk.value('jpg_db_connections')).toBeGreaterThanOrEqual(1);
    expect(xk.has('jpg_db_pool_waiting_requests')).toBe(true);
  });
});

describe('who may read /metrics', () => {
  it('refuses a loopback caller that came through a proxy (Forwarded, X-Forwarded-For): every caller of a local proxy looks local', async () => {
    for (const header of [{ 'x-forwarded-for': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }] as Array<Record<string, string>>) {
      const response = await fetch(`${federation.gatewayOrigin}/metrics`, { headers: header });
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain('jpg_');
    }
  });

  it('a gateway with an allow-list that leaves loopback out refuses it, unless it sends the token', async () => {
    const { logger } = memoryLogger('warn');
    const gateway = await startGateway({ config: federation.config, port: 0, host: '127.0.0.1', logger, webApps: false, metricsAccess: { allow: ['10.0.0.0/8'], token: TOKEN } });
    try {
      const refused = await fetch(`${gateway.origin}/metrics`);
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('jpg_');
      const wrongToken = await fetch(`${gateway.origin}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all-0000' } });
      expect(wrongToken.status).toBe(401);
      const admitted = await fetch(`${gateway.origin}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(admitted.status).toBe(200);
      expect(parseMetrics(await admitted.text()).has('jpg_member_up', { member: 'XK' })).toBe(true);
    } finally {
      await gateway.stop();
    }
  });

  it('a subgraph reads METRICS_ALLOW and METRICS_TOKEN at start', async () => {
    const xk = federation.members.XK;
    const origin = originOf(xk.url);
    await xk.stop();
    process.env.METRICS_ALLOW = '10.0.0.0/8, 192.168.0.0/16';
    process.env.METRICS_TOKEN = TOKEN;
    try {
      await xk.start();
      expect((await fetch(`${origin}/metrics`)).status).toBe(403);
      expect((await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
      // Health and GraphQL are not affected.
      expect((await fetch(`${origin}/health`)).status).toBe(200);
    } finally {
      delete process.env.METRICS_ALLOW;
      delete process.env.METRICS_TOKEN;
      await xk.stop();
      await xk.start();
    }
    expect((await fetch(`${origin}/metrics`)).status).toBe(200);
  });
});
