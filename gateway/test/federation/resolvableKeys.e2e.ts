/**
 * The key the plan uses to come back into a subgraph after @requires must be
 * one that subgraph resolves (the federation audit's keys-mashup suite;
 * upstream apollographql/federation#3137, reverted in #3144). Here the
 * catalogue declares four keys for Item, and only the second is resolvable;
 * unpatched, the planner took the first and the catalogue, sent a
 * representation it cannot resolve, answered null. Fixture subgraphs of the
 * same shape, written for these tests.
 */
import { FixtureFederation, startFixtureFederation } from './fixtureFederation';

const ITEMS: Record<string, { id: string; code: string; ref: { country: string; serial: string; batch: string }; title: string }> = {
  '1': { id: '1', code: 'nato-1', ref: { country: 'XK', serial: 's1', batch: 'b1' }, title: 'helmet' },
  '2': { id: '2', code: 'nato-2', ref: { country: 'AL', serial: 's2', batch: 'b2' }, title: 'vest' },
};
const received: Array<Record<string, unknown>> = [];
let federation: FixtureFederation;

beforeAll(async () => {
  federation = await startFixtureFederation([
    {
      name: 'registry',
      typeDefs: `
        type Item
          @key(fields: "id", resolvable: true)
          @key(fields: "code", resolvable: false)
          @key(fields: "ref { country serial }", resolvable: false)
          @key(fields: "id ref { serial batch }", resolvable: false) {
          id: ID!
          code: ID!
          ref: ItemRef!
          title: String!
        }
        type ItemRef { country: ID! serial: ID! batch: ID! }`,
      resolvers: { Item: { __resolveReference: ({ id }: { id: string }) => ITEMS[id] ?? null } } as any,
    },
    {
      name: 'catalogue',
      typeDefs: `
        type Query { catalogue: Catalogue }
        type Catalogue @key(fields: "id") { id: ID! items: [Item!]! }
        type Item
          @key(fields: "ref { country serial }", resolvable: false)
          @key(fields: "id ref { serial batch }", resolvable: true)
          @key(fields: "code", resolvable: false)
          @key(fields: "id", resolvable: false) {
          id: ID!
          code: ID!
          ref: ItemRef!
          title: String! @external
          label: String! @requires(fields: "title")
        }
        type ItemRef { country: ID! serial: ID! batch: ID! }`,
      resolvers: {
        Query: { catalogue: () => ({ id: 'c1', items: ['1'] }) },
        Catalogue: { items: ({ items }: { items: string[] }) => items.map((id) => ({ id, code: ITEMS[id].code, ref: ITEMS[id].ref })) },
        Item: {
          // Only "id ref { serial batch }" is resolvable here: a representation without id is answered with null.
          __resolveReference: (reference: { id?: string; title?: string }) => {
            received.push(reference);
            const item = reference.id ? ITEMS[reference.id] : undefined;
            return item ? { id: item.id, code: item.code, ref: item.ref, title: reference.title } : null;
          },
          label: ({ title }: { title?: string }) => {
            if (!title) throw new Error('Item.title was not provided');
            return `catalogue: ${title}`;
          },
        },
      } as any,
    },
  ]);
});

afterAll(() => federation?.stop());

it('keys-mashup_0: comes back after @requires through the resolvable key', async () => {
  const answer = await federation.query('{ catalogue { id items { id title label } } }');
  expect(answer).toEqual({ status: 200, data: { catalogue: { id: 'c1', items: [{ id: '1', title: 'helmet', label: 'catalogue: helmet' }] } } });
  expect(received).toEqual([{ __typename: 'Item', id: '1', ref: { serial: 's1', batch: 'b1' }, title: 'helmet' }]);
});
