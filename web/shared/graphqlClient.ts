/**
 * The one way both web apps talk to the graph: POST /graphql on the page's own
 * origin (the gateway that served the page), with the bearer token.
 */

export interface GraphQLErrorPayload {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; country?: string; [key: string]: unknown };
}

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface GraphQLResult<TData> {
  httpStatus: number;
  data: TData | null;
  errors: GraphQLErrorPayload[];
}

export const GRAPHQL_PATH = '/graphql';

export function authorizationHeader(token: string): Record<string, string> {
  return token === '' ? {} : { Authorization: `Bearer ${token}` };
}

/**
 * Sends one request; answers the HTTP status and the JSON body as the gateway
 * wrote it (null when it was not JSON). A network failure is HTTP status 0.
 */
export async function sendGraphQL(
  request: GraphQLRequest,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<{ httpStatus: number; body: Record<string, unknown> | null }> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', ...headers },
      body: JSON.stringify(request),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { httpStatus: 0, body: null };
  }
  const text = await response.text();
  try {
    const parsed: unknown = JSON.parse(text);
    const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
    return { httpStatus: response.status, body: isObject ? (parsed as Record<string, unknown>) : null };
  } catch {
    return { httpStatus: response.status, body: null };
  }
}

/** A request from the page's own code, answered as data plus a list of errors (never throws for HTTP). */
export async function postGraphQL<TData>(request: GraphQLRequest, token: string, signal?: AbortSignal): Promise<GraphQLResult<TData>> {
  const { httpStatus, body } = await sendGraphQL(request, authorizationHeader(token), signal);
  if (body === null) {
    const message = httpStatus === 0 ? 'The gateway cannot be reached.' : `The gateway answered HTTP ${httpStatus} without a GraphQL response.`;
    return { httpStatus, data: null, errors: [{ message, extensions: { code: httpStatus === 0 ? 'GATEWAY_UNREACHABLE' : 'BAD_RESPONSE' } }] };
  }
  return {
    httpStatus,
    data: (body.data ?? null) as TData | null,
    errors: Array.isArray(body.errors) ? (body.errors as GraphQLErrorPayload[]) : [],
  };
}
