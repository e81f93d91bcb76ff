/**
 * `npm run bench`: our gateway against plain @apollo/gateway, side by side in
 * one run, on the Guild's federation benchmark (4 subgraphs, entity fetches,
 * @requires, @provides). Every answer is checked against the expected
 * response; the report prints throughput, latency and peak memory, and the
 * ratios ours / baseline. Everything runs on loopback, bounded in count and time.
 *
 * Knobs: BENCH_REQUESTS (per round, default 1500), BENCH_CONCURRENCY (16), BENCH_ROUNDS (2).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { BENCH_MAX_COST, GUILD_TEST_QUERY } from './guild/subgraphs';
import { runLoad, LoadResult } from './load';
import { Child, memoryOf, startChild, waitForGraphQL, waitForOutput } from './process';

const DIST = path.resolve(__dirname, '..');
const ROOT = path.resolve(DIST, '..');
// A copy of shared/bench/guild-testquery-expected.json, the benchmark's expected answer.
const EXPECTED_FILE = path.join(ROOT, 'bench', 'guild', 'testquery-expected.json');

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

interface Target {
  name: string;
  start(supergraphFile: string, port: number): { child: Child; url: string };
}

const TARGETS: Target[] = [
  {
    name: '@apollo/gateway 2.14 (baseline)',
    start: (file, port) => ({
      child: startChild(process.execPath, [path.join(DIST, 'bench/targets/apolloGateway.js'), file, String(port)]),
      url: `http://127.0.0.1:${port}/`,
    }),
  },
  {
    name: 'our gateway (--supergraph)',
    start: (file, port) => ({
      // Started outside the repo, with no federation config: a plain federation gateway over the file.
      child: startChild(
        process.execPath,
        [path.join(DIST, 'gateway/index.js'), '--supergraph', file, '--port', String(port)],
        // The baseline has no authentication; ours serves anonymous reads here so both do the same work.
        // …and allows the benchmark query's cost (our default limit is for client queries, not this load test).
        { LOG_LEVEL: 'warn', AUTH_ALLOW_ANONYMOUS_READ: 'true', GRAPHQL_MAX_COST: String(BENCH_MAX_COST) },
        path.dirname(file),
      ),
      url: `http://127.0.0.1:${port}/graphql`,
    }),
  },
];

interface Measurement extends LoadResult {
  peakMiB: number;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(target: Target, supergraphFile: string, port: number, reference: { text?: string; expected?: unknown }): Promise<Measurement> {
  const { child, url } = target.start(supergraphFile, port);
  try {
    await waitForGraphQL(url, child);
    const body = JSON.stringify({ query: GUILD_TEST_QUERY });
    const first = await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
    if (!isDeepStrictEqual(JSON.parse(first), reference.expected)) {
      throw new Error(`${target.name} answered the test query wrongly:\n${first.slice(0, 500)}`);
    }
    reference.text ??= first;
    // Each answer must be the same size as the checked one: cheap enough not to load the generator.
    const check = (text: string) => text.length === reference.text!.length;
    await runLoad({ url, body, requests: Math.min(200, REQUESTS), concurrency: CONCURRENCY, check });
    const result = await runLoad({ url, body, requests: REQUESTS, concurrency: CONCURRENCY, check });
    return { ...result, peakMiB: memoryOf(child.process.pid!).peakMiB };
  } finally {
    await child.stop();
  }
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-bench-'));
  const supergraphFile = path.join(tmp, 'supergraph.graphql');
  const subgraphs = startChild(process.execPath, [path.join(DIST, 'bench/targets/guildSubgraphs.js'), supergraphFile]);
  try {
    await waitForOutput(subgraphs, /READY/);
    const expected: unknown = JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8'));
    console.log(`Federation benchmark: the Guild's test query over 4 subgraphs; ${REQUESTS} requests per round, concurrency ${CONCURRENCY}, ${ROUNDS} rounds interleaved`);
    console.log(`answers checked against ${path.relative(ROOT, EXPECTED_FILE)}`);
    const reference: { text?: string; expected?: unknown } = { expected };
    const results = new Map<string, Measurement[]>(TARGETS.map((t) => [t.name, []]));
    let port = 4900;
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of TARGETS) results.get(target.name)!.push(await measure(target, supergraphFile, port++, reference));
    }
    const rows = TARGETS.map((t) => {
      const runs = results.get(t.name)!;
      return {
        target: t.name,
        'req/s': median(runs.map((r) => r.throughput)).toFixed(0),
        'p50 ms': median(runs.map((r) => r.p50)).toFixed(1),
        'p95 ms': median(runs.map((r) => r.p95)).toFixed(1),
        'p99 ms': median(runs.map((r) => r.p99)).toFixed(1),
        'peak RSS MiB': median(runs.map((r) => r.peakMiB)).toFixed(0),
        failures: runs.reduce((n, r) => n + r.failures, 0),
      };
    });
    console.table(rows);
    const [base, ours] = rows;
    const ratio = (a: string, b: string) => (Number(a) / Number(b)).toFixed(2);
    console.log(
      `ratio ours/baseline: throughput ${ratio(ours['req/s'], base['req/s'])}x, p95 latency ${ratio(ours['p95 ms'], base['p95 ms'])}x, peak memory ${ratio(ours['peak RSS MiB'], base['peak RSS MiB'])}x`,
    );
    if (rows.some((r) => r.failures > 0)) process.exitCode = 1;
  } finally {
    await subgraphs.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
