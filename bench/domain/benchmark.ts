/**
 * The domain benchmark, on our own federation on MariaDB
 * (bench/targets/domainFederation.ts, one process, alone on CPU 1 where the
 * machine allows):
 * - the dashboard's own queries (web/dashboard/queries.ts: the order list,
 *   one order, the members with their budgets) in turn, at `concurrency`
 *   connections, as a procurement user; every answer must be free of errors
 *   and identical to the first answer to the same query;
 * - one cross-member query (every member's ministry, by alias: the gateway
 *   asks all members in parallel) one request at a time, as the federation
 *   grows from 3 to 10 members: its latency should stay flat.
 */
import path from 'node:path';
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

async function startFederation(databaseUrl: string, members: string[], cpus?: string): Promise<{ child: Child; url: string; token: string }> {
  const child = startChild(process.execPath, [path.join(DIST, 'bench/targets/domainFederation.js'), databaseUrl, members.join(',')], {
    cpus,
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

  const crossMember: DomainResults['crossMember'] = [];
  for (const count of GROWTH) {
    const members = ALL_MEMBERS.slice(0, count);
    const query = `{ ${members.map((m) => `${m}: ministry(country: "${m}") { name }`).join(' ')} }`;
    const running = await startFederation(settings.databaseUrl, members, settings.gatewayCpus);
    try {
      const body = JSON.stringify({ query });
      const first = await post(running.url, running.token, body);
      const answer = JSON.parse(first.text);
      if (answer.errors || Object.keys(answer.data ?? {}).length !== count) throw new Error(`cross-member query with ${count} members answered wrongly: ${first.text.slice(0, 300)}`);
      const load = { url: running.url, headers: { authorization: `Bearer ${running.token}` }, body: () => body, check: (text: string) => text === first.text, concurrency: 1 };
      await runLoad({ ...load, requests: 30 });
      const result = await runLoad({ ...load, requests: 200, deadlineMs: 20_000 });
      failures += result.failures;
      firstFailure ??= result.firstFailure;
      crossMember.push({ members: count, p50Ms: result.p50, p99Ms: result.p99 });
      console.log(`  one cross-member query (every member's ministry), ${count} members: p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms${result.failures ? `, FAILURES ${result.failures}` : ''}`);
    } finally {
      await running.child.stop();
    }
  }
  const crossMemberGrowth = crossMember[crossMember.length - 1].p50Ms / crossMember[0].p50Ms;
  console.log(`  cross-member latency at ${GROWTH[GROWTH.length - 1]} members / at ${GROWTH[0]}: ${crossMemberGrowth.toFixed(2)}x (p50)`);
  return { dashboard, crossMember, crossMemberGrowth, failures, firstFailure };
}
