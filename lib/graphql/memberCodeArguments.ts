/**
 * Member codes are accepted in any case ("xk", "Xk") and handled in capitals,
 * as every answer spells them. One global middleware, first in each
 * subgraph's chain, rewrites the named arguments of root fields (and the same
 * names inside their input objects) before the member check, the field policy
 * and the resolvers read them. The gateway routes case-insensitively too
 * (gateway/datasources/valueRouter.ts).
 */
import type { MiddlewareFn } from 'type-graphql';

const capitals = (value: unknown): unknown => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** `names`: the arguments and input fields that hold member codes (a code or a list of codes), e.g. ["country", "participant"]. */
export function memberCodesInCapitals(names: readonly string[]): MiddlewareFn {
  const memberFields = new Set(names);
  const rewrite = (values: Record<string, unknown>): void => {
    for (const [name, value] of Object.entries(values)) {
      if (memberFields.has(name)) values[name] = Array.isArray(value) ? value.map(capitals) : capitals(value);
      else if (value !== null && typeof value === 'object' && !Array.isArray(value)) rewrite(value as Record<string, unknown>);
    }
  };
  return ({ args, info }, next) => {
    // Only root fields take member codes; nested fields are left alone (and cost nothing).
    if (info.path.prev === undefined) rewrite(args);
    return next();
  };
}
