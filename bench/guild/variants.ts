/**
 * The two request streams of the federation benchmark. Both are answered by
 * bench/guild/testquery-expected.json (a copy of the Guild's expected answer):
 * - identical: the Guild's test query as published, the same body every time;
 * - varied: the same query with `topProducts(first: $first)` and a different
 *   `$first` in every request (always at least the 5 products there are, so
 *   the answer does not change): the root fetch to `products` differs in every
 *   request, so no gateway can share it between client requests.
 */
import { GUILD_TEST_QUERY } from './subgraphs';

export interface Variant {
  key: 'identical' | 'varied';
  description: string;
  body(i: number): string;
}

const IDENTICAL_BODY = JSON.stringify({ query: GUILD_TEST_QUERY });
const VARIED_QUERY = GUILD_TEST_QUERY.replace('query TestQuery {', 'query TestQuery($first: Int) {').replace('topProducts {', 'topProducts(first: $first) {');
if (VARIED_QUERY === GUILD_TEST_QUERY) throw new Error('the varied benchmark query could not be derived from the test query');

/** Values never repeat within one benchmark process. */
let next = 5;

export const VARIANTS: Variant[] = [
  { key: 'identical', description: 'the Guild test query, identical in every request', body: () => IDENTICAL_BODY },
  {
    key: 'varied',
    description: 'the same query with topProducts(first: $first), $first different in every request (answer unchanged)',
    body: () => JSON.stringify({ query: VARIED_QUERY, variables: { first: next++ } }),
  },
];
