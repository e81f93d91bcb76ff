/**
 * Calling a subgraph directly, as the gateway would: the request carries an
 * identity header and the gateway's signature (the development signing
 * secret, or GATEWAY_SIGNING_SECRET when set), so the subgraph's signature
 * check is exercised rather than switched off.
 *
 *   await signedFetch(service.url, { method: 'POST', body }, { as: ministryIdentity('XK') });
 *
 * Requests are signed for the service they go to (its member code, or its
 * subgraph name): the testkits that start services record which service
 * answers at which address (`rememberSignatureTarget`); `{ target }` says it
 * for any other.
 */
import { readSigningConfig } from '../../lib/security/config';
import { gatewaySignedHeaders } from '../../lib/security/signedGraphQL';
import { identityOf, ministryRole, type Identity, type Role } from '../../lib/security/roles';
import { MEMBERS } from '../../lib/reference/members';

/**
 * Every role at once: for tests of a service's own behaviour (validation,
 * workflow, batching), where who is asking is not the point. Authorization
 * itself is tested through the gateway with one role at a time.
 */
export const EVERY_ROLE: Identity = identityOf('test-suite', ['procurement', 'analyst', ...MEMBERS.map((m) => ministryRole(m.code))]);

export const identityWith = (...roles: Role[]): Identity => identityOf(`test-${roles.join('+') || 'no-role'}`, roles);

export interface SignedFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface SignedFetchOptions {
  /** The caller the gateway would forward; null sends none (which subgraphs refuse). Default EVERY_ROLE. */
  as?: Identity | null;
  /** Signing secret. Default: readSigningConfig().secret. */
  secret?: string;
  /** The service the request is signed for. Default: the one rememberSignatureTarget recorded for the URL's origin. */
  target?: string;
}

const targets = new Map<string, string>();

/** Records which service answers at `url` (its member code or subgraph name), for requests signed without `{ target }`. */
export function rememberSignatureTarget(url: string, target: string): void {
  targets.set(new URL(url).origin, target);
}

function targetFor(url: string, options: SignedFetchOptions): string {
  const target = options.target ?? targets.get(new URL(url).origin);
  if (target === undefined) throw new Error(`signedFetch: which service answers at ${url}? Pass { target } (a member code or subgraph name) or call rememberSignatureTarget`);
  return target;
}

/** The headers a gateway-signed request carries: identity (if any) and signature over target, method, path, body and identity. */
export function gatewayHeaders(url: string, init: SignedFetchInit = {}, options: SignedFetchOptions = {}): Record<string, string> {
  return gatewaySignedHeaders(options.secret ?? readSigningConfig().secret, targetFor(url, options), url, init, options.as === undefined ? EVERY_ROLE : options.as);
}

export function signedFetch(url: string, init: SignedFetchInit = {}, options: SignedFetchOptions = {}): Promise<Response> {
  return fetch(url, { ...init, headers: gatewayHeaders(url, init, options) });
}

/** POSTs one GraphQL operation, signed. */
export function signedGraphQL(url: string, query: string, variables?: Record<string, unknown>, options: SignedFetchOptions = {}): Promise<Response> {
  return signedFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) }, options);
}
