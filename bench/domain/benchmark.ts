/**
 * The domain benchmark, on our own federation on MariaDB, laid out as deployed
 * (bench/targets/domainFederation.ts): every member's country subgraph a
 * process of its own, procurement in another, each gateway alone in its own.
 * - the dashboard's own queries (web/dashboard/queries.ts: the order list,
 *   one order, the members with their budgets) in turn, at `concurrency`
 *   connections, as a procurement user; every answer must be free of errors
 *   and identical to the first answer to the same query. A throughput test:
 *   the gateway alone on CPU 1 where the machine allows, every other process
 *   (members, procurement, the load generator) on CPU 0;
 * - one cross-member query (every member's ministry, by alias: the gateway
 *   asks all members in parallel) one request at a time, through gateways over
 *   3, 6 and 10 of the same member processes, asked in turn (many samples,
 *   medians): its latency should stay flat.
 *
 * Why the cross-member part lets the members use every CPU (layout `spread`,
 * BENCH_DOMAIN_LAYOUTS): in production each member is its own service on its
 * own machine, so the members' work for one query overlaps. The test sends one
 * request at a time, so while the members work the gateway's core is idle;
 * pinning every member to CPU 0 (layout `pinned`, the throughput part's) makes
 * them take turns on one core, and the latency then measures N members' work
 * one after the other, which no deployment does. On a 2-core machine they can
 * still overlap only two at a time, so the result is an upper bound of the
 * growth, not the deployment's. What is not hidden: the gateway's own cost
 * per member (building, signing and sending N requests, parsing N answers)
 * is on the measured path, and printed on its own as the gateway's CPU time
 * per query at 3, 6 and 10 members (from /proc), with the members' CPU time
 * per member request.
 */
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'undici';
import { dashboardDocuments } from '../../scripts/safelist';
import { runLoad } from '../load';
import { readEnv } from '../../lib/config/env';
import { Child, cpuSecondsOf, startChild, waitForOutput } from '../process';

