/**
 * One member's service, as the gateway sees it: its data source, its state,
 * and the rule for sending it a request. A member is sent operations only
 * while `available` (it answered and serves the contract); otherwise the
 * request is answered for it at once, as unavailable. A member that was down
 * or refused is checked again on contact (at most every `recheckMs`) and by
 * the registry's background checks, so it comes back when it answers.
 */
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Logger } from 'pino';
import { ErrorCode } from '../../lib/errors';
import { SubgraphDataSource, SubgraphResponse, SubgraphTimeoutError, SubgraphUnavailableError } from '../datasources/subgraphDataSource';
import { checkContract, Contract } from './contractCheck';
import type { MemberState } from './memberState';

export type MemberFailureCode = typeof ErrorCode.MEMBER_UNAVAILABLE | typeof ErrorCode.MEMBER_TIMEOUT | typeof ErrorCode.UNKNOWN_MEMBER;

/** Why a member's part of an answer is missing; becomes a GraphQL error with `extensions: { code, country }`. */
export interface MemberFailure {
  code: MemberFailureCode;
  country: string;
  message: string;
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
  logger: Logger;
}

export class Member {
  readonly code: string;
  readonly url: string;
  private current: MemberState = { status: 'unchecked' };
  private checking: Promise<void> | undefined;
  private lastCheckAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: MemberOptions) {
    this.code = options.code;
    this.url = options.url;
  }

  get state(): MemberState {
    return this.current;
  }

  isAvailable(): boolean {
    return this.current.status === 'available';
  }

  /** Fetches the member's SDL and compares it with the contract; concurrent calls share one check. */
  check(): Promise<void> {
    this.checking ??= this.runCheck().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** Sends one subgraph operation, or answers why it cannot be sent. Never throws for the member's own failures. */
  async send(options: GraphQLDataSourceProcessOptions): Promise<MemberOutcome> {
    if (this.current.status !== 'available') {
      const due = Date.now() - this.lastCheckAt >= this.options.recheckMs;
      if (this.checking || due) await this.check();
      if (!this.isAvailable()) return { ok: false, failure: this.unavailable() };
    }
    try {
      return { ok: true, response: await this.options.dataSource.process(options) };
    } catch (error) {
      if (error instanceof SubgraphTimeoutError) {
        return { ok: false, failure: { code: ErrorCode.MEMBER_TIMEOUT, country: this.code, message: `Member ${this.code} did not answer within ${error.timeoutMs} ms` } };
      }
      const { reason, down } = explain(error);
      if (down) this.become({ status: 'down', since: new Date(), reason });
      return { ok: false, failure: { code: ErrorCode.MEMBER_UNAVAILABLE, country: this.code, message: `Member ${this.code} is unavailable: its ${this.options.subgraph} subgraph failed (${reason})` } };
    }
  }

  private unavailable(): MemberFailure {
    const why =
      this.current.status === 'refused'
        ? `its ${this.options.subgraph} subgraph does not serve the member contract`
        : `its ${this.options.subgraph} subgraph is not answering`;
    return { code: ErrorCode.MEMBER_UNAVAILABLE, country: this.code, message: `Member ${this.code} is unavailable: ${why}` };
  }

  private async runCheck(): Promise<void> {
    this.lastCheckAt = Date.now();
    try {
      const verdict = await checkContract(this.options.dataSource, this.options.contract);
      this.become(verdict.matches ? { status: 'available', since: new Date() } : { status: 'refused', since: new Date(), reason: verdict.reason });
    } catch (error) {
      this.become({ status: 'down', since: new Date(), reason: explain(error).reason });
    }
    this.lastCheckAt = Date.now();
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

/** A short reason for logs and messages, and whether it means the member is down (no answer, too slow, or a 5xx). */
function explain(error: unknown): { reason: string; down: boolean } {
  if (error instanceof SubgraphTimeoutError) return { reason: error.message, down: true };
  // A 4xx that is not GraphQL (a proxy or firewall refusing this request) says nothing about the member's health.
  if (error instanceof SubgraphUnavailableError) return { reason: error.reason, down: error.status === undefined || error.status >= 500 };
  const status = (error as { extensions?: { response?: { status?: number } } }).extensions?.response?.status;
  if (typeof status === 'number') return { reason: `HTTP ${status}`, down: status >= 500 };
  // Anything else (e.g. a request hook that refused) says nothing about the member itself.
  return { reason: (error as Error).message ?? String(error), down: false };
}
