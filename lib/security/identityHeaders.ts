/**
 * How the caller the gateway verified travels to the subgraphs: one header,
 * `x-jpg-identity`, holding base64url(JSON { sub, roles, anonymous?, service? }).
 * The gateway's request signature covers it; a subgraph reads it only from a
 * request that signature check accepted, so an identity header sent by anyone
 * else is never believed.
 *
 * Every signed request carries one: a caller's, or for the gateway's own
 * calls (contract checks, introspection, health) the explicit service
 * identity `service:gateway`, which has no data rights. A subgraph refuses a
 * signed request without any (see callerIdentity.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { ALL_GATEWAY_HEADERS, GATEWAY_HEADERS } from './headers';
import { isSignedByGateway } from './requestSignature';
import { identityOf, parseRoles, type Identity } from './roles';

export const IDENTITY_HEADER = GATEWAY_HEADERS.identity;

interface IdentityClaims {
  sub: string;
  roles: string[];
  anonymous?: true;
  service?: string;
}

/** The gateway's own identity for the requests it makes for itself: no roles, and subgraphs let it read only `_service` and `__typename`. */
export const GATEWAY_SERVICE_IDENTITY: Identity = Object.freeze({ subject: 'service:gateway', roles: [], memberCodes: [], service: 'gateway' });

const SERVICE_NAME = /^[a-z][a-z0-9-]{0,31}$/;

export function encodeIdentity(identity: Identity): string {
  const claims: IdentityClaims = {
    sub: identity.subject,
    roles: [...identity.roles],
    ...(identity.anonymous ? { anonymous: true } : {}),
    ...(identity.service ? { service: identity.service } : {}),
  };
  return Buffer.from(JSON.stringify(claims)).toString('base64url');
}

/** The Identity in a header value; throws on anything the gateway would not have written. */
export function decodeIdentity(value: string): Identity {
  let claims: Partial<IdentityClaims>;
  try {
    claims = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw new Error(`The ${IDENTITY_HEADER} header is not base64url JSON`);
  }
  if (typeof claims?.sub !== 'string' || !Array.isArray(claims.roles)) throw new Error(`The ${IDENTITY_HEADER} header lacks "sub" or "roles"`);
  if (claims.service !== undefined) {
    // A service identity never carries roles: one that did would be a caller in disguise.
    if (typeof claims.service !== 'string' || !SERVICE_NAME.test(claims.service) || claims.roles.length > 0) throw new Error(`The ${IDENTITY_HEADER} header holds a malformed service identity`);
    return { ...identityOf(claims.sub, []), service: claims.service };
  }
  const identity = identityOf(claims.sub, parseRoles(claims.roles).roles);
  return claims.anonymous === true ? { ...identity, anonymous: true } : identity;
}

/** Encoded once per Identity object, i.e. once per client request, not per subgraph request. */
const encodedHeaders = new WeakMap<Identity, Readonly<Record<string, string>>>();

/** Gateway: the header to add to a subgraph request for this caller (shared: do not modify). */
export function identityHeaders(identity: Identity): Readonly<Record<string, string>> {
  let headers = encodedHeaders.get(identity);
  if (!headers) encodedHeaders.set(identity, (headers = Object.freeze({ [IDENTITY_HEADER]: encodeIdentity(identity) })));
  return headers;
}

/**
 * Gateway: removes every x-jpg-* header a client sent, before anything can
 * pass it on. Mount first on /graphql.
 */
export const dropClientGatewayHeaders: RequestHandler = (req, _res, next) => {
  for (const name of ALL_GATEWAY_HEADERS) delete req.headers[name];
  next();
};

/**
 * Subgraph: the caller of a request the gateway signed, or null when it
 * carries none (which `requireCallerIdentity` refuses). Throws when the
 * request did not pass `requireGatewaySignature`: reading an unchecked
 * identity would be a bug, so it fails loudly instead of trusting the header.
 */
export function identityFromVerifiedRequest(req: IncomingMessage): Identity | null {
  if (!isSignedByGateway(req)) throw new Error('identityFromVerifiedRequest: the request was not checked by requireGatewaySignature');
  const value = req.headers[IDENTITY_HEADER];
  if (value === undefined || value === '') return null;
  if (Array.isArray(value)) throw new Error(`More than one ${IDENTITY_HEADER} header`);
  return decodeIdentity(value);
}
