/**
 * Authentication at the gateway's door: a request to /graphql needs a valid
 * bearer token, or is read-only anonymous when the deployment opens that for
 * demos. A refused request gets 401 with a WWW-Authenticate header and a
 * GraphQL-style error saying why; it never reaches GraphQL.
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { GraphQLError } from 'graphql';
import { ErrorCode } from '../../lib/errors';
import { sendGraphQLHttpError } from '../../lib/security/httpError';
import { ANONYMOUS_READER, type Identity } from '../../lib/security/roles';
import { TokenProblem, type TokenVerifier } from '../../lib/security/tokens';

export interface AuthenticationOptions {
  verifier: TokenVerifier;
  /** Requests without an Authorization header proceed as ANONYMOUS_READER (read-only). A bad token is refused all the same. */
  allowAnonymousRead?: boolean;
  /** Called when a token's role claim held entries that are not roles (they are ignored). */
  onRejectedRoles?: (subject: string, rejected: string[]) => void;
}

const identities = new WeakMap<IncomingMessage, Identity>();

/** The caller `authenticate` admitted; throws if the middleware did not run for this request. */
export function authenticatedIdentity(req: IncomingMessage): Identity {
  const identity = identities.get(req);
  if (identity === undefined) throw new Error('authenticatedIdentity: authenticate() did not run for this request');
  return identity;
}

/** RFC 6750 §3: no error attribute when no credentials were sent; insufficient_scope for a token without roles. */
function challenge(reason: string, message: string): string {
  const realm = 'Bearer realm="joint-procurement-graph"';
  if (reason === TokenProblem.MISSING) return realm;
  const error = reason === TokenProblem.NO_ROLES ? 'insufficient_scope' : 'invalid_token';
  return `${realm}, error="${error}", error_description="${message.replace(/"/g, "'")}"`;
}

export function authenticate(options: AuthenticationOptions): RequestHandler {
  return async (req, res, next) => {
    const authorization = req.headers.authorization;
    if (authorization === undefined && options.allowAnonymousRead) {
      identities.set(req, ANONYMOUS_READER);
      return next();
    }
    try {
      const verified = await options.verifier.verifyAuthorization(authorization);
      if (verified.rejectedRoles.length > 0) options.onRejectedRoles?.(verified.identity.subject, verified.rejectedRoles);
      identities.set(req, verified.identity);
      next();
    } catch (error) {
      const refusal = error as GraphQLError;
      const reason = refusal.extensions?.reason;
      if (typeof reason !== 'string') return next(error);
      const code = String(refusal.extensions.code);
      const status = code === ErrorCode.FORBIDDEN ? 403 : 401;
      sendGraphQLHttpError(res, status, refusal.message, { code, reason }, { 'WWW-Authenticate': challenge(reason, refusal.message) });
    }
  };
}
