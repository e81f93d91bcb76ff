/**
 * Circuit breakers: a member that stalls (its process stopped with SIGSTOP)
 * and one that fails (HTTP 500) at the same time, and the procurement
 * subgraph stalling behind a proxy. The stalled member costs one timeout,
 * then nothing: later requests are answered for it at once (CIRCUIT_OPEN)
 * and the other members answer within their own latency plus a margin. Each
 * breaker closes once a background probe gets an answer; /ready and /metrics
 * show each state.
 *
 *   XK, AL  real country subgraphs (in the test process)
 *   HR      a real country subgraph in its own process: SIGSTOP / SIGCONT
 *   BG      fixture that starts failing with HTTP 500
 *   procurement  behind a fault proxy that can stall it
 */
import { createTestDatabase, TestDatabase } from '../../test/testkit/database';
import { FaultProxy, startFaultProxy } from '../../test/testkit/faultProxy';
import { Federation, startFederation } from '../../test/testkit/federation';
import { ServiceProcess, startServiceProcess, stopServiceProcesses } from '../../test/testkit/serviceProcess';
import { FixtureMember, startFixtureMember } from './fixtures/fixtureMember';
import { waitUntil } from './support';

const TIMEOUT_MS = 2000;
const PROBE_MS = 300;
const FAILURES_TO_OPEN = 3;
/** "Within their own latency plus a small margin": half a timeout, on a busy shared machine. */
const MARGIN_MS = TIMEOUT_MS / 2;

const EVERY_MEMBER = '{ xk: ministry(country: "XK") { name } al: ministry(country: "AL") { name } hr: ministry(country: "HR") { name } bg: ministry(country: "BG") { name } }';
const HEALTHY_ONLY = '{ xk: ministry(country: "XK") { name } al: ministry(country: "AL") { name } }';

let federation: Federation;
let hrDatabase: TestDatabase;
let hr: ServiceProcess;
let bg: FixtureMember;
let procurementProxy: FaultProxy;

beforeAll(async () => {
  hrDatabase = await createTestDatabase('country_HR_process');
  [hr, bg, procurementProxy] = await Promise.all([
    startServiceProcess({ name: 'HR', entry: 'services/country/index.ts', args: ['--member', 'HR'], env: { PORT: '0', DATABASE_URL: hrDatabase.url } }),
    startFixtureMember({ name: 'BG' }),
    startFaultProxy(),
  ]);
  federation = await startFederation({
    members: ['XK', 'AL'],
    memberTimeoutMs: TIMEOUT_MS,
    configure: (config) => {
      const [procurement, country] = config.subgraphs;
      procurementProxy.targetPort = Number(new URL(procurement.url!).port);
      Object.assign(procurement, { url: procurementProxy.url, timeoutMs: TIMEOUT_MS, breaker: { probeIntervalMs: PROBE_MS } });
      country.breaker = { failureThreshold: FAILURES_TO_OPEN, probeIntervalMs: PROBE_MS };
      Object.assign(country.sharded!.members, { HR: { url: hr.url }, BG: { url: bg.url } });
    },
  });
}, 240_000);

afterAll(async () => {
  await federation?.stop();
  await hr?.stop();
  await stopServiceProcesses();
  await Promise.all([bg?.stop(), procurementProxy?.stop(), hrDatabase?.drop()]);
});

async function timed(query: string) {
  const started = Date.now();
  const answer = await federation.query(query);
  return { ...answer, took: Date.now() - started };
}

