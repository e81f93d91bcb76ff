/**
 * One log line per GraphQL request, in every service, when its answer is
 * sent: request id, operation, outcome, error codes, status, duration.
 *
 * `requestLog` (express, on /graphql) times the request and writes the line;
 * `recordGraphQLRequest` (an Apollo plugin) notes on the request's record
 * what only GraphQL knows: the operation and how it ended. It also answers
 * the request id in the response's `extensions.requestId` whenever there
 * are errors, so a caller reading only the body can quote it.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Logger } from './logger';
import { currentRequest, outcomeOf, RequestRecord } from './requestContext';

/** Operation names are the caller's words: cut them short in logs. */
const MAX_LOGGED_NAME = 100;

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const record = currentRequest();
    let written = false;
    const write = (aborted: boolean) => {
      if (written) return;
      written = true;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        requestId: record?.requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
        operationName: record?.operationName,
        operationType: record?.operationType,
        outcome: record?.outcome ?? (res.statusCode < 400 ? undefined : 'error'),
        errorCodes: record?.errorCodes?.length ? record.errorCodes : undefined,
        ...(aborted ? { aborted: true } : {}),
      };
      const name = line.operationName ?? (line.operationName === null ? '(anonymous)' : '');
      logger.info(line, `${req.method} ${line.path} ${res.statusCode} ${name} ${line.outcome ?? ''} ${line.durationMs} ms`.replace(/ +/g, ' '));
    };
    res.once('finish', () => write(false));
    res.once('close', () => write(!res.writableFinished));
    next();
  };
}

/** Fills the running request's record from GraphQL (see requestLog). */
export function recordGraphQLRequest<Context extends BaseContext = BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const record: RequestRecord | undefined = currentRequest();
      if (record && typeof request.operationName === 'string') record.operationName = request.operationName.slice(0, MAX_LOGGED_NAME);
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!record) return;
          record.operationName = operationName ? operationName.slice(0, MAX_LOGGED_NAME) : null;
          record.operationType = operation?.operation;
        },
        async willSendResponse({ response }: GraphQLRequestContextWillSendResponse<Context>) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const errors = result.errors ?? [];
          if (record) {
            record.outcome = outcomeOf(result.data, errors.length);
            record.errorCodes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
            if (errors.length > 0) result.extensions = { ...result.extensions, requestId: record.requestId };
          }
        },
      };
    },
  };
}
