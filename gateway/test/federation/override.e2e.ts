/**
 * @override: a field migrated from one subgraph to another. The gateway asks
 * only the new owner, even though the old one still has a resolver for it.
 */
import { FixtureFederation, startFixtureFederation } from './fixtureFederation';

const oldPriceCalls: string[] = [];
let federation: FixtureFederation;

beforeAll(async () => {
  federation = await startFixtureFederation([
    {
      name: 'legacy',
      typeDefs: `type Query { product(id: ID!): Product } type Product @key(fields: "id") { id: ID! name: String! price: Int! }`,
      resolvers: {
        Query: { product: (_: unknown, { id }: { id: string }) => ({ id, name: `Product ${id}` }) },
        Product: {
          price: ({ id }: { id: string }) => {
            oldPriceCalls.push(id);
            return 1;
          },
        },
      } as any,
    },
    {
      name: 'pricing',
      typeDefs: `type Product @key(fields: "id") { id: ID! price: Int! @override(from: "legacy") }`,
      resolvers: { Product: { __resolveReference: ({ id }: { id: string }) => ({ id, price: 250 }) } } as any,
    },
  ]);
});

afterAll(() => federation?.stop());

it('resolves an overridden field in the subgraph that took it over, never in the one it came from', async () => {
  const { data, errors } = await federation.query('{ product(id: "7") { name price } }');
  expect(errors).toBeUndefined();
  expect(data).toEqual({ product: { name: 'Product 7', price: 250 } });
  expect(oldPriceCalls).toEqual([]);
  expect(federation.calls.legacy[0]).not.toContain('price');
  expect(federation.calls.pricing).toEqual([expect.stringContaining('_entities')]);
});
