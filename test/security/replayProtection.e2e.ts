/**
 * Replays of sniffed gateway→subgraph traffic, against the real federation:
 * a signed `recordHolding` captured on its way to XK is refused when sent
 * again — to XK after it restarted (no Redis: it refuses what was signed
 * before it started), to AL (the signature names XK), and, with Redis, to a
 * second replica of XK and to a restarted one (the nonces are shared and
 * outlive the process). Each refusal writes nothing.
 *
 * The signature window is widened to 60 s here, so that no replay is refused
 * merely for being stale: each must be refused for the reason under test.
 */
import { Holding } from '../../services/country/entities';
import { ITEM } from '../../lib/reference/items';
import { CountryService, startCountryService } from '../../services/country/service';
import { createTestDatabase, type TestDatabase } from '../testkit/database';
import { Federation, startFederation } from '../testkit/federation';
import { gatewayHeaders, identityWith } from '../testkit/signedFetch';
import { CapturedRequest, replay, Sniffer, startSniffer } from '../testkit/sniffer';
import { testRedisKeys } from '../testkit/redis';
import { describeWith, REDIS } from '../testkit/systemParts';

const RECORD = 'mutation($i: RecordHoldingInput!) { recordHolding(country: "XK", input: $i) { id } }';
const holdingsOf = (service: CountryService) => service.dataSource.getRepository(Holding).count();

async function refusal(response: Response): Promise<{ status: number; code: unknown; reason: unknown }> {
  const body = (await response.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code, reason: body.errors?.[0]?.extensions?.reason };
}

/** Environment variables set for a block of tests, restored after. */
function withEnvironment(values: Record<string, string>): void {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [name, value] of Object.entries(values)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}

describe('without Redis, on the real federation', () => {
  withEnvironment({ GATEWAY_SIGNATURE_WINDOW_SECONDS: '60' });
  let federation: Federation;
  let tap: Sniffer;
  let captured: CapturedRequest;

  beforeAll(async () => {
    delete process.env.REDIS_URL;
    tap = await startSniffer();
    federation = await startFederation({
      members: ['XK', 'AL'],
      configure: (config) => {
        const members = config.subgraphs.find((s) => s.sharded)!.sharded!.members;
        tap.forwardTo(members.XK.url);
        members.XK = { url: tap.url };
      },
    });
    // A ministry records a holding through the gateway; the wiretap keeps what the gateway sent XK.
    const before = await holdingsOf(federation.members.XK.service);
    const { data, errors } = await federation.query(RECORD, { i: { nsn: ITEM.M4A1, quantity: 3, unit: 'Replay target', status: 'RESERVE' } }, { as: 'ministry:XK' });
    expect(errors).toBeUndefined();
    expect(data.recordHolding.id).toBeDefined();
    expect(await holdingsOf(federation.members.XK.service)).toBe(before + 1);
    captured = tap.captured.filter((r) => r.body.toString().includes('recordHolding')).at(-1)!;
    expect(captured.headers['x-jpg-signature']).toBeDefined();
  }, 240_000);
  afterAll(async () => {
    await federation?.stop();
    await tap?.stop();
  });

  it('refuses the captured request replayed to XK at once, writing nothing', async () => {
    const before = await holdingsOf(federation.members.XK.service);
    expect(await refusal(await replay(captured, federation.members.XK.url))).toEqual({ status: 401, code: 'UNAUTHENTICATED', reason: 'SIGNATURE_REPLAYED' });
    expect(await holdingsOf(federation.members.XK.service)).toBe(before);
  });

  it('refuses it replayed to XK after XK restarted (its nonce memory is gone, so it refuses what was signed before it started)', async () => {
    await federation.members.XK.stop();
    await federation.members.XK.start();
    const before = await holdingsOf(federation.members.XK.service);
    expect(await refusal(await replay(captured, federation.members.XK.url))).toEqual({ status: 401, code: 'UNAUTHENTICATED', reason: 'SIGNATURE_PREDATES_START' });
    expect(await holdingsOf(federation.members.XK.service)).toBe(before);
    // The restarted XK serves the gateway's new requests as before.
    const { data, errors } = await federation.query('{ ministry(country: "XK") { name } }', undefined, { as: 'ministry:XK' });
    expect(errors).toBeUndefined();
    expect(data.ministry.name).toMatch(/Kosovo/);
  });

  it('refuses it replayed to AL by the signature, before any rule runs (no WRONG_MEMBER), writing nothing', async () => {
    const before = await holdingsOf(federation.members.AL.service);
    federation.resetRequestCounts();
    expect(await refusal(await replay(captured, federation.members.AL.url))).toEqual({ status: 401, code: 'UNAUTHENTICATED', reason: 'SIGNATURE_WRONG_TARGET' });
    // Refused ahead of every middleware of the service: the request log (mounted before GraphQL) never saw it.
    expect(federation.requestCounts().AL ?? 0).toBe(0);
    expect(await holdingsOf(federation.members.AL.service)).toBe(before);
  });

  it('refuses it to AL with its target header rewritten to AL: the signature covers the target', async () => {
    const rewritten = { ...captured, headers: { ...captured.headers, 'x-jpg-target': 'AL' } };
    expect(await refusal(await replay(rewritten, federation.members.AL.url))).toMatchObject({ status: 401, reason: 'SIGNATURE_INVALID' });
  });
});

