/**
 * What one HTTP request is, while it runs: its id, and (once GraphQL has
 * resolved it) its operation and outcome. Kept in an AsyncLocalStorage, so
 * that anything running on the request's behalf (log lines, outgoing
 * subgraph calls, metrics) finds it without it being threaded through every
 * signature.
 *
 * The id comes from the caller's `x-request-id` when it is usable (1-128
 * characters of [A-Za-z0-9._:-]; anything else is replaced, never echoed
 * half-cleaned), or is a new UUID. It is answered in the same header.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

const MAX_REQUEST_ID_LENGTH = 128;
const REQUEST_ID_CHARACTERS = /^[A-Za-z0-9._:-]+$/;

/** How a GraphQL request ended: all data; some data and errors; no data. */
export type Outcome = 'success' | 'partial' | 'error';

export function outcomeOf(data: unknown, errorCount: number): Outcome {
  if (errorCount === 0) return 'success';
  return data !== null && data !== undefined ? 'partial' : 'error';
}

export interface RequestRecord {
  readonly requestId: string;
  /** The operation's name as sent (unbounded: for logs, never for metric labels), or null when anonymous. */
  operationName?: string | null;
  operationType?: string;
  outcome?: Outcome;
  /** `extensions.code` of each error answered. */
  errorCodes?: string[];
  /** The log of the service the request is for (what code deep down logs to: see logger.ts `currentLogger`). */
  logger?: Logger;
}

const storage = new AsyncLocalStorage<RequestRecord>();

/** The caller's id if it is one we can carry (bounded, plain characters); undefined otherwise. */
export function acceptRequestId(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  if (raw.length === 0 || raw.length > MAX_REQUEST_ID_LENGTH || !REQUEST_ID_CHARACTERS.test(raw)) return undefined;
  return raw;
}

export const newRequestId = (): string => randomUUID();

/** The request running now, if any (none for background work such as member checks). */
export function currentRequest(): RequestRecord | undefined {
  return storage.getStore();
}

/**
 * Runs `work` outside any request, and whatever it schedules (timers, promises)
 * too: background work that a request happens to start (a circuit breaker's
 * probes) must not log, trace or send a request id as part of that request.
 */
export function outsideRequest<T>(work: () => T): T {
  return storage.exit(work);
}

/** Runs `work` as part of the request `record`. */
export function runInRequest<T>(record: RequestRecord, work: () => T): T {
  return storage.run(record, work);
}

/**
 * First middleware of every service: takes or makes the request id, answers
 * it in `x-request-id`, and runs the rest of the request inside its record
 * (with the service's `logger`).
 */
export function requestContext(logger?: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = acceptRequestId(req.headers[REQUEST_ID_HEADER]) ?? newRequestId();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    runInRequest({ requestId, logger }, next);
  };
}
