/**
 * `npm run bench`: our gateway against plain @apollo/gateway (the baseline)
 * and Hive Gateway, side by side in one run, on the Guild's federation
 * benchmark (bench/guild/), then the domain benchmark on our own federation
 * (bench/domain/, MariaDB). Prints per run and per round, a summary with the
 * ratios ours/apollo and ours/hive (medians over rounds), and writes it all
 * as JSON; last, the CSV import benchmark (./importHoldings.ts). Everything
 * runs on loopback, bounded in time (about 8 minutes). SIGTERM or Ctrl-C stops
 * every process it started (./process.ts).
 *
 * Knobs: BENCH_ROUNDS (2), BENCH_CONCURRENCY (50), BENCH_SECONDS (measured
 * run, 12), BENCH_WARMUP_SECONDS (3), BENCH_VARIANTS (identical,varied),
 * BENCH_CONTENDERS (apollo,ours,hive), BENCH_DOMAIN (on; off skips it),
 * BENCH_DATABASE_URL (mysql://root@127.0.0.1:3306), BENCH_JSON
 * (test-output/bench.json), BENCH_OURS_NODE_FLAGS (Node flags for our gateway),
 * BENCH_NICE (-10: niceness of every benchmark process, where allowed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDomainBenchmark, DomainResults } from './domain/benchmark';
import { measureRun, GuildRun } from './guild/benchmark';
import { CONTENDERS } from './guild/contenders';
import type { SubgraphCounts } from './guild/serve';
import { VARIANTS } from './guild/variants';
import { readEnv, type EnvName } from '../lib/config/env';
import { exitWithUsageIfAsked } from '../lib/config/usage';
import { benchImportHoldings } from './importHoldings';
import { benchNiceness, canPin, pin, startChild, stopChildrenOnSignals, waitForOutput } from './process';

const DIST = path.resolve(__dirname, '..');
const ROOT = path.resolve(DIST, '..');
// A copy of shared/bench/guild-testquery-expected.json, the benchmark's expected answer.
const EXPECTED_FILE = path.join(ROOT, 'bench', 'guild', 'testquery-expected.json');

const env = (name: EnvName, fallback: string): string => readEnv(name, fallback)!;
const ROUNDS = Number(env('BENCH_ROUNDS', '2'));
const CONCURRENCY = Number(env('BENCH_CONCURRENCY', '50'));
const SECONDS = Number(env('BENCH_SECONDS', '12'));
const WARMUP_SECONDS = Number(env('BENCH_WARMUP_SECONDS', '3'));
const JSON_FILE = path.resolve(ROOT, env('BENCH_JSON', 'test-output/bench.json'));
const pick = <T extends { key: string }>(all: T[], list: string) => all.filter((x) => list.split(',').includes(x.key));
const contenders = pick(CONTENDERS, env('BENCH_CONTENDERS', 'apollo,ours,hive'));
const variants = pick(VARIANTS, env('BENCH_VARIANTS', 'identical,varied'));

const median = (values: number[]): number => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
    niceness: benchNiceness(),
    pinned: canPin() && cpus.length >= 2 ? 'gateway on CPU 1; subgraphs and load generator on CPU 0' : 'no (taskset or a second CPU missing)',
  };
}

function runLine(run: GuildRun): string {
  const name = CONTENDERS.find((c) => c.key === run.contender)!.name;
  return (
    `  ${name.padEnd(36)} ${fixed(run.reqPerSec).padStart(7)} req/s  p50 ${fixed(run.p50Ms).padStart(7)} ms  p99 ${fixed(run.p99Ms).padStart(7)} ms  ` +
    `${fixed(run.subgraphRequestsPerRequest, 2).padStart(5)} subgraph req/req  ${String(run.subgraphConnectionsOpened).padStart(3)} conns  ` +
    `RSS ${fixed(run.peakRssMiB, 0).padStart(4)} MiB  CPU ${fixed(run.cpuMsPerRequest, 2).padStart(6)} ms/req  ${run.failures ? `FAILURES ${run.failures}: ${run.firstFailure}` : 'all answers correct'}`
  );
}

interface Ratios {
  throughput: number;
  cpuPerRequest: number;
}

function ratiosOf(runs: GuildRun[], other: string): Ratios | undefined {
  const ours = runs.find((r) => r.contender === 'ours');
  const them = runs.find((r) => r.contender === other);
  if (!ours || !them) return undefined;
  return { throughput: ours.reqPerSec / them.reqPerSec, cpuPerRequest: ours.cpuMsPerRequest / them.cpuMsPerRequest };
}

const USAGE = `Usage: npm run bench

Runs the federation benchmark (the Guild's query: plain @apollo/gateway, ours and Hive Gateway side by side,
50 connections, alternating rounds) and the domain benchmark on MariaDB, prints the table and writes
test-output/bench.json; then the CSV import benchmark (alone: npm run bench:import). Results and targets:
bench/RESULTS.md. SIGTERM or Ctrl-C stops every process it started.
  --help   this text (runs nothing)`;

async function main(): Promise<void> {
  exitWithUsageIfAsked(process.argv.slice(2), USAGE);
  const started = Date.now();
  const details = machine();
  const pinned = canPin() && details.cpus >= 2;
  if (pinned) pin(process.pid, '0');
  console.log(`Benchmark on ${details.cpus} × ${details.cpu}, ${details.memoryGiB} GiB, ${details.os}, Node ${details.node}; load average ${details.loadAverageAtStart.join(' ')}`);
  console.log(`pinning: ${details.pinned}; niceness of every benchmark process: ${details.niceness}`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-bench-'));
  stopChildrenOnSignals(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const supergraphFile = path.join(tmp, 'supergraph.graphql');
  const subgraphs = startChild(process.execPath, [path.join(DIST, 'bench/targets/guildSubgraphs.js'), supergraphFile], { cpus: pinned ? '0' : undefined, ipc: true });
  const counts = () =>
    new Promise<SubgraphCounts>((resolve) => {
      subgraphs.process.once('message', (message) => resolve((message as { counts: SubgraphCounts }).counts));
      subgraphs.process.send('counts');
    });
  const runs: GuildRun[] = [];
  let domain: DomainResults | { skipped: string } = { skipped: 'BENCH_DOMAIN=off' };
  try {
    await waitForOutput(subgraphs, /READY/);
    const expected: unknown = JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8'));
    let port = 5160;
    const settings = {
      supergraphFile,
      expected,
      concurrency: CONCURRENCY,
      warmupSeconds: WARMUP_SECONDS,
      measureSeconds: SECONDS,
      gatewayCpus: pinned ? '1' : undefined,
      counts,
      nextPort: () => port++,
    };
    console.log(`\nFederation benchmark (the Guild's): ${CONCURRENCY} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s measured per run, ${ROUNDS} rounds, contenders alternating`);
    console.log(`every answer checked against ${path.relative(ROOT, EXPECTED_FILE)}`);
    for (const variant of variants) {
      console.log(`\n[${variant.key}] ${variant.description}`);
      for (let round = 1; round <= ROUNDS; round++) {
        console.log(` round ${round}`);
        const roundRuns: GuildRun[] = [];
        for (const contender of contenders) {
          const run = await measureRun(contender, variant, round, settings);
          roundRuns.push(run);
          console.log(runLine(run));
        }
        runs.push(...roundRuns);
        for (const other of ['apollo', 'hive']) {
          const ratios = ratiosOf(roundRuns, other);
          if (ratios) console.log(`  ours/${other}: throughput ${fixed(ratios.throughput, 2)}x, CPU per request ${fixed(ratios.cpuPerRequest, 2)}x`);
        }
      }
    }
    if (env('BENCH_DOMAIN', 'on') !== 'off') domain = await runDomainBenchmark({ databaseUrl: env('BENCH_DATABASE_URL', 'mysql://root@127.0.0.1:3306'), concurrency: CONCURRENCY, seconds: SECONDS, gatewayCpus: pinned ? '1' : undefined });
  } finally {
    await subgraphs.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const summary = variants.map((variant) => {
    const of = (key: string) => runs.filter((r) => r.variant === variant.key && r.contender === key);
    const rows = contenders.map((c) => {
      const mine = of(c.key);
      return {
        gateway: c.name,
        'req/s': fixed(median(mine.map((r) => r.reqPerSec))),
        'p50 ms': fixed(median(mine.map((r) => r.p50Ms))),
        'p99 ms': fixed(median(mine.map((r) => r.p99Ms))),
        'subgraph req/req': fixed(median(mine.map((r) => r.subgraphRequestsPerRequest)), 2),
        'peak RSS MiB': fixed(median(mine.map((r) => r.peakRssMiB)), 0),
        'CPU ms/req': fixed(median(mine.map((r) => r.cpuMsPerRequest)), 2),
        failures: mine.reduce((n, r) => n + r.failures, 0),
      };
    });
    const ratio = (other: string) => {
      const perRound = Array.from({ length: ROUNDS }, (_, i) => ratiosOf(runs.filter((r) => r.variant === variant.key && r.round === i + 1), other)).filter((r): r is Ratios => !!r);
      return perRound.length ? { throughput: median(perRound.map((r) => r.throughput)), cpuPerRequest: median(perRound.map((r) => r.cpuPerRequest)) } : undefined;
    };
    return { variant: variant.key, rows, oursOverApollo: ratio('apollo'), oursOverHive: ratio('hive') };
  });

  console.log('\nSummary (medians over rounds)');
  for (const s of summary) {
    console.log(`\n[${s.variant}]`);
    console.table(s.rows);
    if (s.oursOverApollo) console.log(`ours/apollo: throughput ${fixed(s.oursOverApollo.throughput, 2)}x, CPU per request ${fixed(s.oursOverApollo.cpuPerRequest, 2)}x`);
    if (s.oursOverHive) console.log(`ours/hive:   throughput ${fixed(s.oursOverHive.throughput, 2)}x, CPU per request ${fixed(s.oursOverHive.cpuPerRequest, 2)}x`);
  }
  if ('skipped' in domain) console.log(`\nDomain benchmark skipped: ${domain.skipped}`);
  const seconds = (Date.now() - started) / 1000;
  console.log(`\nbenchmark took ${fixed(seconds, 0)} s; JSON: ${path.relative(process.cwd(), JSON_FILE)}`);
  fs.mkdirSync(path.dirname(JSON_FILE), { recursive: true });
  fs.writeFileSync(JSON_FILE, JSON.stringify({ machine: details, settings: { rounds: ROUNDS, concurrency: CONCURRENCY, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS }, runs, summary, domain, seconds }, null, 2));
  console.log('');
  await benchImportHoldings();
  const failed = runs.some((r) => r.failures > 0) || ('failures' in domain && domain.failures > 0);
  if (failed) {
    console.error('Some answers were wrong or failed: see FAILURES above.');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
