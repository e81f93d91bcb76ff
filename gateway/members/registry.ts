/**
 * The members of one sharded subgraph, from the config: one `Member` (data
 * source + state) per code. Checks them all at start, rechecks the ones that
 * are not available in the background, and reports their states for /ready.
 */
import type { Logger } from 'pino';
import type { ShardedConfig } from '../config';
import { OutgoingRequestHooks, SubgraphDataSource } from '../datasources/subgraphDataSource';
import { Contract } from './contractCheck';
import { Member } from './member';
import { describeState } from './memberState';

export interface MemberRegistryOptions {
  subgraph: string;
  contractFile: string;
  sharded: ShardedConfig;
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
      this.members.set(code, new Member({ code, url, subgraph: options.subgraph, dataSource, contract: this.contract, recheckMs: options.sharded.recheckMs, logger }));
    }
  }

  /** The member with this code, or undefined when the config has none (UNKNOWN_MEMBER). */
  get(code: string): Member | undefined {
    return this.members.get(code);
  }

  codes(): string[] {
    return [...this.members.keys()];
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
    this.timer = every(recheckMs, (m) => m.state.status !== 'available');
    this.contractTimer = every(contractRecheckMs, (m) => m.state.status === 'available');
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

  /** Every member's state, by code, for GET /ready. */
  report(): Record<string, Record<string, unknown>> {
    return Object.fromEntries([...this.members.values()].map((m) => [m.code, { url: m.url, ...describeState(m.state) }]));
  }
}
