/**
 * Bounded retries with jitter, for reads only and only when a request got no
 * answer at all (connection refused or reset: e.g. a kept-alive connection
 * the service had just closed). A mutation is never retried: it may have run.
 * Nor is a timeout: the service may still be working on it, and a second
 * wait would double what the caller pays.
 */
import { getOperationAST } from 'graphql';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { RetrySettings } from './settings';
import { classifyFailure } from './subgraphFailure';

/** Runs `attempt`, again up to `settings.attempts` times while it fails unanswered and `read` is true. */
export async function withRetries<T>(attempt: () => Promise<T>, settings: RetrySettings, read: boolean): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!read || tries >= settings.attempts || classifyFailure(error).kind !== 'unanswered') throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * settings.delayMs * 2 ** tries));
    }
  }
}

/**
 * Is this subgraph request a read? Schema loading and health checks are; an
 * operation is when it is a query. Without a parsed document (a request the
 * value router cut down), the text's first keyword says so: the gateway's
 * planner always prints one. Anything unclear counts as a write.
 */
export function isRead(options: GraphQLDataSourceProcessOptions): boolean {
  if (!('incomingRequestContext' in options)) return true;
  const { document } = options;
  if (document) return getOperationAST(document, options.request.operationName)?.operation === 'query';
  return /^\s*(query\b|\{)/.test(options.request.query ?? '');
}
