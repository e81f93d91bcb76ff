/**
 * Each call the gateway makes on behalf of a query plan, measured and traced:
 *
 *   jpg_subgraph_fetches_total{subgraph, outcome}          counter: plan fetches per subgraph (ok, errors, failed)
 *   jpg_subgraph_fetch_duration_seconds{subgraph, outcome} histogram
 *   jpg_member_requests_total{subgraph, member}            counter: requests for a member of a sharded subgraph
 *   jpg_member_failures_total{subgraph, member, code, reason}  counter: MEMBER_UNAVAILABLE / MEMBER_TIMEOUT (reason CIRCUIT_OPEN, or "none")
 *   jpg_member_timeouts_total{subgraph, member}            counter
 *   jpg_member_request_duration_seconds{subgraph, member, outcome}  histogram (ok, failed)
 *
 * Spans: `subgraph.fetch` per plan fetch (attribute jpg.subgraph), inside it
 * `member.call` per member asked (jpg.member), whose context the request to
 * the member carries as its `traceparent`.
 */
import { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { ErrorCode } from '../../lib/errors';
import type { Counter, Histogram } from 'prom-client';
import { counter, histogram, Registry } from '../../lib/observability/metrics';
import { ATTR, failSpan, tracer } from '../../lib/observability/tracing';
import type { SubgraphResponse } from '../datasources/subgraphDataSource';
import type { MemberOutcome } from '../members/member';
import { RequestKind } from '../datasources/requestKinds';

/** Wraps one member call of the value router (see ValueRouterOptions.observe). */
export type MemberCallObserver = (subgraph: string, member: string, call: () => Promise<MemberOutcome>) => Promise<MemberOutcome>;

export class SubgraphCalls {
  private readonly fetches: Counter<'subgraph' | 'outcome'>;
  private readonly fetchDuration: Histogram<'subgraph' | 'outcome'>;
  private readonly memberRequests: Counter<'subgraph' | 'member'>;
  private readonly memberFailures: Counter<'subgraph' | 'member' | 'code' | 'reason'>;
  private readonly memberTimeouts: Counter<'subgraph' | 'member'>;
  private readonly memberDuration: Histogram<'subgraph' | 'member' | 'outcome'>;

  constructor(registry: Registry) {
    this.fetches = counter(registry, { name: 'jpg_subgraph_fetches_total', help: 'Fetches of query plans sent to each subgraph, by outcome (ok, errors: answered with errors, failed: no answer)', labelNames: ['subgraph', 'outcome'] });
    this.fetchDuration = histogram(registry, { name: 'jpg_subgraph_fetch_duration_seconds', help: 'Time a plan fetch to a subgraph took (for a sharded one: all its members)', labelNames: ['subgraph', 'outcome'] });
    this.memberRequests = counter(registry, { name: 'jpg_member_requests_total', help: 'Requests for a member of a sharded subgraph (answered for at once included)', labelNames: ['subgraph', 'member'] });
    this.memberFailures = counter(registry, { name: 'jpg_member_failures_total', help: 'Member requests that failed, by code (MEMBER_UNAVAILABLE, MEMBER_TIMEOUT) and reason (CIRCUIT_OPEN or none)', labelNames: ['subgraph', 'member', 'code', 'reason'] });
    this.memberTimeouts = counter(registry, { name: 'jpg_member_timeouts_total', help: 'Member requests aborted after the member timeout', labelNames: ['subgraph', 'member'] });
    this.memberDuration = histogram(registry, { name: 'jpg_member_request_duration_seconds', help: 'Time a member request took, by outcome (ok, failed)', labelNames: ['subgraph', 'member', 'outcome'] });
  }

  /** A subgraph's data source whose plan fetches are counted and traced (other kinds pass through). */
  observeSubgraph(subgraph: string, dataSource: GraphQLDataSource): GraphQLDataSource {
    return {
      process: (options: GraphQLDataSourceProcessOptions): Promise<SubgraphResponse> => {
        if (options.kind !== RequestKind.INCOMING_OPERATION) return dataSource.process(options);
        return tracer.startActiveSpan('subgraph.fetch', { kind: SpanKind.CLIENT, attributes: { [ATTR.subgraph]: subgraph } }, async (span) => {
          const end = this.fetchDuration.startTimer({ subgraph });
          let outcome = 'failed';
          try {
            const response = await dataSource.process(options);
            outcome = response.errors?.length ? 'errors' : 'ok';
            return response;
          } catch (error) {
            failSpan(span, error);
            throw error;
          } finally {
            span.setAttribute(ATTR.outcome, outcome);
            this.fetches.inc({ subgraph, outcome });
            end({ outcome });
            span.end();
          }
        });
      },
    };
  }

  readonly memberCall: MemberCallObserver = (subgraph, member, call) =>
    tracer.startActiveSpan('member.call', { kind: SpanKind.CLIENT, attributes: { [ATTR.subgraph]: subgraph, [ATTR.member]: member } }, async (span) => {
      const end = this.memberDuration.startTimer({ subgraph, member });
      this.memberRequests.inc({ subgraph, member });
      try {
        const outcome = await call();
        if (outcome.ok) {
          end({ outcome: 'ok' });
        } else {
          const { code, reason } = outcome.failure;
          end({ outcome: 'failed' });
          this.memberFailures.inc({ subgraph, member, code, reason: reason ?? 'none' });
          if (code === ErrorCode.MEMBER_TIMEOUT) this.memberTimeouts.inc({ subgraph, member });
          span.setAttribute('error.type', code);
          span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.failure.message });
        }
        return outcome;
      } finally {
        span.end();
      }
    });
}
