/**
 * The members of one sharded subgraph, from the config: one `Member` (data
 * source + state + circuit breaker) per code. Checks them all at start,
 * rechecks the ones that are not available in the background (unless their
 * breaker is open: then the breaker probes them), and reports their states
 * for /ready.
 * `reconfigure` swaps in a new member list while the gateway runs.
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

/** What a reconfiguration changed, by member code. */
export interface MemberChanges {
  added: string[];
  removed: string[];
  /** Same code, another URL (or other timings: every member is then made anew). */
  moved: string[];
}

export class MemberRegistry {
  readonly subgraph: string;
  readonly contract: Contract;
  private members = new Map<string, Member>();
  private readonly dataSources = new Map<Member, SubgraphDataSource>();
  private sharded: ShardedConfig;
  private timer: NodeJS.Timeout | undefined;
  private contractTimer: NodeJS.Timeout | undefined;
  /** Retired members waiting for their requests in flight before their connections close. */
  private readonly graceTimers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: MemberRegistryOptions) {
    this.subgraph = options.subgraph;
    this.contract = new Contract(options.contractFile);
    this.sharded = options.sharded;
    for (const [code, { url }] of Object.entries(options.sharded.members)) this.members.set(code, this.createMember(code, url));
  }

  private createMember(code: string, url: string): Member {
    const { subgraph, hooks } = this.options;
    const logger = this.options.logger.child({ subgraph });
    const dataSource = new SubgraphDataSource({ subgraph, member: code, url, timeoutMs: this.sharded.timeoutMs, hooks, logger });
    const { breaker, retry, breakers } = this.options;
    const member = new Member({ code, url, subgraph, dataSource, contract: this.contract, recheckMs: this.sharded.recheckMs, breakers, breaker, retry, logger });
    this.dataSources.set(member, dataSource);
    return member;
  }

  /**
   * Applies a changed member list without a restart. A member with the same code, URL and timings keeps its
   * Member (and state); an added or moved one starts unchecked and is checked at once. The new set replaces
   * the old in one assignment, so a request that already holds a Member finishes on it; the connections of
   * members no longer in the set close once their timeout has passed.
   */
  reconfigure(sharded: ShardedConfig): MemberChanges {
    const timingsKept = sharded.timeoutMs === this.sharded.timeoutMs && sharded.recheckMs === this.sharded.recheckMs;
    const checksRunning = this.timer !== undefined || this.contractTimer !== undefined;
    const previous = this.members;
    this.sharded = sharded;
    const next = new Map<string, Member>();
    const changes: MemberChanges = { added: [], removed: [], moved: [] };
    for (const [code, { url }] of Object.entries(sharded.members)) {
      const kept = previous.get(code);
      if (kept && kept.url === url && timingsKept) {
        next.set(code, kept);
        continue;
      }
      (kept ? changes.moved : changes.added).push(code);
      next.set(code, this.createMember(code, url));
    }
    changes.removed = [...previous.keys()].filter((code) => !next.has(code));
    this.members = next;

    const retired = [...previous.values()].filter((member) => next.get(member.code) !== member);
    const grace = setTimeout(() => {
      this.graceTimers.delete(grace);
      void Promise.all(retired.map((member) => this.retire(member)));
    }, 2 * sharded.timeoutMs);
    grace.unref();
    this.graceTimers.add(grace);
    for (const member of next.values()) if (!previous.has(member.code) || previous.get(member.code) !== member) void member.check();
    if (checksRunning) {
      this.stop();
      this.startBackgroundChecks();
    }
    return changes;
  }

  private async retire(member: Member): Promise<void> {
    this.options.breakers.retire(member.breaker);
    const dataSource = this.dataSources.get(member);
    this.dataSources.delete(member);
    await dataSource?.close().catch((error: Error) => this.options.logger.warn({ err: error, member: member.code }, `closing the connections of retired member ${member.code} failed`));
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
    const { recheckMs, contractRecheckMs } = this.sharded;
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
    for (const timer of this.graceTimers) clearTimeout(timer);
    this.graceTimers.clear();
    await Promise.all([...this.dataSources.values()].map((d) => d.close()));
  }

  /** Every member's state and breaker, by code, for GET /ready. */
  report(): Record<string, MemberReport> {
    return Object.fromEntries([...this.members.values()].map((m) => [m.code, { url: m.url, ...describeState(m.state), breaker: describeBreaker(m.breaker.state) }]));
  }
}
