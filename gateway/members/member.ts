/**
 * One member's service, as the gateway sees it: its data source, its state,
 * its circuit breaker, and the rule for sending it a request. A member is
 * sent operations only while `available` (it answered and serves the
 * contract) and while its breaker is closed; otherwise the request is answered
 * for it at once, as unavailable. A member that was down or refused is checked
 * again on contact (at most every `recheckMs`) and by the registry's
 * background checks; one whose breaker opened (it stalled, or kept failing) is
 * probed by the breaker alone, so no caller waits for it.
 */
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Logger } from 'pino';
import { ErrorCode } from '../../lib/errors';
import { SubgraphDataSource, SubgraphResponse, SubgraphTimeoutError } from '../datasources/subgraphDataSource';
import type { CircuitBreakers } from '../resilience/breakers';
import { CIRCUIT_OPEN, CircuitBreaker } from '../resilience/circuitBreaker';
import { isRead, withRetries } from '../resilience/retry';
import type { BreakerSettings, RetrySettings } from '../resilience/settings';
import { classifyFailure, countsAgainstService, SubgraphFailure } from '../resilience/subgraphFailure';
import { checkContract, Contract } from './contractCheck';
import type { MemberState } from './memberState';

export type MemberFailureCode = typeof ErrorCode.MEMBER_UNAVAILABLE | typeof ErrorCode.MEMBER_TIMEOUT | typeof ErrorCode.UNKNOWN_MEMBER;

/** Why a member's part of an answer is missing; becomes a GraphQL error with `extensions: { code, country, reason? }`. */
export interface MemberFailure {
  code: MemberFailureCode;
  country: string;
  message: string;
  /** `CIRCUIT_OPEN` when the member was not asked because its breaker is open. */
  reason?: typeof CIRCUIT_OPEN;
}

export type MemberOutcome = { ok: true; response: SubgraphResponse } | { ok: false; failure: MemberFailure };

export interface MemberOptions {
  code: string;
  url: string;
  /** The sharded subgraph's name, e.g. "country". */
  subgraph: string;
  dataSource: SubgraphDataSource;
  contract: Contract;
  recheckMs: number;
  breakers: CircuitBreakers;
  breaker: BreakerSettings;
  retry: RetrySettings;
  logger: Logger;
}

/** What one contract check found out: whether the member answered at all. */
type CheckOutcome = { answered: true } | { answered: false; failure: SubgraphFailure };

export class Member {
  readonly code: string;
  readonly url: string;
  private current: MemberState = { status: 'unchecked' };
  private checking: Promise<CheckOutcome> | undefined;
  private lastCheckAt = Number.NEGATIVE_INFINITY;
  readonly breaker: CircuitBreaker;

  constructor(private readonly options: MemberOptions) {
    this.code = options.code;
    this.url = options.url;
    // The breaker's probe is the contract check: any answer closes the breaker (a refused member stays refused).
    this.breaker = options.breakers.create(options.dataSource.target, options.breaker, async () => {
      const outcome = await this.check();
      if (!outcome.answered) throw new Error(outcome.failure.reason);
    });
  }

  get state(): MemberState {
    return this.current;
  }

  isAvailable(): boolean {
    return this.current.status === 'available';
  }

  /**
   * Fetches the member's SDL and compares it with the contract; concurrent
   * calls share one check. A check that gets no answer counts against the
   * member's breaker like any request.
   */
  check(): Promise<CheckOutcome> {
    this.checking ??= this.runCheck().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** Sends one subgraph operation, or answers why it cannot be sent. Never throws for the member's own failures. */
  async send(options: GraphQLDataSourceProcessOptions): Promise<MemberOutcome> {
    if (this.breaker.isOpen) return { ok: false, failure: this.circuitOpen() };
    if (this.current.status !== 'available') {
      const due = Date.now() - this.lastCheckAt >= this.options.recheckMs;
      if (this.checking || due) await this.check();
      if (!this.isAvailable()) return { ok: false, failure: this.unavailable() };
    }
    try {
      return { ok: true, response: await withRetries(() => this.options.dataSource.process(options), this.options.retry, isRead(options)) };
    } catch (error) {
      const failure = classifyFailure(error);
      this.breaker.recordFailure(failure);
      if (failure.kind === 'timeout') {
        return { ok: false, failure: { code: ErrorCode.MEMBER_TIMEOUT, country: this.code, message: `Member ${this.code} did not answer within ${(error as SubgraphTimeoutError).timeoutMs} ms` } };
      }
      if (countsAgainstService(failure)) this.become({ status: 'down', since: new Date(), reason: failure.reason });
      return { ok: false, failure: { code: ErrorCode.MEMBER_UNAVAILABLE, country: this.code, message: `Member ${this.code} is unavailable: its ${this.options.subgraph} subgraph failed (${failure.reason})` } };
    }
  }

  private circuitOpen(): MemberFailure {
    const state = this.breaker.state;
    const why = state.state === 'closed' ? '' : ` (${state.reason})`;
    return {
      code: ErrorCode.MEMBER_UNAVAILABLE,
      country: this.code,
      reason: CIRCUIT_OPEN,
      message: `Member ${this.code} is unavailable: its circuit breaker is open${why}; it is answered for at once until it answers again`,
    };
  }

  private unavailable(): MemberFailure {
    const why =
      this.current.status === 'refused'
        ? `its ${this.options.subgraph} subgraph does not serve the member contract`
        : `its ${this.options.subgraph} subgraph is not answering`;
    return { code: ErrorCode.MEMBER_UNAVAILABLE, country: this.code, message: `Member ${this.code} is unavailable: ${why}` };
  }

  private async runCheck(): Promise<CheckOutcome> {
    this.lastCheckAt = Date.now();
    let outcome: CheckOutcome;
    try {
      const verdict = await checkContract(this.options.dataSource, this.options.contract);
      this.become(verdict.matches ? { status: 'available', since: new Date() } : { status: 'refused', since: new Date(), reason: verdict.reason });
      outcome = { answered: true };
    } catch (error) {
      const failure = classifyFailure(error);
      this.become({ status: 'down', since: new Date(), reason: failure.reason });
      this.breaker.recordFailure(failure);
      outcome = { answered: false, failure };
    }
    this.lastCheckAt = Date.now();
    return outcome;
  }

  /** Changes state; logs one line when the status changes (not on every repeated check). */
  private become(next: MemberState): void {
    const previous = this.current;
    this.current = next;
    if (previous.status === next.status) return;
    const { logger, subgraph, contract } = this.options;
    const where = { member: this.code, url: this.url, status: next.status };
    switch (next.status) {
      case 'available':
        logger.info(where, `member ${this.code}: ${subgraph} subgraph at ${this.url} serves the contract${previous.status === 'unchecked' ? '' : ' again; back in service'}`);
        break;
      case 'down':
        logger.warn(where, `member ${this.code}: ${subgraph} subgraph at ${this.url} is not answering (${next.reason}); its data is answered as unavailable until it is back`);
        break;
      case 'refused':
        logger.error(where, `member ${this.code} refused: ${subgraph} subgraph at ${this.url} does not serve the contract ${contract.file} (${next.reason}); its data is answered as unavailable`);
        break;
    }
  }
}
