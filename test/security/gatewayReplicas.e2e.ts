/**
 * Two gateway replicas behind one load balancer share what clients register:
 * with Redis (REDIS_URL), a query registered by hash at one replica is found
 * by that hash at the other. Without it each replica keeps its own, and the
 * second answers PERSISTED_QUERY_NOT_FOUND (the control that shows the test
 * can fail).
 */
import { memoryLogger } from '../../gateway/logger';
import { gatewaySecurityFromEnv } from '../../gateway/security/gatewaySecurity';
import { sha256 } from '../../gateway/security/persistedQueries';
import { RunningGateway, startGateway } from '../../gateway/server';
import { Federation, startFederation } from '../testkit/federation';
import { testRedisKeys } from '../testkit/redis';
import { describeWith, REDIS } from '../testkit/systemParts';

describeWith(REDIS, 'gateway replicas sharing Redis', () => {
  const keys = testRedisKeys('apq');
  const QUERY = `query Ministry { ministry(country: "XK") { name } } # ${keys.prefix}`;
  let federation: Federation;
  const gateways: RunningGateway[] = [];
  let auth: Record<string, string>;

  const replica = async (redis: boolean) => {
    const security = { ...gatewaySecurityFromEnv(), ...(redis ? { redis: { url: keys.url, keyPrefix: keys.prefix } } : {}) };
    const gateway = await startGateway({ config: federation.config, port: 0, logger: memoryLogger().logger, webApps: false, security });
    gateways.push(gateway);
    return gateway;
  };
  const ask = async (gateway: RunningGateway, payload: unknown) => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(payload) });
    return { status: response.status, ...((await response.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, unknown> }> }) };
  };
  const register = { query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(QUERY) } } };
  const byHash = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(QUERY) } } };

  beforeAll(async () => {
    federation = await startFederation({ members: ['XK'] });
    auth = await federation.authorization('analyst');
  }, 240_000);
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    await federation?.stop();
    await keys.deleteAll();
  });

  it('find at one replica a query registered by hash at the other', async () => {
    const [first, second] = [await replica(true), await replica(true)];
    const registered = await ask(first, register);
    expect(registered.errors).toBeUndefined();
    expect(registered.data.ministry.name).toMatch(/Kosovo/);
    // Apollo stores a registration without waiting for the store: wait until Redis holds it.
    for (let i = 0; i < 50 && (await keys.exists(`apq:${sha256(QUERY)}`)) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await keys.exists(`apq:${sha256(QUERY)}`)).toBe(1);
    const found = await ask(second, byHash);
    expect(found.errors).toBeUndefined();
    expect(found.data).toEqual(registered.data);
  });

  it('do not, without Redis: the other replica asks for the document', async () => {
    const [first, second] = [await replica(false), await replica(false)];
    // Another document than the first test's, so nothing either replica saw before can answer.
    const other = `${QUERY} `;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(other) } };
    expect((await ask(first, { query: other, extensions })).errors).toBeUndefined();
    const missing = await ask(second, { extensions });
    expect({ status: missing.status, code: missing.errors?.[0].extensions?.code }).toEqual({ status: 400, code: 'PERSISTED_QUERY_NOT_FOUND' });
  });
});
