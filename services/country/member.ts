/**
 * One process serves one member. Everything addressed to another member —
 * a root field's `country` argument, an `_entities` representation — is
 * refused with WRONG_MEMBER before anything is read or written.
 */
import type { GraphQLError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { ErrorCode, graphqlError } from '../../lib/errors';
import { MEMBER_CODE } from '../../lib/reference/members';

export function wrongMember(requested: string, served: string): GraphQLError {
  return graphqlError(`This service serves member ${served}; requests for "${requested}" belong to that member's own service`, {
    code: ErrorCode.WRONG_MEMBER,
    country: requested,
  });
}

export function assertServedMember(served: string, requested: unknown): void {
  if (requested !== served) throw wrongMember(String(requested), served);
}

/** Fails fast at start-up on a member code that cannot be one. */
export function assertMemberCode(member: string): void {
  if (!MEMBER_CODE.test(member)) throw new Error(`Member "${member}" is not an ISO 3166-1 alpha-2 code like XK, AL, HR or BG`);
}

/**
 * Global middleware: every root field takes `country: ID!` (the gateway routes
 * on it), so checking it here guards every query and mutation, including ones
 * added later. A test checks that every root field declares it.
 */
export const ServedMemberOnly: MiddlewareFn<{ member: string }> = ({ args, context, info }, next) => {
  if (info.path.prev === undefined) assertServedMember(context.member, args.country);
  return next();
};