export interface DomainResults {
  dashboard: { reqPerSec: number; p50Ms: number; p99Ms: number; requests: number };
  crossMember: Array<{ layout: string; members: number; p50Ms: number; p99Ms: number; gatewayCpuMsPerQuery: number }>;
  /** p50 at the most members / p50 at the fewest, in the first layout (BENCH_DOMAIN_LAYOUTS). */
  crossMemberGrowth: number;
  /** The same for every layout measured. */
  crossMemberGrowthByLayout: Record<string, number>;
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

interface Layout {
  name: string;
  description: string;
  /** The member processes' CPUs (undefined: the load generator's). */
  memberCpus?: string;
}

/**
 * Where the member processes of the cross-member part run (BENCH_DOMAIN_LAYOUTS, default `spread`; several, comma-
 * separated, are measured side by side, the first one's ratio is the result):
 * - `spread`: on every CPU, as deployed (each member on its own machine, free while the gateway waits);
 * - `pinned`: on CPU 0 with the load generator (the layout of the throughput part, and of this part before).
 */
function crossMemberLayouts(gatewayCpus: string | undefined): Layout[] {
  const all: Record<string, Layout> = {
    spread: { name: 'spread', description: 'one process each, on every CPU', memberCpus: gatewayCpus ? `0-${os.cpus().length - 1}` : undefined },
    pinned: { name: 'pinned', description: 'one process each, on CPU 0 with the load generator', memberCpus: gatewayCpus ? '0' : undefined },
  };
  return (readEnv('BENCH_DOMAIN_LAYOUTS', 'spread') ?? 'spread').split(',').map((name) => {
    const layout = all[name.trim()];
    if (!layout) throw new Error(`BENCH_DOMAIN_LAYOUTS: unknown layout "${name}" (known: ${Object.keys(all).join(', ')})`);
    return layout;
  });
}

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

interface Federation {
  child: Child;
  /** The gateways by member count, each with its process. */
  gateways: Array<{ members: number; url: string; pid: number }>;
  memberPids: number[];
  url: string;
  token: string;
}

/**
 * A federation (bench/targets/domainFederation.ts): procurement with the load
 * generator's CPUs, each member in its own process on `memberCpus` (default
 * the load generator's), one gateway per count of `gateways` on `gatewayCpus`.
 */
async function startFederation(databaseUrl: string, members: string[], options: { gatewayCpus?: string; memberCpus?: string; gateways?: number[] } = {}): Promise<Federation> {
  const { gatewayCpus, memberCpus, gateways } = options;
  const child = startChild(
    process.execPath,
    [
      path.join(DIST, 'bench/targets/domainFederation.js'),
      databaseUrl,
      members.join(','),
      ...(gatewayCpus ? ['--gateway-cpus', gatewayCpus] : []),
      ...(memberCpus ? ['--member-cpus', memberCpus] : []),
      ...(gateways ? ['--gateways', gateways.join(',')] : []),
    ],
    { cpus: gatewayCpus ? '0' : undefined, env: { LOG_LEVEL: 'warn', NODE_ENV: 'development' }, ipc: true },
  );
  try {
    const [, url, token] = await waitForOutput(child, /READY (\S+) (\S+)/, 240_000);
    const output = child.output();
    const memberPids = (/MEMBERS (\S+)/.exec(output)?.[1] ?? '').split(',').map(Number);
    const started = [...output.matchAll(/GATEWAY (\d+) (\S+) (\d+)/g)].map(([, n, gatewayUrl, pid]) => ({ members: Number(n), url: gatewayUrl, pid: Number(pid) }));
    return { child, gateways: started, memberPids, url, token };
  } catch (error) {
    await child.stop();
    throw error;
  }
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
    federation = await startFederation(settings.databaseUrl, ALL_MEMBERS.slice(0, 4), { gatewayCpus: settings.gatewayCpus });
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

  // One federation per layout, each with a gateway per size over the first 3, 6, 10 of its member processes;
  // every gateway is asked in turn (3, 6, 10, 3, 6, 10…), so a busy moment of the machine falls on every size
  // alike; medians over many samples.
  const crossMember: DomainResults['crossMember'] = [];
  const growthByLayout: Record<string, number> = {};
  const layouts = crossMemberLayouts(settings.gatewayCpus);
  const started = await Promise.all(
    layouts.map((layout) =>
      startFederation(settings.databaseUrl, ALL_MEMBERS.slice(0, Math.max(...GROWTH)), { gatewayCpus: settings.gatewayCpus, memberCpus: layout.memberCpus, gateways: GROWTH }).catch((error: unknown) => error as Error),
    ),
  );
  try {
    const failedToStart = started.find((s): s is Error => s instanceof Error);
    if (failedToStart) throw failedToStart;
    const federations = started as Federation[];
    const targets = federations.flatMap((federation, l) =>
      federation.gateways.map(({ members: count, url, pid }) => {
        const members = ALL_MEMBERS.slice(0, count);
        return {
          layout: layouts[l],
          count,
          pid,
          url,
          headers: { authorization: `Bearer ${federation.token}` },
          body: JSON.stringify({ query: `{ ${members.map((m) => `${m}: ministry(country: "${m}") { name }`).join(' ')} }` }),
          check: (text: string) => {
            const answer = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown };
            return !answer.errors && Object.keys(answer.data ?? {}).length === count;
          },
        };
      }),
    );
    await sampleInTurn(targets, CROSS_MEMBER_WARMUP, 0);
    const cpuBefore = targets.map((t) => cpuSecondsOf(t.pid));
    const memberCpuBefore = federations.map((f) => f.memberPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0));
    const samples = await sampleInTurn(targets, 0, CROSS_MEMBER_SAMPLES);
    const memberCpuMs = federations.map((f, l) => (1000 * (f.memberPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0) - memberCpuBefore[l])) / (CROSS_MEMBER_SAMPLES * GROWTH.reduce((a, b) => a + b, 0)));
    targets.forEach(({ layout, count, pid }, k) => {
      const { latencies, failures: failed, firstFailure: why } = samples[k];
      failures += failed;
      firstFailure ??= why;
      const gatewayCpuMs = (1000 * (cpuSecondsOf(pid) - cpuBefore[k])) / latencies.length;
      crossMember.push({ layout: layout.name, members: count, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), gatewayCpuMsPerQuery: gatewayCpuMs });
      console.log(
        `  one cross-member query (every member's ministry), ${count} members${layouts.length > 1 ? ` [${layout.name}]` : ''}: p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms, gateway CPU ${gatewayCpuMs.toFixed(2)} ms per query (${latencies.length} samples)${failed ? `, FAILURES ${failed}: ${why}` : ''}`,
      );
    });
    layouts.forEach((layout, l) => {
      const of = (count: number) => crossMember.find((c) => c.layout === layout.name && c.members === count)!;
      const [fewest, most] = [of(GROWTH[0]), of(GROWTH[GROWTH.length - 1])];
      const growth = most.p50Ms / fewest.p50Ms;
      growthByLayout[layout.name] = growth;
      console.log(`  ${layouts.length > 1 ? `[${layout.name}] ` : ''}members (${layout.description}): ${memberCpuMs[l].toFixed(2)} ms CPU per member request`);
      console.log(
        `  ${layouts.length > 1 ? `[${layout.name}] ` : ''}cross-member latency at ${most.members} members / at ${fewest.members}: ${growth.toFixed(2)}x (p50); gateway CPU per query ${fewest.gatewayCpuMsPerQuery.toFixed(2)} → ${most.gatewayCpuMsPerQuery.toFixed(2)} ms (${(most.gatewayCpuMsPerQuery / fewest.gatewayCpuMsPerQuery).toFixed(2)}x)`,
      );
    });
  } finally {
    await Promise.all(started.map((s) => (s instanceof Error ? undefined : s.child.stop())));
  }
  const crossMemberGrowth = growthByLayout[layouts[0].name];
  return { dashboard, crossMember, crossMemberGrowth, crossMemberGrowthByLayout: growthByLayout, failures, firstFailure };
}
