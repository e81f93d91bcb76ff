/**
 * Interfaces: the catalogue subgraph returns a list of an interface type
 * (books and furniture); fields of one implementation come from another
 * subgraph, fetched only for the items of that type.
 */
import { FixtureFederation, startFixtureFederation } from './fixtureFederation';

const ITEMS = [
  { __typename: 'Book', id: 'b1', title: 'Dune', pages: 412 },
  { __typename: 'Furniture', id: 'f1', title: 'Desk', material: 'oak' },
  { __typename: 'Book', id: 'b2', title: 'Emma', pages: 474 },
];
let federation: FixtureFederation;

beforeAll(async () => {
  federation = await startFixtureFederation([
    {
      name: 'catalogue',
      typeDefs: `
        type Query { items: [Item!]! }
        interface Item { id: ID! title: String! }
        type Book implements Item @key(fields: "id") { id: ID! title: String! pages: Int! }
        type Furniture implements Item @key(fields: "id") { id: ID! title: String! material: String! }`,
      resolvers: { Query: { items: () => ITEMS }, Item: { __resolveType: (item: { __typename: string }) => item.__typename } } as any,
    },
    {
      name: 'library',
      typeDefs: `type Book @key(fields: "id") { id: ID! borrowed: Boolean! }`,
      resolvers: { Book: { __resolveReference: ({ id }: { id: string }) => ({ id, borrowed: id === 'b2' }) } } as any,
    },
  ]);
});

afterAll(() => federation?.stop());

it('answers an interface list with fields of each implementation, from whichever subgraph owns them', async () => {
  const { data, errors } = await federation.query('{ items { __typename title ... on Book { pages borrowed } ... on Furniture { material } } }');
  expect(errors).toBeUndefined();
  expect(data.items).toEqual([
    { __typename: 'Book', title: 'Dune', pages: 412, borrowed: false },
    { __typename: 'Furniture', title: 'Desk', material: 'oak' },
    { __typename: 'Book', title: 'Emma', pages: 474, borrowed: true },
  ]);
});

it('sends only the books to the subgraph that knows about books', async () => {
  federation.resetCalls();
  await federation.query('{ items { ... on Book { borrowed } } }');
  expect(federation.calls.library).toHaveLength(1);
  expect(federation.calls.library[0]).toContain('_entities');
});
