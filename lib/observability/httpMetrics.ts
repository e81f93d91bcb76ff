/**
 * HTTP and GraphQL metrics every service records:
 *
 *   jpg_http_requests_total{route, method, status}            counter
 *   jpg_http_request_duration_seconds{route, method, status}  histogram
 *   jpg_graphql_operations_total{operation, type, outcome}    counter
 *   jpg_graphql_operation_duration_seconds{operation, type, outcome}  histogram
 *   jpg_graphql_errors_total{code}                            counter
 *
 * `route` is one of the service's known paths or "other" (never the URL a
 * caller made up); `operation` is the operation's name, "anonymous", or
 * "unknown" when the document never resolved to an operation, at most
 * OPERATION_NAMES distinct names (then "other"); `code` is each error's
 * `extensions.code`, bounded the same way.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import { BoundedLabel, counter, histogram, Registry } from './metrics';
import { outcomeOf } from './requestContext';

const OPERATION_NAMES = 100;
const ERROR_CODES = 50;

export function httpMetrics(registry: Registry, routes: readonly string[]): RequestHandler {
  const requests = counter(registry, { name: 'jpg_http_requests_total', help: 'HTTP requests answered, by route, method and status', labelNames: ['route', 'method', 'status'] });
  const duration = histogram(registry, { name: 'jpg_http_request_duration_seconds', help: 'Time from an HTTP request to its answer', labelNames: ['route', 'method', 'status'] });
  const routeOf = (path: string): string => routes.find((route) => path === route || path.startsWith(`${route}/`)) ?? 'other';
  const methods = new Set(['GET', 'POST', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'PATCH']);
  return (req, res, next) => {
    const end = duration.startTimer();
    const route = routeOf(req.path);
    const method = methods.has(req.method) ? req.method : 'other';
    res.once('finish', () => {
      const labels = { route, method, status: String(res.statusCode) };
      requests.inc(labels);
      end(labels);
    });
    next();
  };
}

export function graphqlMetrics<Context extends BaseContext = BaseContext>(registry: Registry): ApolloServerPlugin<Context> {
  const operations = counter(registry, { name: 'jpg_graphql_operations_total', help: 'GraphQL operations answered, by operation name, type and outcome (success, partial, error)', labelNames: ['operation', 'type', 'outcome'] });
  const duration = histogram(registry, { name: 'jpg_graphql_operation_duration_seconds', help: 'Time from a GraphQL request to its answer', labelNames: ['operation', 'type', 'outcome'] });
  const errors = counter(registry, { name: 'jpg_graphql_errors_total', help: 'Errors answered, by extensions.code', labelNames: ['code'] });
  const names = new BoundedLabel(OPERATION_NAMES);
  const codes = new BoundedLabel(ERROR_CODES);
  return {
    async requestDidStart() {
      const end = duration.startTimer();
      let operation = 'unknown';
      let type = 'unknown';
      return {
        async didResolveOperation({ operationName, operation: resolved }) {
          // Only a document that resolved against the schema counts a name (and only up to the cap).
          operation = operationName ? names.value(operationName) : 'anonymous';
          type = resolved?.operation ?? 'unknown';
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors: answered = [] } = response.body.singleResult;
          const outcome = outcomeOf(data, answered.length);
          for (const error of answered) errors.inc({ code: codes.value(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')) });
          operations.inc({ operation, type, outcome });
          end({ operation, type, outcome });
        },
      };
    },
  };
}
