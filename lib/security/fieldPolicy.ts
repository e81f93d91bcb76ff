/**
 * A subgraph's authorization as one table, enforced by one type-graphql
 * middleware (defence in depth: the gateway authenticates, each subgraph
 * still decides for itself from the identity the gateway signed).
 *
 *   "Mutation.setBudget": { action: 'set the budget', allowed: (id, _args, ctx) => canWriteMember(id, ctx.member), country: … }
 *
 * - a field named in the table runs only if its rule allows the caller;
 *   a refusal is FORBIDDEN with `extensions.country` (a nullable field
 *   answers null and the rest of the response stays);
 * - a mutation NOT in the table is refused: a new mutation without a rule
 *   fails closed;
 * - any other root query field needs a caller with some role.
 * Requests the gateway makes for itself carry its service identity (no
 * roles): they are kept to `_service` and `__typename` before GraphQL
 * (callerIdentity.ts), and would be refused here anyway.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { canReadGraph, forbidden, type Identity } from './roles';

export interface FieldRule<Args = any, Context = any> {
  /** What the caller tried, for the error: "record a holding". */
  action: string;
  allowed(identity: Identity, args: Args, context: Context): boolean;
  /** The member whose data this is (extensions.country of a refusal). */
  country?(args: Args, context: Context): string | undefined;
}

/** Rules by "Type.field" (e.g. "Mutation.allocate", "Country.budgets"). */
export type FieldPolicy<Context> = Record<string, FieldRule<any, Context>>;

const fieldKey = (info: GraphQLResolveInfo): string => `${info.parentType.name}.${info.fieldName}`;

/** The middleware that enforces `policy`; add it to buildSchema's globalMiddlewares. */
export function enforceFieldPolicy<Context extends { identity: Identity | null }>(policy: FieldPolicy<Context>): MiddlewareFn<Context> {
  const mutationType = 'Mutation';
  return ({ args, context, info }, next) => {
    const rule = policy[fieldKey(info)];
    const identity = context.identity;
    if (rule) {
      if (identity === null || !rule.allowed(identity, args, context)) throw forbidden(rule.action, rule.country?.(args, context));
    } else if (info.parentType.name === mutationType) {
      throw forbidden(`run ${info.fieldName} (it has no authorization rule)`);
    } else if (info.path.prev === undefined && (identity === null || !canReadGraph(identity))) {
      throw forbidden(`read ${info.fieldName}`);
    }
    return next();
  };
}

/** The mutations of a schema that the policy has no rule for (a test keeps this empty). */
export function mutationsWithoutRule(mutationFields: readonly string[], policy: FieldPolicy<unknown>): string[] {
  return mutationFields.filter((name) => !policy[`Mutation.${name}`]);
}
