/**
 * Retries: a read whose request got no answer at all (its connection reset
 * before it reached the service) is sent again, a bounded number of times,
 * after a jittered wait; a mutation never is (it may have run), nor is a
 * request that timed out (the service may still be working on it). A fault
 * proxy in front of a member (RS, a fixture) and of procurement resets or
 * stalls requests and counts them.
 */
import { FaultProxy, startFaultProxy } from '../../test/testkit/faultProxy';
import { Federation, startFederation } from '../../test/testkit/federation';
import { FixtureMember, fixtureMinistry, startFixtureMember } from './fixtures/fixtureMember';
import { waitUntil } from './support';

const TIMEOUT_MS = 1500;
const ATTEMPTS = 2;

let federation: Federation;
let rs: FixtureMember;
let rsProxy: FaultProxy;
let procurementProxy: FaultProxy;

beforeAll(async () => {
  [rs, rsProxy, procurementProxy] = await Promise.all([startFixtureMember({ name: 'RS' }), startFaultProxy(), startFaultProxy()]);
  rsProxy.targetPort = rs.port;
  federation = await startFederation({
    members: ['XK'],
    memberTimeoutMs: TIMEOUT_MS,
    configure: (config) => {
      const [procurement, country] = config.subgraphs;
      procurementProxy.targetPort = Number(new URL(procurement.url!).port);
      Object.assign(procurement, { url: procurementProxy.url, retry: { attempts: ATTEMPTS, delayMs: 20 } });
      // Breakers out of the way (a high threshold), except after the timeout, where one opens and is probed shut.
      Object.assign(country, { retry: { attempts: ATTEMPTS, delayMs: 20 }, breaker: { failureThreshold: 100, probeIntervalMs: 200 } });
      country.sharded!.members.RS = { url: rsProxy.url };
    },
  });
}, 240_000);

afterAll(async () => {
  await federation?.stop();
  await Promise.all([rs?.stop(), rsProxy?.stop(), procurementProxy?.stop()]);
});

const RS_MINISTRY = '{ ministry(country: "RS") { name } }';

/** RS available and its breaker closed (a failed attempt leaves it down until checked), and the proxy's count at 0. */
async function rsInService(): Promise<void> {
  rsProxy.resetNext(0);
  rsProxy.mode = 'forward';
  const member = federation.gateway.registries.get('country')!.get('RS')!;
  await waitUntil(() => !member.breaker.isOpen, 'RS breaker closed');
  await member.check();
  expect(member.state.status).toBe('available');
  rsProxy.requests = 0;
}

describe('a member whose connection is reset', () => {
  beforeEach(rsInService);

  it('answers a query after retrying it', async () => {
    rsProxy.resetNext(ATTEMPTS);
    const { data, errors } = await federation.query(RS_MINISTRY);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ ministry: { name: fixtureMinistry('RS').name } });
    expect(rsProxy.requests).toBe(ATTEMPTS + 1);
  });

  it('retries a query a bounded number of times, then answers MEMBER_UNAVAILABLE', async () => {
    rsProxy.resetNext(1000);
    const { data, errors } = await federation.query(RS_MINISTRY);
    expect(data).toEqual({ ministry: null });
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'MEMBER_UNAVAILABLE', country: 'RS' } });
    expect(rsProxy.requests).toBe(ATTEMPTS + 1);
  });

  it('never retries a mutation', async () => {
    rsProxy.resetNext(1);
    const received = rs.received.length;
    const { data, errors } = await federation.query('mutation { setMinistry(country: "RS", input: { name: "Twice?", minister: "M", headquarters: "HQ" }) { name } }');
    expect(data).toEqual({ setMinistry: null });
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'MEMBER_UNAVAILABLE', country: 'RS' } });
    expect(rsProxy.requests).toBe(1);
    expect(rs.received.slice(received).filter((q) => q.includes('setMinistry'))).toEqual([]);
  });

  it('never retries a query that timed out', async () => {
    rsProxy.mode = 'stall';
    const { errors } = await federation.query(RS_MINISTRY);
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'MEMBER_TIMEOUT', country: 'RS' } });
    // Counted before the breaker's first probe (PROBE 200 ms later) adds its own request.
    expect(rsProxy.requests).toBe(1);
  });
});

describe('the procurement subgraph whose connection is reset', () => {
  beforeEach(() => {
    procurementProxy.resetNext(0);
    procurementProxy.requests = 0;
  });

  it('answers a query after retrying it', async () => {
    procurementProxy.resetNext(1);
    const { data, errors } = await federation.query('{ members { code } }');
    expect(errors).toBeUndefined();
    expect(data.members.map((m: { code: string }) => m.code)).toContain('XK');
    expect(procurementProxy.requests).toBe(2);
  });

  it('never retries a mutation, and nothing is written', async () => {
    procurementProxy.resetNext(1);
    const { errors } = await federation.query(
      'mutation { createJointOrder(country: "XK", input: { title: "Retry test", supplier: "S", caseReference: "RETRY-TEST-1", model: COORDINATED_NATIONAL, offerExpiresOn: "2099-12-31" }) { reference } }',
    );
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
    expect(procurementProxy.requests).toBe(1);
    const { data } = await federation.query('{ jointOrders { caseReference } }');
    expect(data.jointOrders.map((o: { caseReference: string }) => o.caseReference)).not.toContain('RETRY-TEST-1');
  });
});
