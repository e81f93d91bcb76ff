/**
 * @interfaceObject: the ratings subgraph adds a field to every implementation
 * of an entity interface without knowing the implementations; the gateway
 * sends it the interface's representations and fills the field in on each
 * concrete type.
 */
import { FixtureFederation, startFixtureFederation } from './fixtureFederation';

const MEDIA = [
  { __typename: 'Book', id: 'm1', title: 'Dune' },
  { __typename: 'Film', id: 'm2', title: 'Alien' },
];
const RATINGS: Record<string, number> = { m1: 5, m2: 4 };
const received: unknown[] = [];
let federation: FixtureFederation;

beforeAll(async () => {
  federation = await startFixtureFederation([
    {
      name: 'media',
      typeDefs: `
        type Query { media: [Media!]! }
        interface Media @key(fields: "id") { id: ID! title: String! }
        type Book implements Media @key(fields: "id") { id: ID! title: String! }
        type Film implements Media @key(fields: "id") { id: ID! title: String! }`,
      resolvers: {
        Query: { media: () => MEDIA },
        Media: { __resolveType: (m: { __typename: string }) => m.__typename, __resolveReference: ({ id }: { id: string }) => MEDIA.find((m) => m.id === id) },
      } as any,
    },
    {
      name: 'ratings',
      typeDefs: `type Media @key(fields: "id") @interfaceObject { id: ID! stars: Int! }`,
      resolvers: {
        Media: {
          __resolveReference: (reference: { id: string }) => {
            received.push(reference);
            return { id: reference.id, stars: RATINGS[reference.id] };
          },
        },
      } as any,
    },
  ]);
});

afterAll(() => federation?.stop());

it('adds the field to every implementation, asking the interface-object subgraph by interface', async () => {
  const { data, errors } = await federation.query('{ media { __typename title stars } }');
  expect(errors).toBeUndefined();
  expect(data.media).toEqual([
    { __typename: 'Book', title: 'Dune', stars: 5 },
    { __typename: 'Film', title: 'Alien', stars: 4 },
  ]);
  // The ratings subgraph only knows the interface: representations name Media, not Book or Film.
  expect(received).toEqual([
    { __typename: 'Media', id: 'm1' },
    { __typename: 'Media', id: 'm2' },
  ]);
});
