/**
 * How the gateway protects callers from a subgraph (or a member's subgraph)
 * that fails or stalls: the circuit breaker's thresholds and the retries of
 * reads. Set per subgraph in the federation config (`breaker`, `retry`; for a
 * sharded subgraph they apply to each member on its own); these are the
 * defaults.
 */

export interface BreakerSettings {
  /** Failures (no answer: connection refused or reset, or a 5xx) within `windowMs` that open the breaker. */
  failureThreshold: number;
  /**
   * Timeouts within `windowMs` that open it. Default 1: a stalled service
   * costs every caller the whole timeout, so after the first one it is
   * answered for at once until a probe gets an answer.
   */
  timeoutThreshold: number;
  /** How far back (ms) failures and timeouts are counted. */
  windowMs: number;
  /** While open, how often (ms) a probe is sent in the background (half-open); the first answer closes it. */
  probeIntervalMs: number;
}

export interface RetrySettings {
  /**
   * Further attempts of a read (a query, never a mutation) whose request got
   * no answer at all (connection refused or reset). Never after a timeout or
   * an answer. 0 turns retries off.
   */
  attempts: number;
  /** Backoff with full jitter: attempt n waits a random 0…delayMs·2^(n-1) ms. */
  delayMs: number;
}

export const DEFAULT_BREAKER: Readonly<BreakerSettings> = { failureThreshold: 5, timeoutThreshold: 1, windowMs: 30_000, probeIntervalMs: 1000 };
export const DEFAULT_RETRY: Readonly<RetrySettings> = { attempts: 2, delayMs: 50 };
/** An unsharded subgraph slower than this (ms) answers as SUBGRAPH_TIMEOUT, unless its `timeoutMs` says otherwise. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;
/** Retries are bounded: at most this many further attempts. */
export const MAX_RETRY_ATTEMPTS = 5;
