/**
 * The demand-control directives of the IBM GraphQL Cost Directive
 * specification, as Federation 2.9 imports them (`@cost`, `@listSize`) and
 * composes them into the supergraph under `https://specs.apollo.dev/cost/v0.1`.
 * The gateway estimates an operation's cost from them (gateway/cost).
 *
 * Use on a type-graphql field or field resolver: `@Directive(listSize({ assumedSize: 10 }))`.
 */

export interface ListSizeArguments {
  /** How many items the list is assumed to hold when no slicing argument bounds it. */
  assumedSize?: number;
  /** Arguments whose value bounds the size (e.g. `first`); the largest given one counts. */
  slicingArguments?: string[];
  /** On a connection: the child fields (e.g. `edges`, `nodes`) whose size the slicing argument sets. */
  sizedFields?: string[];
  /** With slicingArguments: whether a query must give exactly one of them (a default value counts). The spec's default is true. */
  requireOneSlicingArgument?: boolean;
}

const strings = (values: string[]): string => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;

/** `@listSize(...)` for type-graphql's `@Directive`. */
export function listSize(args: ListSizeArguments): string {
  const parts: string[] = [];
  if (args.assumedSize !== undefined) parts.push(`assumedSize: ${args.assumedSize}`);
  if (args.slicingArguments) parts.push(`slicingArguments: ${strings(args.slicingArguments)}`);
  if (args.sizedFields) parts.push(`sizedFields: ${strings(args.sizedFields)}`);
  if (args.requireOneSlicingArgument !== undefined) parts.push(`requireOneSlicingArgument: ${args.requireOneSlicingArgument}`);
  return `@listSize(${parts.join(', ')})`;
}

/** `@cost(weight: N)`: what one resolution of the field (or a value of the type) costs instead of the default (1 for objects, 0 for scalars). */
export function cost(weight: number): string {
  return `@cost(weight: ${weight})`;
}
