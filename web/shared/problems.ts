/**
 * Turns what the gateway answered into what a user needs to hear: a token
 * problem (missing, expired, insufficient) or members that could not answer.
 */
import type { GraphQLErrorPayload, GraphQLResult } from './graphqlClient';
import { tokenExpiry } from './tokenExpiry';

export type AuthProblem =
  | { kind: 'missing'; message: string }
  | { kind: 'expired'; message: string }
  | { kind: 'rejected'; message: string }
  | { kind: 'forbidden'; message: string };

/** The gateway's error codes for a member whose subgraph did not answer (issue 4). */
export const MEMBER_PROBLEM_CODES = ['MEMBER_UNAVAILABLE', 'MEMBER_TIMEOUT', 'UNKNOWN_MEMBER'] as const;

export interface MemberProblem {
  country: string;
  code: string;
  message: string;
}

const codeOf = (error: GraphQLErrorPayload): string | undefined => error.extensions?.code;

export function authProblem(result: GraphQLResult<unknown>, token: string, now: Date = new Date()): AuthProblem | null {
  const unauthenticated = result.httpStatus === 401 || result.errors.some((e) => codeOf(e) === 'UNAUTHENTICATED');
  if (unauthenticated) {
    if (token === '') {
      return { kind: 'missing', message: 'A bearer token is needed. Paste a development token printed by npm start into the token field.' };
    }
    const expiry = tokenExpiry(token);
    if (expiry !== null && expiry <= now) {
      return { kind: 'expired', message: `Your token expired at ${expiry.toLocaleString()}. Paste a fresh one.` };
    }
    const reason = result.errors.find((e) => codeOf(e) === 'UNAUTHENTICATED')?.message;
    return { kind: 'rejected', message: `The gateway did not accept your token${reason ? `: ${reason}` : '.'}` };
  }
  // A whole-request refusal (403) blocks the page; a FORBIDDEN error on one
  // field (a budget another ministry may not read) is shown where it applies.
  if (result.httpStatus === 403 || (result.data === null && result.errors.some((e) => codeOf(e) === 'FORBIDDEN'))) {
    const reason = result.errors.find((e) => codeOf(e) === 'FORBIDDEN')?.message;
    return { kind: 'forbidden', message: `Your token lacks the role this page needs${reason ? `: ${reason}` : '.'}` };
  }
  return null;
}

/** One entry per member that did not answer, whatever the number of fields it affected. */
export function memberProblems(errors: readonly GraphQLErrorPayload[]): MemberProblem[] {
  const byCountry = new Map<string, MemberProblem>();
  for (const error of errors) {
    const code = codeOf(error);
    const country = error.extensions?.country;
    if (code === undefined || typeof country !== 'string') continue;
    if (!(MEMBER_PROBLEM_CODES as readonly string[]).includes(code)) continue;
    if (!byCountry.has(country)) byCountry.set(country, { country, code, message: error.message });
  }
  return [...byCountry.values()];
}

/** True when a field's value is missing because the user may not read it. */
export function isForbiddenAt(errors: readonly GraphQLErrorPayload[], pathPrefix: ReadonlyArray<string | number>): boolean {
  return errors.some(
    (e) => codeOf(e) === 'FORBIDDEN' && e.path !== undefined && pathPrefix.every((segment, i) => e.path?.[i] === segment),
  );
}
