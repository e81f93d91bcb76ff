/**
 * A small closed-loop load generator: `concurrency` connections, each sending
 * the next request as soon as the previous one answered, for a fixed number
 * of requests. undici keeps the connections open, as a real client would, so
 * the generator itself stays light. Bounded in count and time, loopback only.
 */
import { Pool } from 'undici';

export interface LoadResult {
  requests: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
  /** The first failure, for the report. */
  firstFailure?: string;
}

export interface LoadOptions {
  url: string;
  /** The body of the i-th request. */
  body: (i: number) => string;
  requests: number;
  concurrency: number;
  /** Checks one answer (the i-th request's); a false return counts as a failure. */
  check: (text: string, i: number) => boolean;
  headers?: Record<string, string>;
  /** Stop early after this many milliseconds. */
  deadlineMs?: number;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const pool = new Pool(url.origin, { connections: options.concurrency, pipelining: 1 });
  const headers = { 'content-type': 'application/json', ...options.headers };
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  let sent = 0;
  const fail = (why: string) => {
    failures++;
    firstFailure ??= why;
  };
  const started = performance.now();
  const deadline = started + (options.deadlineMs ?? 120_000);
  const worker = async (): Promise<void> => {
    while (sent < options.requests && performance.now() < deadline) {
      const i = sent++;
      const t0 = performance.now();
      try {
        const answer = await pool.request({ path: url.pathname, method: 'POST', headers, body: options.body(i) });
        const text = await answer.body.text();
        if (answer.statusCode !== 200) fail(`HTTP ${answer.statusCode}: ${text.slice(0, 300)}`);
        else if (!options.check(text, i)) fail(`wrong answer: ${text.slice(0, 300)}`);
      } catch (error) {
        fail(String(error));
      }
      latencies.push(performance.now() - t0);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    await pool.close();
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failures,
    firstFailure,
  };
}