describeWith(REDIS, 'with Redis (REDIS_URL), two replicas of XK', () => {
  const keys = testRedisKeys('replay');
  withEnvironment({ GATEWAY_SIGNATURE_WINDOW_SECONDS: '60', REDIS_URL: keys.url, REDIS_KEY_PREFIX: keys.prefix });
  let database: TestDatabase;
  let replicas: CountryService[] = [];

  const startReplica = () => startCountryService({ member: 'XK', databaseUrl: database.url, seed: replicas.length === 0 });
  const post = (url: string, headers: Record<string, string>, body: string) => fetch(url, { method: 'POST', headers, body });

  beforeAll(async () => {
    database = await createTestDatabase('country_xk_replicas');
    replicas = [await startReplica()];
    replicas.push(await startReplica());
  }, 120_000);
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await database?.drop();
    await keys.deleteAll();
  });

  it('keeps the nonces in Redis under the deployment prefix', async () => {
    const body = JSON.stringify({ query: '{ ministry(country: "XK") { name } }' });
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
    const headers = gatewayHeaders(replicas[0].url, init, { target: 'XK', as: identityWith('analyst') });
    expect((await post(replicas[0].url, headers, body)).status).toBe(200);
    expect(await keys.exists(`nonce:XK:${headers['x-jpg-nonce']}`)).toBe(1);
  });

  it('refuses a request answered by one replica when replayed to the other, writing nothing', async () => {
    const body = JSON.stringify({ query: RECORD, variables: { i: { nsn: ITEM.M4A1, quantity: 1, unit: 'Replica replay', status: 'RESERVE' } } });
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
    const headers = gatewayHeaders(replicas[0].url, init, { target: 'XK', as: identityWith('ministry:XK') });
    const before = await holdingsOf(replicas[0]);
    const first = await post(replicas[0].url, headers, body);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(await holdingsOf(replicas[0])).toBe(before + 1);

    expect(await refusal(await post(replicas[1].url, headers, body))).toEqual({ status: 401, code: 'UNAUTHENTICATED', reason: 'SIGNATURE_REPLAYED' });
    expect(await holdingsOf(replicas[0])).toBe(before + 1);
  });

  it('refuses it after both replicas restarted: Redis outlives them', async () => {
    const body = JSON.stringify({ query: RECORD, variables: { i: { nsn: ITEM.M4A1, quantity: 1, unit: 'Restart replay', status: 'RESERVE' } } });
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
    const headers = gatewayHeaders(replicas[0].url, init, { target: 'XK', as: identityWith('ministry:XK') });
    expect((await post(replicas[0].url, headers, body)).status).toBe(200);
    const count = await holdingsOf(replicas[0]);

    const ports = replicas.map((r) => r.port);
    await Promise.all(replicas.splice(0).map((r) => r.stop()));
    for (const port of ports) replicas.push(await startCountryService({ member: 'XK', databaseUrl: database.url, port }));

    for (const replica of replicas) expect(await refusal(await post(replica.url, headers, body))).toMatchObject({ status: 401, reason: 'SIGNATURE_REPLAYED' });
    expect(await holdingsOf(replicas[0])).toBe(count);
  });

  it('refuses (503, fail closed) rather than answer unchecked when Redis does not answer', async () => {
    const saved = process.env.REDIS_URL;
    process.env.REDIS_URL = 'redis://127.0.0.1:1';
    const cut = await startCountryService({ member: 'XK', databaseUrl: database.url });
    try {
      const body = JSON.stringify({ query: '{ ministry(country: "XK") { name } }' });
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
      expect(await refusal(await post(cut.url, gatewayHeaders(cut.url, init, { target: 'XK' }), body))).toMatchObject({ status: 503, reason: 'REPLAY_CHECK_UNAVAILABLE' });
    } finally {
      process.env.REDIS_URL = saved;
      await cut.stop();
    }
  });
});
