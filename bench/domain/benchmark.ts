/**
 * The domain benchmark, on our own federation on MariaDB
 * (bench/targets/domainFederation.ts: the gateway alone on CPU 1 where the
 * machine allows, members and procurement on CPU 0 with the load generator):
 * - the dashboard's own queries (web/dashboard/queries.ts: the order list,
 *   one order, the members with their budgets) in turn, at `concurrency`
 *   connections, as a procurement user; every answer must be free of errors
 *   and identical to the first answer to the same query;
 * - one cross-member query (every member's ministry, by alias: the gateway
 *   asks all members in parallel) one request at a time, on federations of 3,
 *   6 and 10 members running side by side and asked in turn (many samples,
 *   medians): its latency should stay flat.
 */
import path from 'node:path';
import { Pool } from 'undici';
import { dashboardDocuments } from '../../scripts/safelist';
import { runLoad } from '../load';
import { Child, startChild, waitForOutput } from '../process';

export interface DomainResults {
  dashboard: { reqPerSec: number; p50Ms: number; p99Ms: number; requests: number };
  crossMember: Array<{ members: number; p50Ms: number; p99Ms: number }>;
  /** p50 at the most members / p50 at the fewest. */
  crossMemberGrowth: number;
  failures: number;
  firstFailure?: string;
}

export interface DomainSettings {
  databaseUrl: string;
  concurrency: number;
  seconds: number;
  gatewayCpus?: string;
}

const DIST = path.resolve(__dirname, '..', '..');
const ALL_MEMBERS = ['XK', 'AL', 'HR', 'BG', 'MK', 'ME', 'RS', 'SI', 'BA', 'MT'];
const GROWTH = [3, 6, 10];
const CROSS_MEMBER_WARMUP = 30;
const CROSS_MEMBER_SAMPLES = 300;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Target {
  url: string;
  headers: Record<string, string>;
  body: string;
  check(text: string): boolean;
}

