/**
 * A subgraph's SDL as `schema/*.graphql` commits it, from a built schema or
 * from any SDL. Apart from ./federatedSchema.ts (which builds schemas with
 * type-graphql) so that the gateway's contract check loads neither
 * type-graphql nor graphql-scalars.
 */
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { GraphQLSchema, parse } from 'graphql';

/**
 * The subgraph's own SDL, without the federation definitions; what
 * `schema/*.graphql` commits. (`_service { sdl }` reports the same schema with
 * those definitions spelled out: compare through `normalizeSubgraphSdl`.)
 */
export function printFederatedSdl(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}

/** Any subgraph SDL (e.g. a running service's `_service { sdl }`) printed as `printFederatedSdl` prints it. */
export function normalizeSubgraphSdl(sdl: string): string {
  return printFederatedSdl(buildSubgraphSchema(parse(sdl)));
}
