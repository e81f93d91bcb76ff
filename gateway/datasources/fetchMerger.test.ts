/** How merged entity fetches are split back: each part's data and errors, and a merged operation refused as a whole. */
import { FetchMerger, isMergeable, MergeablePart, PartAnswer } from './fetchMerger';

const entities = (selection: string) => `query Q__s__${selection.length}($representations:[_Any!]!){_entities(representations:$representations){...on Product{${selection}}}}`;
const part = (selection: string, upc: string): MergeablePart => ({
  query: entities(selection),
  variables: { representations: [{ __typename: 'Product', upc }] },
  operationName: `Q__s__${selection.length}`,
  headers: {},
});

describe('merging entity fetches that leave together', () => {
  it('only merges single _entities queries', () => {
    expect(isMergeable(entities('name'))).toBe(true);
    expect(isMergeable('query { topProducts { upc } }')).toBe(false);
    expect(isMergeable('mutation($representations:[_Any!]!){ _entities(representations:$representations){ __typename } }')).toBe(false);
  });

  it('sends one operation with each part under its alias and its own variables, and splits data and errors back by part', async () => {
    const sent: Array<{ query: string; variables: Record<string, unknown> }> = [];
    const merger = new FetchMerger(async (query, variables) => {
      sent.push({ query, variables });
      return { data: { p0: [{ name: 'Table' }], p1: [null] }, errors: [{ message: 'price unavailable', path: ['p1', 0, 'price'] }] };
    });
    const [first, second] = await Promise.all([merger.add('', part('name', '1')), merger.add('', part('price', '2'))]);
    expect(sent).toHaveLength(1);
    expect(sent[0].query).toMatch(/p0: _entities\(representations: \$p0_representations\).*p1: _entities\(representations: \$p1_representations\)/s);
    expect(sent[0].variables).toEqual({ p0_representations: [{ __typename: 'Product', upc: '1' }], p1_representations: [{ __typename: 'Product', upc: '2' }] });
    expect(first).toEqual({ data: { _entities: [{ name: 'Table' }] }, cacheControl: undefined });
    expect(second).toEqual({ data: { _entities: [null] }, errors: [{ message: 'price unavailable', path: ['_entities', 0, 'price'] }], cacheControl: undefined });
  });

  it('sends every part again on its own when the merged operation is refused as a whole, so a failure stays with its part', async () => {
    const sent: string[] = [];
    const merger = new FetchMerger(async (query): Promise<PartAnswer> => {
      sent.push(query);
      if (query.includes('p1: _entities')) return { data: null, errors: [{ message: 'Variable "$p1_representations" got invalid value' }] };
      if (query.includes('price')) return { data: null, errors: [{ message: 'Variable "$representations" got invalid value' }] };
      return { data: { _entities: [{ name: 'Table' }] } };
    });
    const [first, second] = await Promise.all([merger.add('', part('name', '1')), merger.add('', part('price', '2'))]);
    expect(sent).toHaveLength(3);
    expect(first).toEqual({ data: { _entities: [{ name: 'Table' }] } });
    expect(second.errors?.[0].message).toMatch(/\$representations/);
  });

  it('never merges parts of different groups (e.g. two callers)', async () => {
    const sent: string[] = [];
    const merger = new FetchMerger(async (query) => {
      sent.push(query);
      return { data: { _entities: [null] } };
    });
    await Promise.all([merger.add('identity A', part('name', '1')), merger.add('identity B', part('price', '2'))]);
    expect(sent).toHaveLength(2);
    expect(sent.every((q) => !q.includes('p1:'))).toBe(true);
  });
});
