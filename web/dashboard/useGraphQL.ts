import { useEffect, useState } from 'react';
import { postGraphQL, type GraphQLResult } from '../shared/graphqlClient';

export type QueryState<TData> = { phase: 'idle' } | { phase: 'loading' } | { phase: 'done'; result: GraphQLResult<TData> };

/**
 * Runs `query` whenever it, its variables, the token or `reload` change;
 * `skip` leaves it idle (e.g. no order selected yet). A newer run cancels
 * an older one, so a slow answer never overwrites a fresh one.
 */
export function useGraphQL<TData>(
  query: string,
  variables: Record<string, unknown> | undefined,
  token: string,
  options: { skip?: boolean; reload?: number } = {},
): QueryState<TData> {
  const [state, setState] = useState<QueryState<TData>>({ phase: 'idle' });
  const variablesKey = JSON.stringify(variables ?? {});
  const { skip = false, reload = 0 } = options;

  useEffect(() => {
    if (skip) {
      setState({ phase: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ phase: 'loading' });
    postGraphQL<TData>({ query, variables: JSON.parse(variablesKey) as Record<string, unknown> }, token, controller.signal).then(
      (result) => setState({ phase: 'done', result }),
      () => undefined, // aborted by a newer run
    );
    return () => controller.abort();
  }, [query, variablesKey, token, skip, reload]);

  return state;
}
