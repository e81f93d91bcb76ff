/**
 * @requires: a shipping estimate computed by the inventory subgraph from the
 * price and weight that the products subgraph owns. The gateway fetches those
 * first and hands them over in the representations.
 */
import { FixtureFederation, startFixtureFederation } from './fixtureFederation';

const PRODUCTS = [
  { upc: 'p1', price: 900, weight: 40 },
  { upc: 'p2', price: 120, weight: 8 },
];
const received: Array<Record<string, unknown>> = [];
let federation: FixtureFederation;

beforeAll(async () => {
  federation = await startFixtureFederation([
    {
      name: 'products',
      typeDefs: `type Query { products: [Product!]! } type Product @key(fields: "upc") { upc: String! price: Int! weight: Int! }`,
      resolvers: { Query: { products: () => PRODUCTS }, Product: { __resolveReference: ({ upc }: { upc: string }) => PRODUCTS.find((p) => p.upc === upc) } } as any,
    },
    {
      name: 'inventory',
      typeDefs: `type Product @key(fields: "upc") {
        upc: String!
        price: Int! @external
        weight: Int! @external
        inStock: Boolean!
        shippingEstimate: Int! @requires(fields: "price weight")
      }`,
      resolvers: {
        Product: {
          __resolveReference: (reference: Record<string, unknown>) => {
            received.push(reference);
            return reference;
          },
          inStock: () => true,
          // Free shipping above 500; else half the weight.
          shippingEstimate: ({ price, weight }: { price: number; weight: number }) => (price > 500 ? 0 : weight / 2),
        },
      } as any,
    },
  ]);
});

afterAll(() => federation?.stop());

it('computes a field from fields another subgraph owns, sent along in the representations', async () => {
  const { data, errors } = await federation.query('{ products { upc shippingEstimate } }');
  expect(errors).toBeUndefined();
  expect(data.products).toEqual([
    { upc: 'p1', shippingEstimate: 0 },
    { upc: 'p2', shippingEstimate: 4 },
  ]);
  expect(received).toEqual(PRODUCTS.map((p) => ({ __typename: 'Product', ...p })));
});

it('does not fetch the required fields when the requiring field is not asked for', async () => {
  federation.resetCalls();
  const { data } = await federation.query('{ products { upc inStock } }');
  expect(data.products).toEqual([{ upc: 'p1', inStock: true }, { upc: 'p2', inStock: true }]);
  expect(federation.calls.products[0]).not.toMatch(/price|weight/);
});
