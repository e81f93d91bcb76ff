/**
 * Refusals sent before a request reaches GraphQL (authentication, signature,
 * body limits) use the same JSON shape as a GraphQL error response, so a
 * client reads `errors[0].extensions.code` whichever layer refused it.
 */
import type { Response } from 'express';
import type { ErrorExtensions } from '../errors';

export function sendGraphQLHttpError(
  res: Response,
  status: number,
  message: string,
  extensions: ErrorExtensions,
  headers: Record<string, string> = {},
): void {
  res.status(status).set(headers).type('application/json').send(JSON.stringify({ errors: [{ message, extensions }] }));
}
