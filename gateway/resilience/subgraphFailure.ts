/**
 * What a failed subgraph request says about the service behind it. The
 * breaker counts timeouts and failures, retries are only for requests that
 * got no answer at all, and anything else (e.g. a request hook that refused
 * before sending) says nothing about the service.
 */
import { SubgraphTimeoutError, SubgraphUnavailableError } from '../datasources/subgraphDataSource';

export type SubgraphFailure =
  /** Slower than its timeout; the request was aborted (it may still run there: never retried). */
  | { kind: 'timeout'; reason: string }
  /** No answer at all: connection refused or reset, name not resolved. Safe to retry for a read. */
  | { kind: 'unanswered'; reason: string }
  /** It answered with a server error (5xx) that is not a GraphQL response. Never retried. */
  | { kind: 'server-error'; reason: string }
  /** Not the service's fault. */
  | { kind: 'other'; reason: string };

export function classifyFailure(error: unknown): SubgraphFailure {
  if (error instanceof SubgraphTimeoutError) return { kind: 'timeout', reason: error.message };
  if (error instanceof SubgraphUnavailableError) {
    if (error.status === undefined) return { kind: 'unanswered', reason: error.reason };
    // A 4xx that is not GraphQL (a proxy or firewall refusing this request) says nothing about the service's health.
    return { kind: error.status >= 500 ? 'server-error' : 'other', reason: error.reason };
  }
  const status = (error as { extensions?: { response?: { status?: number } } }).extensions?.response?.status;
  if (typeof status === 'number') return { kind: status >= 500 ? 'server-error' : 'other', reason: `HTTP ${status}` };
  return { kind: 'other', reason: (error as Error)?.message ?? String(error) };
}

/** Does this failure count against the service (breaker, member state)? */
export const countsAgainstService = (failure: SubgraphFailure): boolean => failure.kind !== 'other';