/** One request at a time to each target in turn, `samples` rounds after `warmup` rounds: each target's sorted latencies. */
async function sampleInTurn(targets: Target[], warmup: number, samples: number) {
  const pools = targets.map((t) => new Pool(new URL(t.url).origin, { connections: 1 }));
  const results = targets.map(() => ({ latencies: [] as number[], failures: 0, firstFailure: undefined as string | undefined }));
  try {
    for (let round = 0; round < warmup + samples; round++) {
      for (let k = 0; k < targets.length; k++) {
        const { url, headers, body, check } = targets[k];
        const started = performance.now();
        let failure: string | undefined;
        try {
          const answer = await pools[k].request({ path: new URL(url).pathname, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
          const text = await answer.body.text();
          if (answer.statusCode !== 200 || !check(text)) failure = `HTTP ${answer.statusCode}: ${text.slice(0, 300)}`;
        } catch (error) {
          failure = String(error);
        }
        if (round < warmup) continue;
        results[k].latencies.push(performance.now() - started);
        if (failure) {
          results[k].failures++;
          results[k].firstFailure ??= failure;
        }
      }
    }
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
  for (const r of results) r.latencies.sort((a, b) => a - b);
  return results;
}

/** Members and procurement on the CPUs the load generator uses, the gateway alone on `gatewayCpus`. */
async function startFederation(databaseUrl: string, members: string[], gatewayCpus?: string): Promise<{ child: Child; url: string; token: string }> {
  const child = startChild(process.execPath, [path.join(DIST, 'bench/targets/domainFederation.js'), databaseUrl, members.join(','), ...(gatewayCpus ? [gatewayCpus] : [])], {
    cpus: gatewayCpus ? '0' : undefined,
    env: { LOG_LEVEL: 'warn', NODE_ENV: 'development' },
  });
  const [, url, token] = await waitForOutput(child, /READY (\S+) (\S+)/, 180_000);
  return { child, url, token };
}

const post = async (url: string, token: string, body: string) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  return { status: response.status, text: await response.text() };
};

export async function runDomainBenchmark(settings: DomainSettings): Promise<DomainResults | { skipped: string }> {
  console.log(`\nDomain benchmark: our federation on MariaDB (${settings.databaseUrl})`);
  let failures = 0;
  let firstFailure: string | undefined;
  let federation: Awaited<ReturnType<typeof startFederation>>;
  try {
    federation = await startFederation(settings.databaseUrl, ALL_MEMBERS.slice(0, 4), settings.gatewayCpus);
  } catch (error) {
    const why = `the federation did not start on ${settings.databaseUrl}: ${String(error).split('\n')[0]}`;
    return { skipped: why };
  }
  let dashboard: DomainResults['dashboard'];
  try {
    // The dashboard's documents with the variables it sends (the first order's id for the order view).
    const documents = dashboardDocuments();
    const list = JSON.parse((await post(federation.url, federation.token, JSON.stringify({ query: documents.find((d) => d.includes('DashboardOrders')) }))).text);
    const orderId = list.data?.jointOrders?.[0]?.id ?? list.data?.orders?.[0]?.id;
    const bodies = documents.map((query) => JSON.stringify({ query, variables: { year: 2026, id: orderId } }));
    const expected = await Promise.all(bodies.map(async (body) => (await post(federation.url, federation.token, body)).text));
    expected.forEach((text, i) => {
      if (JSON.parse(text).errors) throw new Error(`dashboard query ${i} answered with errors: ${text.slice(0, 300)}`);
    });
    const load = {
      url: federation.url,
      headers: { authorization: `Bearer ${federation.token}` },
      body: (i: number) => bodies[i % bodies.length],
      check: (text: string, i: number) => text === expected[i % bodies.length],
      concurrency: settings.concurrency,
      requests: Number.POSITIVE_INFINITY,
    };
    await runLoad({ ...load, deadlineMs: 3000 });
    const result = await runLoad({ ...load, deadlineMs: settings.seconds * 1000 });
    failures += result.failures;
    firstFailure ??= result.firstFailure;
    dashboard = { reqPerSec: result.throughput, p50Ms: result.p50, p99Ms: result.p99, requests: result.requests };
    console.log(`  dashboard queries (${bodies.length} in turn), ${settings.concurrency} connections, 4 members: ${dashboard.reqPerSec.toFixed(1)} req/s, p50 ${dashboard.p50Ms.toFixed(1)} ms, p99 ${dashboard.p99Ms.toFixed(1)} ms${result.failures ? `, FAILURES ${result.failures}: ${result.firstFailure}` : ', all answers correct'}`);
  } finally {
    await federation.child.stop();
  }

  // The three federations run side by side and are asked in turn (3, 6, 10, 3, 6, 10…), so a busy moment
  // of the machine falls on every size alike; medians over many samples.
  const crossMember: DomainResults['crossMember'] = [];
  const sizes = await Promise.all(
    GROWTH.map(async (count) => {
      const members = ALL_MEMBERS.slice(0, count);
      const federation = await startFederation(settings.databaseUrl, members, settings.gatewayCpus);
      return { count, federation, body: JSON.stringify({ query: `{ ${members.map((m) => `${m}: ministry(country: "${m}") { name }`).join(' ')} }` }) };
    }).map((started) => started.catch((error: unknown) => error as Error)),
  );
  try {
    const failedToStart = sizes.find((s): s is Error => s instanceof Error);
    if (failedToStart) throw failedToStart;
    const running = sizes as Array<Exclude<(typeof sizes)[number], Error>>;
    const samples = await sampleInTurn(
      running.map(({ count, federation, body }) => ({
        url: federation.url,
        headers: { authorization: `Bearer ${federation.token}` },
        body,
        check: (text: string) => {
          const answer = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown };
          return !answer.errors && Object.keys(answer.data ?? {}).length === count;
        },
      })),
      CROSS_MEMBER_WARMUP,
      CROSS_MEMBER_SAMPLES,
    );
    running.forEach(({ count }, k) => {
      const { latencies, failures: failed, firstFailure: why } = samples[k];
      failures += failed;
      firstFailure ??= why;
      crossMember.push({ members: count, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) });
      console.log(`  one cross-member query (every member's ministry), ${count} members: p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms (${latencies.length} samples)${failed ? `, FAILURES ${failed}: ${why}` : ''}`);
    });
  } finally {
    await Promise.all(sizes.map((s) => (s instanceof Error ? undefined : s.federation.child.stop())));
  }
  const crossMemberGrowth = crossMember[crossMember.length - 1].p50Ms / crossMember[0].p50Ms;
  console.log(`  cross-member latency at ${GROWTH[GROWTH.length - 1]} members / at ${GROWTH[0]}: ${crossMemberGrowth.toFixed(2)}x (p50)`);
  return { dashboard, crossMember, crossMemberGrowth, failures, firstFailure };
}
