/**
 * Refusals sent before a request reaches GraphQL (authentication, signature,
 * body limits) use the same JSON shape as a GraphQL error response, so a
 * client reads `errors[0].extensions.code` whichever layer refused it (and,
 * inside a service's request, its `extensions.requestId`, as GraphQL answers
 * with errors carry it).
 */
import type { Response } from 'express';
import type { ErrorExtensions } from '../errors';
import { currentRequest } from '../observability/requestContext';

export function sendGraphQLHttpError(
  res: Response,
  status: number,
  message: string,
  extensions: ErrorExtensions,
  headers: Record<string, string> = {},
): void {
  const requestId = currentRequest()?.requestId;
  const body = { errors: [{ message, extensions }], ...(requestId ? { extensions: { requestId } } : {}) };
  res.status(status).set(headers).type('application/json').send(JSON.stringify(body));
}
