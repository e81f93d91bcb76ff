/**
 * A small closed-loop load generator: `concurrency` workers each send the next
 * request as soon as the previous one answered, for a fixed number of requests.
 * Bounded in count and time, loopback only.
 */
export interface LoadResult {
  requests: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
}

export interface LoadOptions {
  url: string;
  body: string;
  requests: number;
  concurrency: number;
  /** Checks one answer; a false return counts as a failure. */
  check?: (text: string) => boolean;
  /** Stop early after this many milliseconds. */
  deadlineMs?: number;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + (options.deadlineMs ?? 120_000);
  const worker = async (): Promise<void> => {
    while (sent < options.requests && performance.now() < deadline) {
      sent++;
      const t0 = performance.now();
      try {
        const response = await fetch(options.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: options.body });
        const text = await response.text();
        if (!response.ok || (options.check && !options.check(text))) failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
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
  };
}
