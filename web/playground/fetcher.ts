import type { GraphiQLProps } from 'graphiql';
import { authorizationHeader, sendGraphQL, type GraphQLErrorPayload, type GraphQLRequest, type GraphQLResult } from '../shared/graphqlClient';

/**
 * GraphiQL's fetcher: POST to the gateway's /graphql with the token from the
 * token field; an Authorization typed in the headers editor wins. The body is
 * shown as the gateway wrote it, also for 401/403 answers; `onAnswer` lets the
 * page explain token problems above the editor.
 */
export function playgroundFetcher(token: string, onAnswer: (result: GraphQLResult<unknown>) => void): GraphiQLProps['fetcher'] {
  return async (request, options) => {
    const typedHeaders = (options?.headers ?? {}) as Record<string, string>;
    const { httpStatus, body } = await sendGraphQL(request as GraphQLRequest, { ...authorizationHeader(token), ...typedHeaders });
    const shown =
      body ??
      ({ errors: [{ message: httpStatus === 0 ? 'The gateway cannot be reached.' : `The gateway answered HTTP ${httpStatus} without a GraphQL response.` }] } as Record<string, unknown>);
    onAnswer({
      httpStatus,
      data: shown.data ?? null,
      errors: Array.isArray(shown.errors) ? (shown.errors as GraphQLErrorPayload[]) : [],
    });
    return shown;
  };
}
