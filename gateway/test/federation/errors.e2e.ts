/**
 * Errors: a subgraph's error keeps its path and code and nulls only its
 * field; a null in a non-null field propagates to the nearest nullable
 * parent, as in any GraphQL server; a subgraph that is down leaves the other
 * subgraphs' data in the answer, with an error naming it.
 */
import { GraphQLError } from 'graphql';
import { FixtureFederation, startFixtureFederation } from './fixtureFederation';

const ORDERS = [
  { id: 'o1', customer: 'c1' },
  { id: 'o2', customer: 'c2' },
];
let federation: FixtureFederation;

beforeAll(async () => {
  federation = await startFixtureFederation([
    {
      name: 'orders',
      typeDefs: `
        type Query { orders: [Order!]! order(id: ID!): Order broken: String }
        type Order @key(fields: "id") { id: ID! customer: Customer! }
        type Customer @key(fields: "id", resolvable: false) { id: ID! }`,
      resolvers: {
        Query: {
          orders: () => ORDERS,
          order: (_: unknown, { id }: { id: string }) => ORDERS.find((o) => o.id === id),
          broken: () => {
            throw new GraphQLError('The ledger is closed', { extensions: { code: 'LEDGER_CLOSED' } });
          },
        },
        Order: { customer: (o: { customer: string }) => ({ id: o.customer }) },
      } as any,
    },
    {
      name: 'customers',
      typeDefs: `
        type Customer @key(fields: "id") { id: ID! name: String rating: Int! }`,
      resolvers: {
        Customer: {
          __resolveReference: ({ id }: { id: string }) => ({ id }),
          name: ({ id }: { id: string }) => {
            if (id === 'c2') throw new GraphQLError('Customer c2 is archived', { extensions: { code: 'ARCHIVED' } });
            return 'Ada';
          },
          rating: ({ id }: { id: string }) => {
            if (id === 'c2') throw new GraphQLError('Customer c2 has no rating', { extensions: { code: 'NOT_RATED' } });
            return 5;
          },
        },
      } as any,
    },
  ]);
});

afterAll(() => federation?.stop());

it("keeps the rest of the answer when a subgraph's field fails, with the error's code and path", async () => {
  const { data, errors } = await federation.query('{ orders { id } broken }');
  expect(data).toEqual({ orders: [{ id: 'o1' }, { id: 'o2' }], broken: null });
  expect(errors).toEqual([expect.objectContaining({ message: 'The ledger is closed', path: ['broken'], extensions: expect.objectContaining({ code: 'LEDGER_CLOSED' }) })]);
});

it("maps an entity's error to where that entity sits in the answer", async () => {
  const { data, errors } = await federation.query('{ orders { id customer { name } } }');
  expect(data.orders).toEqual([
    { id: 'o1', customer: { name: 'Ada' } },
    { id: 'o2', customer: { name: null } },
  ]);
  expect(errors).toEqual([expect.objectContaining({ message: 'Customer c2 is archived', path: ['orders', 1, 'customer', 'name'], extensions: expect.objectContaining({ code: 'ARCHIVED' }) })]);
});

it('propagates a null in a non-null field up to the nearest nullable parent', async () => {
  // Customer.rating and Order.customer are non-null; each order(...) is nullable: o2 becomes null, o1 stays whole.
  const { data, errors } = await federation.query('{ o1: order(id: "o1") { id customer { rating } } o2: order(id: "o2") { id customer { rating } } }');
  expect(data).toEqual({ o1: { id: 'o1', customer: { rating: 5 } }, o2: null });
  expect(errors).toEqual([expect.objectContaining({ message: 'Customer c2 has no rating', path: ['o2', 'customer', 'rating'], extensions: expect.objectContaining({ code: 'NOT_RATED' }) })]);
});

it("answers with the other subgraphs' data when one subgraph is down", async () => {
  await federation.stopSubgraph('customers');
  const { status, data, errors } = await federation.query('{ orders { id customer { id name } } }');
  expect(status).toBe(200);
  expect(data.orders).toEqual([
    { id: 'o1', customer: { id: 'c1', name: null } },
    { id: 'o2', customer: { id: 'c2', name: null } },
  ]);
  expect(errors).toEqual([
    expect.objectContaining({ message: expect.stringMatching(/^The customers subgraph is unavailable \(ECONNREFUSED\)$/), extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE' }) }),
  ]);
});
