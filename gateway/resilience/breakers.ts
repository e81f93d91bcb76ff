/**
 * Every circuit breaker of a running gateway (one per unsharded subgraph,
 * one per member), in one place: what /ready reports and what metrics read.
 *
 *   gateway.breakers.list()                        // [{ target: { subgraph, member? }, state: { state, since, reason? } }]
 *   const off = gateway.breakers.onChange(({ target, state, previous }) => …);
 */
import type { Logger } from 'pino';
import type { SubgraphTarget } from '../datasources/subgraphDataSource';
import { BreakerChange, BreakerState, CircuitBreaker } from './circuitBreaker';
import type { BreakerSettings } from './settings';

export type BreakerListener = (change: BreakerChange) => void;

export class CircuitBreakers {
  private readonly all: CircuitBreaker[] = [];
  private readonly listeners = new Set<BreakerListener>();

  constructor(private readonly logger: Logger) {}

  /** A breaker for one service; `probe` resolves when the service answered and throws when it did not. */
  create(target: SubgraphTarget, settings: BreakerSettings, probe: () => Promise<void>): CircuitBreaker {
    const breaker = new CircuitBreaker({ target, settings, probe, logger: this.logger, onChange: (change) => this.tell(change) });
    this.all.push(breaker);
    return breaker;
  }

  /** Each breaker's service and its current state. */
  list(): Array<{ target: SubgraphTarget; state: BreakerState }> {
    return this.all.map((b) => ({ target: b.target, state: b.state }));
  }

  /** Called on every change of state of any breaker; returns the function that stops it. */
  onChange(listener: BreakerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops one breaker and forgets it (its member left the federation config). */
  retire(breaker: CircuitBreaker): void {
    breaker.stop();
    const index = this.all.indexOf(breaker);
    if (index >= 0) this.all.splice(index, 1);
  }

  /** Stops every breaker's probes. */
  stop(): void {
    for (const breaker of this.all) breaker.stop();
  }

  private tell(change: BreakerChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.logger.error({ err: error }, 'a circuit-breaker listener failed');
      }
    }
  }
}
