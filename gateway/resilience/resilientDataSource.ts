/**
 * An unsharded subgraph's data source behind its circuit breaker, with
 * retries of reads that got no answer. While the breaker is open, the fetch
 * fails at once with SUBGRAPH_UNAVAILABLE and `extensions.reason:
 * "CIRCUIT_OPEN"`; the breaker probes the subgraph with Apollo's health-check
 * query (signed like every request) until it answers.
 */
import { GraphQLDataSource, GraphQLDataSourceProcessOptions, HEALTH_CHECK_QUERY } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { SUBGRAPH_UNAVAILABLE, SubgraphDataSource, SubgraphResponse } from '../datasources/subgraphDataSource';
import type { CircuitBreakers } from './breakers';
import { CIRCUIT_OPEN, CircuitBreaker } from './circuitBreaker';
import { isRead, withRetries } from './retry';
import type { BreakerSettings, RetrySettings } from './settings';
import { classifyFailure } from './subgraphFailure';
import { RequestKind } from '../datasources/requestKinds';

export interface ResilientDataSourceOptions {
  dataSource: SubgraphDataSource;
  breakers: CircuitBreakers;
  breaker: BreakerSettings;
  retry: RetrySettings;
}

export class ResilientDataSource implements GraphQLDataSource {
  readonly breaker: CircuitBreaker;
  readonly url: string;

  constructor(private readonly options: ResilientDataSourceOptions) {
    const { dataSource } = options;
    this.url = dataSource.url;
    this.breaker = options.breakers.create(dataSource.target, options.breaker, async () => {
      await dataSource.process({ kind: RequestKind.HEALTH_CHECK, request: { query: HEALTH_CHECK_QUERY }, context: {} });
    });
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> {
    const { dataSource } = this.options;
    const state = this.breaker.state;
    if (state.state !== 'closed') {
      throw new GraphQLError(`The ${dataSource.target.subgraph} subgraph is unavailable: its circuit breaker is open (${state.reason})`, {
        extensions: { code: SUBGRAPH_UNAVAILABLE, reason: CIRCUIT_OPEN },
      });
    }
    try {
      return await withRetries(() => dataSource.process(options), this.options.retry, isRead(options));
    } catch (error) {
      this.breaker.recordFailure(classifyFailure(error));
      throw error;
    }
  }
}