/** jpg_circuit_breaker_state of a member (0 closed, 1 half-open, 2 open) as GET /metrics shows it. */
async function breakerGauge(member: string): Promise<number> {
  const text = await (await fetch(`${federation.gatewayOrigin}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('jpg_circuit_breaker_state{') && l.includes(`member="${member}"`));
  if (!line) throw new Error(`no jpg_circuit_breaker_state for ${member} in /metrics`);
  return Number(line.split(' ').at(-1));
}

const errorOf = (answer: { errors?: any[] }, field: string) => answer.errors?.find((e) => e.path?.[0] === field);
const breakerLines = (code: string, kind: 'opened' | 'closed') =>
  federation.logs.filter((l) => l.member === code && typeof l.msg === 'string' && l.msg.startsWith(`circuit breaker for member ${code}'s country subgraph ${kind}`));

describe('a member that stalls and one that fails', () => {
  let ownLatencyMs: number;

  it('answers every member while all are healthy', async () => {
    const answer = await timed(EVERY_MEMBER);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.hr.name).toMatch(/Croatia/);
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await timed(HEALTHY_ONLY));
    ownLatencyMs = Math.max(...runs.map((r) => r.took));
  });

  it('costs the first request one timeout for the stalled member, and the failing one answers as unavailable', async () => {
    hr.signal('SIGSTOP');
    bg.failStatus = 500;
    const first = await timed(EVERY_MEMBER);
    expect(first.took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(first.took).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    expect(errorOf(first, 'hr')).toMatchObject({ extensions: { code: 'MEMBER_TIMEOUT', country: 'HR' } });
    expect(errorOf(first, 'bg')).toMatchObject({ message: expect.stringContaining('HTTP 500'), extensions: { code: 'MEMBER_UNAVAILABLE', country: 'BG' } });
    expect(first.data.xk.name).toMatch(/Kosovo/);
    expect(first.data.al.name).toMatch(/Albania/);
    expect(federation.gateway.ready().members.HR).toMatchObject({ breaker: { state: expect.stringMatching(/^(open|half-open)$/) } });
  });

  it('does not make the second and later requests wait: the stalled member is answered for at once, the others within their own latency', async () => {
    const later = [];
    for (let i = 0; i < FAILURES_TO_OPEN + 2; i++) later.push(await timed(EVERY_MEMBER));
    for (const answer of later) {
      expect(answer.took).toBeLessThan(ownLatencyMs + MARGIN_MS);
      expect(errorOf(answer, 'hr')).toMatchObject({
        message: expect.stringMatching(/^Member HR is unavailable: its circuit breaker is open/),
        extensions: { code: 'MEMBER_UNAVAILABLE', country: 'HR', reason: 'CIRCUIT_OPEN' },
      });
      expect(answer.data.xk.name).toMatch(/Kosovo/);
      expect(answer.data.al.name).toMatch(/Albania/);
      expect(answer.data.hr).toBeNull();
    }
    // The failing member counted towards its own threshold, then was answered for at once too.
    expect(errorOf(later.at(-1)!, 'bg')).toMatchObject({ extensions: { code: 'MEMBER_UNAVAILABLE', country: 'BG', reason: 'CIRCUIT_OPEN' } });
    expect(federation.gateway.ready().members.BG.breaker).toMatchObject({ state: expect.stringMatching(/^(open|half-open)$/), reason: expect.stringContaining('HTTP 500') });
    // Metrics show it too: 2 open, 1 half-open (a probe under way).
    expect([1, 2]).toContain(await breakerGauge('HR'));
    expect(await breakerGauge('XK')).toBe(0);
  });

  it('answers a burst of concurrent requests without waiting for the stalled member', async () => {
    const started = Date.now();
    const burst = await Promise.all(Array.from({ length: 12 }, () => federation.query(EVERY_MEMBER)));
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
    for (const answer of burst) {
      expect(answer.data.xk.name).toMatch(/Kosovo/);
      expect(errorOf(answer, 'hr')?.extensions).toMatchObject({ reason: 'CIRCUIT_OPEN' });
    }
  });

  it('logs each opening once, however many probes fail while it stays open', async () => {
    await new Promise((resolve) => setTimeout(resolve, PROBE_MS * 3));
    expect(breakerLines('HR', 'opened')).toHaveLength(1);
    expect(breakerLines('BG', 'opened')).toHaveLength(1);
    expect(breakerLines('HR', 'opened')[0]).toMatchObject({ level: 40, member: 'HR', breaker: 'open' });
  });

  it('closes each breaker once a probe gets an answer, and the members answer again', async () => {
    hr.signal('SIGCONT');
    bg.failStatus = undefined;
    await waitUntil(() => {
      const { members } = federation.gateway.ready();
      return members.HR.breaker.state === 'closed' && members.BG.breaker.state === 'closed';
    }, 'HR and BG breakers closed', 20_000);
    const answer = await timed(EVERY_MEMBER);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.hr.name).toMatch(/Croatia/);
    expect(breakerLines('HR', 'closed')).toHaveLength(1);
    expect(breakerLines('BG', 'closed')).toHaveLength(1);
    expect(await breakerGauge('HR')).toBe(0);
  });
});

describe('the procurement subgraph stalling (unsharded)', () => {
  const MEMBERS = '{ members { code } }';

  it('has a timeout: the first request waits at most that long, the next are answered at once as SUBGRAPH_UNAVAILABLE / CIRCUIT_OPEN', async () => {
    procurementProxy.mode = 'stall';
    const first = await timed(MEMBERS);
    expect(first.took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(first.took).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT' });

    const second = await timed(MEMBERS);
    expect(second.took).toBeLessThan(MARGIN_MS);
    expect(second.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^The procurement subgraph is unavailable: its circuit breaker is open/),
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', reason: 'CIRCUIT_OPEN' },
    });
    expect(federation.gateway.ready().breakers.procurement).toMatchObject({ state: expect.stringMatching(/^(open|half-open)$/) });
    // Member-only questions do not need procurement and still answer.
    expect((await timed(HEALTHY_ONLY)).errors).toBeUndefined();
  });

  it('closes when a probe gets an answer', async () => {
    procurementProxy.mode = 'forward';
    await waitUntil(() => federation.gateway.ready().breakers.procurement.state === 'closed', 'procurement breaker closed', 20_000);
    const answer = await timed(MEMBERS);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.members.map((m: { code: string }) => m.code)).toEqual(expect.arrayContaining(['XK', 'AL', 'HR', 'BG']));
  });
});
