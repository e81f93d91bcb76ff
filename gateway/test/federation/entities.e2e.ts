/**
 * Entities across subgraphs: a product's reviews come from one subgraph, the
 * reviewers' names from another, joined by @key, three hops in one query, each
 * subgraph asked once per step for all the entities of that step.
 */
import { FixtureFederation, startFixtureFederation } from './fixtureFederation';

const USERS = [
  { id: 'u1', name: 'Ada' },
  { id: 'u2', name: 'Grace' },
];
const PRODUCTS = [
  { upc: 'p1', name: 'Table' },
  { upc: 'p2', name: 'Chair' },
  { upc: 'p3', name: 'Lamp' },
];
const REVIEWS = [
  { id: 'r1', body: 'Sturdy', product: 'p1', author: 'u1' },
  { id: 'r2', body: 'Wobbly', product: 'p2', author: 'u2' },
  { id: 'r3', body: 'Bright', product: 'p3', author: 'u1' },
  { id: 'r4', body: 'Too tall', product: 'p1', author: 'u2' },
];

let federation: FixtureFederation;

beforeAll(async () => {
  federation = await startFixtureFederation([
    {
      name: 'accounts',
      typeDefs: `type User @key(fields: "id") { id: ID! name: String! }`,
      resolvers: { User: { __resolveReference: ({ id }: { id: string }) => USERS.find((u) => u.id === id) } } as any,
    },
    {
      name: 'products',
      typeDefs: `type Query { topProducts: [Product!]! } type Product @key(fields: "upc") { upc: String! name: String! }`,
      resolvers: { Query: { topProducts: () => PRODUCTS }, Product: { __resolveReference: ({ upc }: { upc: string }) => PRODUCTS.find((p) => p.upc === upc) } } as any,
    },
    {
      name: 'reviews',
      typeDefs: `
        type Review { id: ID! body: String! author: User! }
        type User @key(fields: "id", resolvable: false) { id: ID! }
        type Product @key(fields: "upc") { upc: String! reviews: [Review!]! }`,
      resolvers: {
        Product: { reviews: ({ upc }: { upc: string }) => REVIEWS.filter((r) => r.product === upc) },
        Review: { author: (r: { author: string }) => ({ __typename: 'User', id: r.author }) },
      } as any,
    },
  ]);
});

afterAll(() => federation?.stop());
beforeEach(() => federation.resetCalls());

it('joins entities of three subgraphs in one answer', async () => {
  const { data, errors } = await federation.query('{ topProducts { name reviews { body author { name } } } }');
  expect(errors).toBeUndefined();
  expect(data.topProducts).toEqual(
    PRODUCTS.map((p) => ({
      name: p.name,
      reviews: REVIEWS.filter((r) => r.product === p.upc).map((r) => ({ body: r.body, author: { name: USERS.find((u) => u.id === r.author)!.name } })),
    })),
  );
});

it('asks each subgraph once per step, with every entity of that step in one _entities call', async () => {
  await federation.query('{ topProducts { name reviews { body author { name } } } }');
  expect(federation.calls.products).toHaveLength(1);
  expect(federation.calls.reviews).toEqual([expect.stringContaining('_entities')]);
  expect(federation.calls.accounts).toEqual([expect.stringContaining('_entities')]);
});

it('does not reach a subgraph the query needs nothing from', async () => {
  await federation.query('{ topProducts { upc name } }');
  expect(federation.calls).toEqual({ products: [expect.any(String)], reviews: [], accounts: [] });
});
