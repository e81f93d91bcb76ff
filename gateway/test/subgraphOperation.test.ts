/**
 * How the value router reads and cuts a subgraph operation: the cut-down
 * operation for one member must still be valid for the subgraph (no unused
 * fragment or variable), keep what it needs (fragments, variables in
 * directives, __typename) and nothing else.
 */
import { buildSchema, parse, validate } from 'graphql';
import { SubgraphOperation, SubgraphOperationCache } from '../datasources/subgraphOperation';

const SCHEMA = buildSchema(`
  type Query { ministry(country: ID!): Ministry holdings(country: ID!, category: String): [Holding!] _entities(representations: [String!]!): [Entity]! }
  type Mutation { setBudget(country: ID!, year: Int!): Int }
  type Ministry { name: String! minister: String! }
  type Holding { id: ID! quantity: Int! }
  type Country { code: ID! ministry: Ministry budget(year: Int!): Int }
  type Requirement { id: ID! quantity: Int! }
  union Entity = Country | Requirement
`);

const operation = (text: string) => new SubgraphOperation(parse(text), 'country');
const stillValid = (text: string) => expect(validate(SCHEMA, parse(text)).map((e) => e.message)).toEqual([]);

describe('reading an operation', () => {
  it('lists root fields by response key with their member argument, through root-level fragments', () => {
    const op = operation(`query Q($c: ID!) { __typename a: ministry(country: "XK") { name } ...More }
      fragment More on Query { holdings(country: $c) { id } }`);
    expect(op.rootFields.map((f) => [f.responseKey, f.name, f.memberArgument?.kind])).toEqual([
      ['a', 'ministry', 'StringValue'],
      ['holdings', 'holdings', 'Variable'],
    ]);
    expect(op.isEntityFetch).toBe(false);
  });

  it("tells an entity fetch, and the fields it selects on each type (the fields a failed member's entity owes)", () => {
    const op = operation(`query E($representations: [String!]!) { _entities(representations: $representations) {
      ... on Country { __typename ministry { name } y: budget(year: 2026) ...C }
      ... on Requirement { quantity } } }
      fragment C on Country { code }`);
    expect(op.isEntityFetch).toBe(true);
    expect(op.entityKeys('Country')).toEqual(['ministry', 'y', 'code']);
    expect(op.entityKeys('Requirement')).toEqual(['quantity']);
    expect(op.entityKeys('Holding')).toEqual([]);
  });
});

describe('cutting an operation down to one member’s root fields', () => {
  const text = `query Q($xk: ID!, $al: ID!, $withMinister: Boolean!, $category: String) {
    __typename
    xk: ministry(country: $xk) { ...Names }
    al: ministry(country: $al) { name minister @include(if: $withMinister) }
    h: holdings(country: $al, category: $category) { ...Qty }
    ...Root
  }
  fragment Names on Ministry { name }
  fragment Qty on Holding { id quantity }
  fragment Root on Query { late: holdings(country: $xk) { ...Qty } }`;
  const op = operation(text);

  it('keeps only those fields, the fragments and variables they use, and __typename', () => {
    const xk = op.only(new Set(['xk', 'late']));
    expect(xk.variables.sort()).toEqual(['xk']);
    expect(xk.query).toContain('xk: ministry(country: $xk)');
    expect(xk.query).toContain('late: holdings(country: $xk)');
    expect(xk.query).toContain('__typename');
    expect(xk.query).toContain('fragment Names on Ministry');
    expect(xk.query).toContain('fragment Qty on Holding');
    expect(xk.query).not.toMatch(/\$al|withMinister|category|fragment Root/);
    stillValid(xk.query);
  });

  it('keeps a variable used only in a directive', () => {
    const al = op.only(new Set(['al', 'h']));
    expect(al.variables.sort()).toEqual(['al', 'category', 'withMinister']);
    expect(al.query).not.toContain('fragment Names');
    stillValid(al.query);
  });

  it('cuts a mutation the same way, and caches each cut', () => {
    const mutation = operation('mutation M($y: Int!) { a: setBudget(country: "XK", year: $y) b: setBudget(country: "AL", year: 2027) }');
    const b = mutation.only(new Set(['b']));
    expect(b).toEqual({ query: expect.stringMatching(/^mutation M \{\s+b: setBudget\(country: "AL", year: 2027\)\s+\}$/), variables: [] });
    expect(mutation.only(new Set(['b']))).toBe(b);
  });
});

it('parses each operation text once', () => {
  const cache = new SubgraphOperationCache('country', 2);
  const first = cache.get('{ ministry(country: "XK") { name } }');
  expect(cache.get('{ ministry(country: "XK") { name } }')).toBe(first);
  cache.get('{ a: ministry(country: "AL") { name } }');
  cache.get('{ b: ministry(country: "HR") { name } }'); // beyond capacity: the least recently used goes
  expect(cache.get('{ ministry(country: "XK") { name } }')).not.toBe(first);
});
