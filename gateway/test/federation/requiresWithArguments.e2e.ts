/**
 * @requires of a field that takes arguments (the federation audit's
 * requires-with-argument and requires-with-argument-conflict suites; upstream
 * apollographql/router#5000, apollographql/federation#2276 and #2996).
 * Unpatched, the required `bids(first: 3)` and the client's own `bids(first: 1)`
 * share a response name and one of them is lost, and two @requires of `price`
 * with different currencies end up in one representation. Our patches
 * (patches/README.md) alias each required field with arguments and rename it
 * back for the subgraph. Fixture subgraphs of the same shape, written for
 * these tests.
 */
import { FixtureFederation, startFixtureFederation } from './fixtureFederation';

describe('a required field with arguments next to the client selecting the same field (requires-with-argument_2/_3/_4)', () => {
  // Each tender has three bids; the lead bidder is the bidder of the third bid.
  const BIDS = [
    { id: 'b1', tenderId: 't1', bidderId: 's2' },
    { id: 'b2', tenderId: 't1', bidderId: 's2' },
    { id: 'b3', tenderId: 't1', bidderId: 's2' },
    { id: 'b4', tenderId: 't2', bidderId: 's1' },
    { id: 'b5', tenderId: 't2', bidderId: 's1' },
    { id: 'b6', tenderId: 't2', bidderId: 's1' },
  ];
  const bidsOf = (tenderId: string, first: number) => BIDS.filter((b) => b.tenderId === tenderId).slice(0, first);
  let federation: FixtureFederation;

  beforeAll(async () => {
    federation = await startFixtureFederation([
      {
        name: 'tenders',
        typeDefs: `
          type Query { tenders: [Tender] }
          type Tender @key(fields: "id") { id: ID! }
          type Bid @key(fields: "id") { id: ID! bidderId: ID amountMinor: Int! }`,
        resolvers: {
          Query: { tenders: () => [{ id: 't1' }, { id: 't2' }] },
          Bid: { __resolveReference: ({ id }: { id: string }) => ({ ...BIDS.find((b) => b.id === id), amountMinor: 100 }) },
        } as any,
      },
      {
        name: 'evaluation',
        typeDefs: `
          type Tender @key(fields: "id") {
            id: ID!
            bids(first: Int!): [Bid]
            leadBidder: Bidder @requires(fields: "bids(first: 3) { bidderId }")
          }
          type Bid @key(fields: "id") { id: ID! bidderId: ID @external }
          type Bidder { id: ID! }`,
        resolvers: {
          Tender: {
            __resolveReference: (reference: { id: string; bids?: Array<{ bidderId: string }> }) => {
              // The @requires input must be exactly what it names: three bids.
              if (reference.bids && reference.bids.length !== 3) throw new Error(`expected 3 bids, got ${reference.bids.length}`);
              return reference;
            },
            bids: ({ id }: { id: string }, { first }: { first: number }) => bidsOf(id, first).map((b) => ({ id: b.id })),
            leadBidder: ({ bids }: { bids: Array<{ bidderId: string }> }) => ({ id: bids[2].bidderId }),
          },
        } as any,
      },
    ]);
  });

  afterAll(() => federation?.stop());

  const EXPECTED = {
    tenders: [
      { leadBidder: { id: 's2' }, bids: [{ id: 'b1' }] },
      { leadBidder: { id: 's1' }, bids: [{ id: 'b4' }] },
    ],
  };

  it('requires-with-argument_2: a literal argument', async () => {
    const answer = await federation.query('{ tenders { leadBidder { id } bids(first: 1) { id } } }');
    expect(answer).toEqual({ status: 200, data: EXPECTED });
  });

  it('requires-with-argument_3: a variable with a default', async () => {
    const answer = await federation.query('query ($first: Int = 1) { tenders { leadBidder { id } bids(first: $first) { id } } }');
    expect(answer).toEqual({ status: 200, data: EXPECTED });
  });

  it('requires-with-argument_4: the same field in two fragments', async () => {
    const answer = await federation.query(`
      query ($first: Int = 1) { tenders { leadBidder { id } ...A ...B } }
      fragment A on Tender { bids(first: $first) { id } }
      fragment B on Tender { bids(first: $first) { id } }`);
    expect(answer).toEqual({ status: 200, data: EXPECTED });
  });

  it('fetches the required bids(first: 3) under an alias of its own, next to the client\'s bids(first: 1)', async () => {
    federation.resetCalls();
    await federation.query('{ tenders { leadBidder { id } bids(first: 1) { id } } }');
    const reads = federation.calls.evaluation.join('\n');
    expect(reads).toMatch(/[^:\w]bids\(first:1\)/);
    expect(reads).toMatch(/_jpg_requires_\w+_bids:bids\(first:3\)/);
    expect(federation.calls.evaluation.filter((q) => q.includes('leadBidder'))).toHaveLength(1);
  });
});

