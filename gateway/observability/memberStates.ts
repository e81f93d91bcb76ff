/**
 * Each member's state and each circuit breaker's, read when /metrics is
 * scraped:
 *
 *   jpg_member_up{subgraph, member}                 gauge: 1 available (answers, serves the contract), 0 otherwise
 *   jpg_circuit_breaker_state{subgraph, member}     gauge: 0 closed, 1 half-open, 2 open (member "" for an unsharded subgraph)
 */
import { gauge, Registry } from '../../lib/observability/metrics';
import type { SubgraphTarget } from '../datasources/subgraphDataSource';
import type { MemberRegistry } from '../members/registry';

/** What a breaker reports (gateway/resilience): its service and state name. */
export interface BreakerReading {
  target: SubgraphTarget;
  state: { state: 'closed' | 'half-open' | 'open' };
}

const BREAKER_STATE = { closed: 0, 'half-open': 1, open: 2 } as const;

export function watchMemberStates(registry: Registry, registries: () => MemberRegistry[], breakers: () => BreakerReading[] = () => []): void {
  gauge(registry, {
    name: 'jpg_member_up',
    help: 'Whether the gateway sends a member requests: 1 available, 0 down, refused by the contract check or not checked yet',
    labelNames: ['subgraph', 'member'],
    collect() {
      this.reset();
      for (const members of registries()) {
        for (const [member, report] of Object.entries(members.report())) this.set({ subgraph: members.subgraph, member }, report.status === 'available' ? 1 : 0);
      }
    },
  });
  gauge(registry, {
    name: 'jpg_circuit_breaker_state',
    help: 'Circuit breaker of a member or unsharded subgraph: 0 closed, 1 half-open, 2 open',
    labelNames: ['subgraph', 'member'],
    collect() {
      this.reset();
      for (const { target, state } of breakers()) this.set({ subgraph: target.subgraph, member: target.member ?? '' }, BREAKER_STATE[state.state]);
    },
  });
}
