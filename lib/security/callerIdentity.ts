/**
 * Subgraph: every request the gateway signed must say who it is for. Mounted
 * after `requireGatewaySignature`, before GraphQL:
 *
 * - no identity header: 401 IDENTITY_MISSING. (Before this rule, a signed
 *   request without identity could read members' data through `_entities`,
 *   which no field rule covers: anyone holding the signing secret, or a
 *   gateway bug, got a reader with no role.)
 * - the gateway's service identity (`service:gateway`): only a query of
 *   `_service` and `__typename` (contract checks, live introspection, health
 *   checks); anything else 403 SERVICE_HAS_NO_DATA_RIGHTS.
 * - a caller: passes; the field rules decide what it may do.
 */
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '../errors';
import { sendGraphQLHttpError } from './httpError';
import { identityFromVerifiedRequest } from './identityHeaders';
import type { Identity } from './roles';

export const IdentityProblem = {
  MISSING: 'IDENTITY_MISSING',
  MALFORMED: 'IDENTITY_MALFORMED',
  SERVICE_HAS_NO_DATA_RIGHTS: 'SERVICE_HAS_NO_DATA_RIGHTS',
} as const;

/** Root fields the gateway's service identity may ask for: the subgraph's SDL and nothing that touches data. */
const SERVICE_FIELDS = new Set(['_service', '__typename']);

const callers = new WeakMap<IncomingMessage, Identity>();

/** The identity `requireCallerIdentity` admitted for this request; throws if it did not run. */
export function callerIdentity(req: IncomingMessage): Identity {
  const identity = callers.get(req);
  if (identity === undefined) throw new Error('callerIdentity: requireCallerIdentity did not run for this request');
  return identity;
}

function documentOf(req: Request): { query?: unknown; operationName?: unknown } | undefined {
  if (req.method === 'GET') return req.query as { query?: unknown; operationName?: unknown };
  return typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? req.body : undefined;
}

/** True when the request's operation reads only `_service` / `__typename` at its root, with no fragments. */
function asksOnlyForServiceFields(req: Request): boolean {
  const request = documentOf(req);
  if (typeof request?.query !== 'string') return false;
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: 200 });
  } catch {
    return false;
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== document.definitions.length || operations.length === 0) return false;
  const operation = typeof request.operationName === 'string' ? operations.find((o) => o.name?.value === request.operationName) : operations.length === 1 ? operations[0] : undefined;
  if (operation === undefined || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && SERVICE_FIELDS.has(s.name.value));
}

export function requireCallerIdentity(): RequestHandler {
  return (req, res, next) => {
    let identity: Identity | null;
    try {
      identity = identityFromVerifiedRequest(req);
    } catch {
      return sendGraphQLHttpError(res, 401, 'The identity the request carries cannot be read', { code: ErrorCode.UNAUTHENTICATED, reason: IdentityProblem.MALFORMED });
    }
    if (identity === null) {
      return sendGraphQLHttpError(res, 401, 'The request names no caller: every request to this service must carry the caller the gateway verified', {
        code: ErrorCode.UNAUTHENTICATED,
        reason: IdentityProblem.MISSING,
      });
    }
    if (identity.service !== undefined && !asksOnlyForServiceFields(req)) {
      return sendGraphQLHttpError(res, 403, `The service identity ${identity.subject} may read only _service and __typename`, {
        code: ErrorCode.FORBIDDEN,
        reason: IdentityProblem.SERVICE_HAS_NO_DATA_RIGHTS,
      });
    }
    callers.set(req, identity);
    next();
  };
}
