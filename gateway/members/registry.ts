/**
 * The members of one sharded subgraph, from the config: one `Member` (data
 * source + state + circuit breaker) per code. Checks them all at start,
 * rechecks the ones that are not available in the background (unless their
 * breaker is open: then the breaker probes them), and reports their states
 * for /ready.
 */
import type { Logger } from 'pino';
import type { ShardedConfig } from '../config';
import { OutgoingRequestHooks, SubgraphDataSource } from '../datasources/subgraphDataSource';
import type { CircuitBreakers } from '../resilience/breakers';
import { BreakerReport, describeBreaker } from '../resilience/circuitBreaker';
import type { BreakerSettings, RetrySettings } from '../resilience/settings';
import { Contract } from './contractCheck';
import { Member } from './member';
import { describeState, MemberStateReport } from './memberState';

/** One member as GET /ready reports it. */
export type MemberReport = { url: string; breaker: BreakerReport } & MemberStateReport;

export interface MemberRegistryOptions {
  subgraph: string;
  contractFile: string;
  sharded: ShardedConfig;
  /** Each member gets its own breaker with these settings, and these retries. */
  breaker: BreakerSettings;
  retry: RetrySettings;
  breakers: CircuitBreakers;
  hooks: OutgoingRequestHooks[];
  logger: Logger;
}

export class MemberRegistry {
  readonly subgraph: string;
  readonly contract: Contract;
  private readonly members = new Map<string, Member>();
  private readonly dataSources: SubgraphDataSource[] = [];
  private timer: NodeJS.Timeout | undefined;
  private contractTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: MemberRegistryOptions) {
    this.subgraph = options.subgraph;
    this.contract = new Contract(options.contractFile);
    for (const [code, { url }] of Object.entries(options.sharded.members)) {
      const logger = options.logger.child({ subgraph: options.subgraph });
      const dataSource = new SubgraphDataSource({ subgraph: options.subgraph, member: code, url, timeoutMs: options.sharded.timeoutMs, hooks: options.hooks, logger });
      this.dataSources.push(dataSource);
      const { breaker, retry, breakers } = options;
      this.members.set(code, new Member({ code, url, subgraph: options.subgraph, dataSource, contract: this.contract, recheckMs: options.sharded.recheckMs, breakers, breaker, retry, logger }));
    }
  }

  /** The member with this code, or undefined when the config has none (UNKNOWN_MEMBER). */
  get(code: string): Member | undefined {
    return this.members.get(code);
  }

  codes(): string[] {
    return [...this.members.keys()];
  }

  /** Every member (state, breaker), in config order. */
  all(): Member[] {
    return [...this.members.values()];
  }

  /** Checks every member against the contract (in parallel; each bounded by its timeout). */
  async checkAll(): Promise<void> {
    await Promise.all([...this.members.values()].map((m) => m.check()));
  }

  /**
   * Rechecks members that are not available every `recheckMs` (none when 0: then only on contact), and the
   * available ones every `contractRecheckMs`: a member that stays up but deploys a breaking schema is refused.
   */
  startBackgroundChecks(): void {
    const { recheckMs, contractRecheckMs } = this.options.sharded;
    if (this.timer || this.contractTimer) return;
    const every = (ms: number, which: (member: Member) => boolean) => {
      if (ms <= 0) return undefined;
      const timer = setInterval(() => {
        for (const member of this.members.values()) if (which(member)) void member.check();
      }, ms);
      timer.unref();
      return timer;
    };
    // A member whose breaker is open is probed by its breaker, not here.
    this.timer = every(recheckMs, (m) => m.state.status !== 'available' && !m.breaker.isOpen);
    this.contractTimer = every(contractRecheckMs, (m) => m.state.status === 'available' && !m.breaker.isOpen);
  }

  stop(): void {
    clearInterval(this.timer);
    clearInterval(this.contractTimer);
    this.timer = this.contractTimer = undefined;
  }

  /** Closes the members' kept-alive connections. */
  async close(): Promise<void> {
    this.stop();
    await Promise.all(this.dataSources.map((d) => d.close()));
  }

  /** Every member's state and breaker, by code, for GET /ready. */
  report(): Record<string, MemberReport> {
    return Object.fromEntries([...this.members.values()].map((m) => [m.code, { url: m.url, ...describeState(m.state), breaker: describeBreaker(m.breaker.state) }]));
  }
}
