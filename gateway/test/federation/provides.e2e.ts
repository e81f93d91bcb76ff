/**
 * @provides: the reviews subgraph can resolve its authors' usernames itself,
 * so a query for only those never reaches the accounts subgraph; anything
 * else about the author still does.
 */
import { FixtureFederation, startFixtureFederation } from './fixtureFederation';

const USERS = [{ id: 'u1', username: 'ada', email: 'ada@example.org' }];
let federation: FixtureFederation;

beforeAll(async () => {
  federation = await startFixtureFederation([
    {
      name: 'accounts',
      typeDefs: `type User @key(fields: "id") { id: ID! username: String! @shareable email: String! }`,
      resolvers: { User: { __resolveReference: ({ id }: { id: string }) => USERS.find((u) => u.id === id) } } as any,
    },
    {
      name: 'reviews',
      typeDefs: `
        type Query { reviews: [Review!]! }
        type Review { body: String! author: User! @provides(fields: "username") }
        type User @key(fields: "id") { id: ID! username: String! @external }`,
      resolvers: { Query: { reviews: () => [{ body: 'Great', author: { id: 'u1', username: 'ada' } }] } } as any,
    },
  ]);
});

afterAll(() => federation?.stop());
beforeEach(() => federation.resetCalls());

it('answers the provided field from the providing subgraph alone', async () => {
  const { data, errors } = await federation.query('{ reviews { body author { username } } }');
  expect(errors).toBeUndefined();
  expect(data).toEqual({ reviews: [{ body: 'Great', author: { username: 'ada' } }] });
  expect(federation.calls.accounts).toEqual([]);
});

it('still asks the owning subgraph for a field that is not provided', async () => {
  const { data } = await federation.query('{ reviews { author { username email } } }');
  expect(data).toEqual({ reviews: [{ author: { username: 'ada', email: 'ada@example.org' } }] });
  expect(federation.calls.accounts).toEqual([expect.stringContaining('_entities')]);
});
