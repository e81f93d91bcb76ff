/**
 * An entity interface that has no implementation in the supergraph, whose
 * extra field lives only in an @interfaceObject with a non-resolvable key
 * (the federation audit's non-resolvable-interface-object suite). No subgraph
 * can give that field, so the query must fail with an error; unpatched, the
 * planner planned nothing and answered a silent null. Fixture subgraphs of the
 * same shape, written for these tests.
 */
import { ErrorCode } from '../../../lib/errors';
import { FixtureFederation, startFixtureFederation } from './fixtureFederation';

let federation: FixtureFederation;

beforeAll(async () => {
  federation = await startFixtureFederation([
    {
      name: 'directory',
      typeDefs: `
        interface Party @key(fields: "id") { id: ID! }
        type Supplier @key(fields: "id", resolvable: false) @interfaceObject { id: ID! }
        type Query { party: Party supplier: Supplier! }`,
      resolvers: {
        Query: { party: () => ({ __typename: 'Party', id: 'x1' }), supplier: () => ({ __typename: 'Supplier', id: 'm1' }) },
        Party: {
          __resolveReference: () => {
            throw new Error('an interface object here: not resolvable');
          },
        },
      } as any,
    },
    {
      name: 'ratings',
      typeDefs: `
        type Party @key(fields: "id", resolvable: false) @interfaceObject { id: ID! rating: String }
        interface Supplier @key(fields: "id") { id: ID! }
        type Manufacturer implements Supplier @key(fields: "id") { id: ID! name: String! }
        type Query { rated: Party }`,
      resolvers: {
        Query: { rated: () => ({ __typename: 'Party', id: 'x1' }) },
        Party: { rating: () => 'A' },
        Supplier: { __resolveReference: ({ id }: { id: string }) => ({ __typename: 'Manufacturer', id, name: 'Arsenal' }) },
        Manufacturer: { __resolveReference: ({ id }: { id: string }) => ({ id, name: 'Arsenal' }) },
      } as any,
    },
  ]);
});

afterAll(() => federation?.stop());

it('non-resolvable-interface-object_1: a field no subgraph can give is an error, not a silent null', async () => {
  federation.resetCalls();
  const answer = await federation.query('{ party { rating } }');
  expect(answer.data ?? null).toBeNull();
  expect(answer.errors).toEqual([
    { message: 'Cannot plan Party.rating: no subgraph can resolve it where the query asks for it', extensions: { code: ErrorCode.QUERY_PLANNING_FAILED } },
  ]);
  // The plan fails before any subgraph is asked.
  expect(federation.calls).toEqual({ directory: [], ratings: [] });
});

it('still answers the field where the interface object declares it', async () => {
  const answer = await federation.query('{ rated { id rating } }');
  expect(answer).toEqual({ status: 200, data: { rated: { id: 'x1', rating: 'A' } } });
});

it('non-resolvable-interface-object_6: an interface object behind a non-resolvable key still reaches its implementations', async () => {
  const answer = await federation.query('{ supplier { ... on Manufacturer { id } } }');
  expect(answer).toEqual({ status: 200, data: { supplier: { id: 'm1' } } });
});
