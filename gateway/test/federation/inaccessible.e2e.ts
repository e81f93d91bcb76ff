/**
 * @inaccessible: a field the subgraphs use among themselves (here, as the
 * input of a @requires) that clients can neither query nor see.
 */
import { FixtureFederation, startFixtureFederation } from './fixtureFederation';

let federation: FixtureFederation;

beforeAll(async () => {
  federation = await startFixtureFederation([
    {
      name: 'stock',
      typeDefs: `type Query { part(id: ID!): Part } type Part @key(fields: "id") { id: ID! supplierCode: String! @inaccessible @shareable }`,
      resolvers: {
        Query: { part: (_: unknown, { id }: { id: string }) => ({ id, supplierCode: `SUP-${id}` }) },
        Part: { __resolveReference: ({ id }: { id: string }) => ({ id, supplierCode: `SUP-${id}` }) },
      } as any,
    },
    {
      name: 'suppliers',
      typeDefs: `type Part @key(fields: "id") { id: ID! supplierCode: String! @external supplier: String! @requires(fields: "supplierCode") }`,
      resolvers: { Part: { supplier: ({ supplierCode }: { supplierCode: string }) => `Supplier of ${supplierCode}` } } as any,
    },
  ]);
});

afterAll(() => federation?.stop());

it('is refused in a client query as a field that does not exist', async () => {
  const { status, data, errors } = await federation.query('{ part(id: "1") { supplierCode } }');
  expect(status).toBe(400);
  expect(data).toBeUndefined();
  expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining('Cannot query field "supplierCode" on type "Part"'), extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) })]);
});

it('is not in the schema clients see', async () => {
  const { data } = await federation.query('{ __type(name: "Part") { fields { name } } }');
  expect(data.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(['id', 'supplier']);
});

it('still flows between subgraphs where the supergraph uses it', async () => {
  const { data, errors } = await federation.query('{ part(id: "9") { supplier } }');
  expect(errors).toBeUndefined();
  expect(data).toEqual({ part: { supplier: 'Supplier of SUP-9' } });
});
