/**
 * Every error a client can act on carries `extensions.code`; member-specific
 * failures also carry `extensions.country`. One module so codes stay consistent
 * across services and the gateway.
 */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  WRONG_MEMBER: 'WRONG_MEMBER',
  CONFLICT: 'CONFLICT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  MEMBER_UNAVAILABLE: 'MEMBER_UNAVAILABLE',
  MEMBER_TIMEOUT: 'MEMBER_TIMEOUT',
  UNKNOWN_MEMBER: 'UNKNOWN_MEMBER',
  /** The gateway found no way to fetch a field the query asks for (set by our query-planner patch, patches/). */
  QUERY_PLANNING_FAILED: 'QUERY_PLANNING_FAILED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorExtensions {
  code: string;
  country?: string;
  field?: string;
  [key: string]: unknown;
}

export function graphqlError(message: string, extensions: ErrorExtensions): GraphQLError {
  return new GraphQLError(message, { extensions });
}

/** Bad input: names the field and the problem. */
export function badInput(field: string, problem: string): GraphQLError {
  return graphqlError(`Invalid value for "${field}": ${problem}`, { code: ErrorCode.BAD_USER_INPUT, field });
}

export function notFound(what: string, id: string, country?: string): GraphQLError {
  return graphqlError(`${what} "${id}" was not found`, { code: ErrorCode.NOT_FOUND, ...(country ? { country } : {}) });
}

/** A broken business rule; `code` names the rule (e.g. ORDER_NOT_DRAFT). */
export function ruleBroken(code: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return graphqlError(message, { code, ...extra });
}
