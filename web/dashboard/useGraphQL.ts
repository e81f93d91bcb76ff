import { useEffect, useRef, useState } from 'react';
import { postGraphQL, type GraphQLResult } from '../shared/graphqlClient';

export type QueryState<TData> =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'done'; result: GraphQLResult<TData>; /** When this answer arrived. */ receivedAt: Date };

/**
 * Runs `query` whenever it, its variables, the token or `reload` change;
 * `skip` leaves it idle (e.g. no order selected yet). A different request
 * cancels an older one, so a slow answer never overwrites a fresh one. A
 * reload of the same request keeps showing the last answer until the new one
 * arrives, so a periodic refresh does not blank the page, and never cancels
 * the same request still under way (on a slow link it would never finish).
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
  const shownKey = useRef<string | null>(null);
  const inFlight = useRef<{ key: string; controller: AbortController } | null>(null);

  useEffect(() => {
    const key = skip ? null : JSON.stringify([query, variablesKey, token]);
    if (key !== null && inFlight.current?.key === key) return;
    inFlight.current?.controller.abort();
    inFlight.current = null;
    if (key === null) {
      shownKey.current = null;
      setState({ phase: 'idle' });
      return;
    }
    const controller = new AbortController();
    inFlight.current = { key, controller };
    if (shownKey.current !== key) setState({ phase: 'loading' });
    postGraphQL<TData>({ query, variables: JSON.parse(variablesKey) as Record<string, unknown> }, token, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        inFlight.current = null;
        shownKey.current = key;
        setState({ phase: 'done', result, receivedAt: new Date() });
      },
      () => undefined, // aborted by a different request
    );
  }, [query, variablesKey, token, skip, reload]);

  // Leaving the page cancels what is still under way (and forgets it, so a remount, as StrictMode does in development, asks again).
  useEffect(
    () => () => {
      inFlight.current?.controller.abort();
      inFlight.current = null;
    },
    [],
  );

  return state;
}
