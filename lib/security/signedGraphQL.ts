/**
 * A request to a subgraph signed exactly as the gateway signs its own (the
 * identity header, if any, and the signature over method, path, identity and
 * body). For tools that talk to a subgraph directly on the deployment's
 * behalf — `jpg subgraph check` fetching `_service { sdl }`, `jpg member add`
 * admitting a member in procurement — and for tests.
 */
import { GATEWAY_SERVICE_IDENTITY, identityHeaders } from './identityHeaders';
import { signatureHeadersForFetch } from './requestSignature';
import type { Identity } from './roles';

export interface SignedRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * The headers of a gateway-signed request to `target` (the member code or subgraph name of the service at `url`):
 * `init.headers`, the identity's header (none for null) and the signature.
 */
export function gatewaySignedHeaders(secret: string, target: string, url: string, init: SignedRequestInit, identity: Identity | null): Record<string, string> {
  const headers = { ...(init.headers ?? {}), ...(identity ? identityHeaders(identity) : {}) };
  return { ...headers, ...signatureHeadersForFetch(secret, target, url, { ...init, headers }) };
}

export interface SignedGraphQLOptions {
  secret: string;
  /** The service at the URL: a member code ("XK") or a subgraph name ("procurement"); the signature is bound to it. */
  target: string;
  /** The caller forwarded. Default: the gateway's own service identity (schema checks only). */
  as?: Identity;
  timeoutMs?: number;
}

export interface GraphQLAnswer<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** POSTs one operation, signed; a non-JSON answer throws naming the status. */
export async function signedGraphQL<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> | undefined, options: SignedGraphQLOptions): Promise<GraphQLAnswer<T>> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) };
  const response = await fetch(url, { ...init, headers: gatewaySignedHeaders(options.secret, options.target, url, init, options.as ?? GATEWAY_SERVICE_IDENTITY), signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
  const text = await response.text();
  try {
    return { status: response.status, ...(JSON.parse(text) as Omit<GraphQLAnswer<T>, 'status'>) };
  } catch {
    throw new Error(`${url} answered HTTP ${response.status} without GraphQL JSON: ${text.slice(0, 120)}`);
  }
}
