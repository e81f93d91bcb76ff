/**
 * The federation benchmark: the Guild's test query over four subgraphs,
 * through each contender (bench/guild/contenders.ts) in alternating rounds
 * (A B C A B C …), per variant (bench/guild/variants.ts). Each run: a fresh
 * gateway process (alone on CPU 1 where the machine allows; subgraphs and the
 * load generator on CPU 0), a warm-up, then a measured run of fixed length
 * at `concurrency` connections. Every answer is checked against the expected
 * one (a mismatch fails the run).
 */
import { isDeepStrictEqual } from 'node:util';
import { runLoad } from '../load';
import { Child, cpuSecondsOf, peakRssMiBOf, waitForGraphQL } from '../process';
import { Contender } from './contenders';
import type { SubgraphCounts } from './serve';
import { Variant } from './variants';

export interface GuildRun {
  contender: Contender['key'];
  variant: Variant['key'];
  round: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** HTTP requests the subgraphs received per client request (measured run only). */
  subgraphRequestsPerRequest: number;
  /** TCP connections the subgraphs accepted during the measured run. */
  subgraphConnectionsOpened: number;
  peakRssMiB: number;
  /** The gateway process's CPU time (user + system) per client request. */
  cpuMsPerRequest: number;
  failures: number;
  firstFailure?: string;
}

export interface GuildSettings {
  supergraphFile: string;
  expected: unknown;
  concurrency: number;
  warmupSeconds: number;
  measureSeconds: number;
  /** CPUs for the gateway under test (taskset), or undefined. */
  gatewayCpus?: string;
  counts(): Promise<SubgraphCounts>;
  nextPort(): number;
}

export async function measureRun(contender: Contender, variant: Variant, round: number, settings: GuildSettings): Promise<GuildRun> {
  const { child, url } = contender.start(settings.supergraphFile, settings.nextPort(), settings.gatewayCpus);
  try {
    await waitForGraphQL(url, child);
    const reference = await firstAnswer(url, variant, settings.expected, contender);
    // Byte-equal to the checked answer, or else equal once parsed (a gateway may order keys differently).
    const check = (text: string) => text === reference || isDeepStrictEqual(JSON.parse(text), settings.expected);
    const load = { url, body: (i: number) => variant.body(i), concurrency: settings.concurrency, requests: Number.POSITIVE_INFINITY, check };
    const warm = await runLoad({ ...load, deadlineMs: settings.warmupSeconds * 1000 });
    const before = { counts: await settings.counts(), cpu: cpuSecondsOf(pidOf(child)) };
    const result = await runLoad({ ...load, deadlineMs: settings.measureSeconds * 1000 });
    const after = { counts: await settings.counts(), cpu: cpuSecondsOf(pidOf(child)) };
    const requests = Math.max(1, result.requests);
    return {
      contender: contender.key,
      variant: variant.key,
      round,
      requests: result.requests,
      reqPerSec: result.throughput,
      p50Ms: result.p50,
      p99Ms: result.p99,
      subgraphRequestsPerRequest: (after.counts.requests - before.counts.requests) / requests,
      subgraphConnectionsOpened: after.counts.connections - before.counts.connections,
      peakRssMiB: peakRssMiBOf(pidOf(child)),
      cpuMsPerRequest: ((after.cpu - before.cpu) * 1000) / requests,
      failures: warm.failures + result.failures,
      firstFailure: warm.firstFailure ?? result.firstFailure,
    };
  } finally {
    await child.stop();
  }
}

const pidOf = (child: Child): number => child.process.pid!;

async function firstAnswer(url: string, variant: Variant, expected: unknown, contender: Contender): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: variant.body(0) });
  const text = await response.text();
  if (!isDeepStrictEqual(JSON.parse(text), expected)) throw new Error(`${contender.name} answered the ${variant.key} query wrongly:\n${text.slice(0, 500)}`);
  return text;
}