describe('two @requires of one field with different arguments (requires-with-argument-conflict_0)', () => {
  // Prices in minor units; the EUR price is twice the USD one. Item i3 costs 0, a value the subgraph must still receive.
  const ITEMS = [
    { id: 'i1', name: 'helmet', priceMinor: 11, weightKg: 1 },
    { id: 'i2', name: 'vest', priceMinor: 22, weightKg: 2 },
    { id: 'i3', name: 'sample', priceMinor: 0, weightKg: 3 },
  ];
  const received: Array<Record<string, unknown>> = [];
  let federation: FixtureFederation;

  beforeAll(async () => {
    federation = await startFixtureFederation([
      {
        name: 'catalogue',
        typeDefs: `
          type Query { items: [Item] }
          type Item @key(fields: "id") { id: ID! name: String price(currency: String!): Int weightKg: Int }`,
        resolvers: {
          Query: { items: () => ITEMS },
          Item: {
            __resolveReference: ({ id }: { id: string }) => ITEMS.find((i) => i.id === id),
            price: ({ priceMinor }: { priceMinor: number }, { currency }: { currency: string }) => {
              if (currency === 'USD') return priceMinor;
              if (currency === 'EUR') return priceMinor * 2;
              throw new Error(`unsupported currency ${currency}`);
            },
          },
        } as any,
      },
      {
        name: 'logistics',
        typeDefs: `
          type Item @key(fields: "id") {
            id: ID!
            price(currency: String!): Int @external
            weightKg: Int @external
            shippingUSD: Int @requires(fields: "price(currency: \\"USD\\") weightKg")
            shippingEUR: Int @requires(fields: "price(currency: \\"EUR\\") weightKg")
          }`,
        resolvers: {
          Item: {
            __resolveReference: (reference: Record<string, unknown>) => {
              received.push(reference);
              if (typeof reference.price !== 'number') throw new Error('price missing from the representation');
              return reference;
            },
            shippingUSD: ({ price, weightKg }: { price: number; weightKg: number }) => price * weightKg * 10,
            shippingEUR: ({ price, weightKg }: { price: number; weightKg: number }) => price * weightKg * 10,
          },
        } as any,
      },
    ]);
  });

  afterAll(() => federation?.stop());

  it('computes each field from the price in its own currency', async () => {
    const answer = await federation.query('{ items { id name shippingUSD shippingEUR } }');
    expect(answer).toEqual({
      status: 200,
      data: {
        items: [
          { id: 'i1', name: 'helmet', shippingUSD: 110, shippingEUR: 220 },
          { id: 'i2', name: 'vest', shippingUSD: 440, shippingEUR: 880 },
          { id: 'i3', name: 'sample', shippingUSD: 0, shippingEUR: 0 },
        ],
      },
    });
  });

  it('answers the client its own price next to a required price in another currency', async () => {
    received.length = 0;
    const answer = await federation.query('{ items { id price(currency: "EUR") shippingUSD } }');
    expect(answer).toEqual({
      status: 200,
      data: {
        items: [
          { id: 'i1', price: 22, shippingUSD: 110 },
          { id: 'i2', price: 44, shippingUSD: 440 },
          { id: 'i3', price: 0, shippingUSD: 0 },
        ],
      },
    });
    // The representations carry the field under its own name, a required 0 included.
    expect(received).toEqual(ITEMS.map((i) => ({ __typename: 'Item', id: i.id, price: i.priceMinor, weightKg: i.weightKg })));
  });
});
