/**
 * Code-first federation: type-graphql builds the schema, and @apollo/subgraph
 * turns it into a Federation 2 subgraph. type-graphql's `@Directive('@key…')`
 * only survives printing through `printSchemaWithDirectives`, and the `@link`
 * that makes it a Federation 2 schema has to be prepended by hand.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { DocumentNode, GraphQLSchema, parse } from 'graphql';
import { buildSchema, BuildSchemaOptions, createResolversMap } from 'type-graphql';

// Printing and normalising SDL need no type-graphql: they live apart, so the gateway can use them without loading it.
export { normalizeSubgraphSdl, printFederatedSdl } from './subgraphSdl';

// v2.9: the first version that imports the demand-control directives @cost and @listSize (lib/graphql/costDirectives.ts).
export const FEDERATION_VERSION = 'v2.9';
const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides', '@inaccessible', '@override', '@cost', '@listSize'];

export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: [${FEDERATION_IMPORTS.map(
  (d) => `"${d}"`,
).join(', ')}])`;

/**
 * The resolvers `buildSubgraphSchema` takes beside SDL (Apollo's `GraphQLResolverMap<unknown>`,
 * which @apollo/subgraph uses in its public signature but exports only from its dist/ internals).
 */
export type SubgraphResolvers = NonNullable<Exclude<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[] | DocumentNode>['resolvers']>;

/** `__resolveReference` functions, by type name. */
export type ReferenceResolvers = Record<string, { __resolveReference: (...args: any[]) => unknown }>;

/**
 * The root types' descriptions, the same in every subgraph so that the
 * supergraph (and the playground's docs) shows one text for each.
 */
export const ROOT_DESCRIPTIONS = {
  Query: "Everything the graph answers: each member's own records (routed to that member's service by its code) and the joint procurement (members, catalogue, joint orders, deliveries, plans).",
  Mutation: "Every change the graph accepts. Each acts for one member (its `country` argument; `code` when admitting or inviting one), is checked against the caller's roles, and changes nothing when refused or broken.",
} as const;

export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true });
  // type-graphql has no place for a root type's description; printing below carries what is set here.
  for (const root of [schema.getQueryType(), schema.getMutationType()]) if (root) root.description = ROOT_DESCRIPTIONS[root.name as keyof typeof ROOT_DESCRIPTIONS];
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...reference };
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolvers as SubgraphResolvers,
  });
}
