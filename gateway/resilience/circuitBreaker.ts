/**
 * A circuit breaker in front of one service (an unsharded subgraph, or one
 * member's subgraph). Closed, it lets requests through and counts failures
 * and timeouts in a sliding window; past a threshold it opens: requests are
 * answered for at once (CIRCUIT_OPEN) instead of waiting for a service that
 * is stalled or failing. While open it probes the service in the background
 * every `probeIntervalMs` (half-open while a probe runs); the first probe
 * that gets an answer closes it. Only probes close it: a late success of a
 * request sent before it opened proves nothing about the service now.
 *
 * Each change of state is logged once (opening and closing; the probe
 * cycles while open only at debug level) and told to the listeners.
 */
import type { Logger } from 'pino';
import { outsideRequest } from '../../lib/observability/requestContext';
import { describeTarget, SubgraphTarget } from '../datasources/subgraphDataSource';
import type { BreakerSettings } from './settings';
import type { SubgraphFailure } from './subgraphFailure';

export type BreakerState =
  /** Requests go through; failures and timeouts are counted. */
  | { state: 'closed'; since: Date }
  /** Requests are answered for at once; a probe follows every `probeIntervalMs`. */
  | { state: 'open'; since: Date; reason: string }
  /** A probe is under way; requests are still answered for at once. */
  | { state: 'half-open'; since: Date; reason: string };

export type BreakerStateName = BreakerState['state'];

export interface BreakerChange {
  target: SubgraphTarget;
  state: BreakerState;
  previous: BreakerState;
}

export interface CircuitBreakerOptions {
  target: SubgraphTarget;
  settings: BreakerSettings;
  /** Asks the service something cheap; resolves when it answered, throws when it did not. */
  probe: () => Promise<void>;
  logger: Logger;
  onChange?: (change: BreakerChange) => void;
}

/** The error a caller gets while the breaker is open. */
export const CIRCUIT_OPEN = 'CIRCUIT_OPEN';

export class CircuitBreaker {
  readonly target: SubgraphTarget;
  private current: BreakerState = { state: 'closed', since: new Date() };
  /** Times (ms) of recent failures and timeouts, oldest first. */
  private readonly recent = { failure: [] as number[], timeout: [] as number[] };
  private probeTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.target = options.target;
  }

  get state(): BreakerState {
    return this.current;
  }

  /** True while requests must not be sent (open, or half-open with a probe under way). */
  get isOpen(): boolean {
    return this.current.state !== 'closed';
  }

  /** Counts a failed request; opens the breaker when a threshold is reached within the window. Ignored while open. */
  recordFailure(failure: SubgraphFailure): void {
    if (this.current.state !== 'closed' || failure.kind === 'other') return;
    const { settings } = this.options;
    const kind = failure.kind === 'timeout' ? 'timeout' : 'failure';
    const list = this.recent[kind];
    const now = Date.now();
    list.push(now);
    while (list.length > 0 && list[0] <= now - settings.windowMs) list.shift();
    const threshold = kind === 'timeout' ? settings.timeoutThreshold : settings.failureThreshold;
    if (list.length < threshold) return;
    const counted = `${list.length} ${kind}${list.length === 1 ? '' : 's'} within ${settings.windowMs / 1000} s`;
    this.open(`${counted}, the last: ${failure.reason}`);
  }

  /** Stops probing (the gateway is stopping). */
  stop(): void {
    this.stopped = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
  }

  private open(reason: string): void {
    this.recent.failure.length = 0;
    this.recent.timeout.length = 0;
    this.become({ state: 'open', since: new Date(), reason });
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    if (this.stopped) return;
    // The request that opened the breaker is long answered when the probes run: they are nobody's request.
    this.probeTimer = outsideRequest(() => setTimeout(() => void this.probe(), this.options.settings.probeIntervalMs));
    this.probeTimer.unref();
  }

  private async probe(): Promise<void> {
    this.probeTimer = undefined;
    if (this.stopped || this.current.state !== 'open') return;
    const reason = this.current.reason;
    this.become({ state: 'half-open', since: new Date(), reason });
    try {
      await this.options.probe();
      this.become({ state: 'closed', since: new Date() });
    } catch (error) {
      this.become({ state: 'open', since: new Date(), reason: `a probe got no answer (${(error as Error)?.message ?? String(error)})` });
      this.scheduleProbe();
    }
  }

  private become(next: BreakerState): void {
    const previous = this.current;
    this.current = next;
    const { logger, settings } = this.options;
    const who = describeTarget(this.target);
    const fields = { subgraph: this.target.subgraph, ...(this.target.member ? { member: this.target.member } : {}), breaker: next.state };
    if (next.state === 'open' && previous.state === 'closed') {
      logger.warn(fields, `circuit breaker for ${who} opened (${next.reason}): answered for at once as unavailable, probed every ${settings.probeIntervalMs} ms`);
    } else if (next.state === 'closed') {
      logger.info(fields, `circuit breaker for ${who} closed: a probe got an answer; requests go through again`);
    } else {
      logger.debug(fields, `circuit breaker for ${who}: ${next.state}${next.state === 'open' ? ` (${next.reason})` : ''}`);
    }
    this.options.onChange?.({ target: this.target, state: next, previous });
  }
}

/** A breaker's state as JSON (GET /ready). */
export interface BreakerReport {
  state: BreakerStateName;
  since: string;
  reason?: string;
}

export function describeBreaker(state: BreakerState): BreakerReport {
  return state.state === 'closed'
    ? { state: state.state, since: state.since.toISOString() }
    : { state: state.state, since: state.since.toISOString(), reason: state.reason };
}
