/**
 * Serves a federated schema over HTTP: Apollo Server on express, GraphQL at
 * /graphql, liveness at /health, readiness at /ready (503 once stopping).
 * Listens on 127.0.0.1 by default (port 0 picks a free one, which is what
 * tests use). `stop()` is graceful (./gracefulShutdown.ts): no new
 * connections, requests in flight finish within the grace period.
 *
 * /graphql answers only requests the gateway signed for this service
 * (GATEWAY_SIGNING_SECRET, lib/security/requestSignature.ts), checked before
 * the body is read, and only those naming a caller
 * (lib/security/callerIdentity.ts): anything else gets 401 before GraphQL
 * runs. The caller the gateway verified reaches `context` as an Identity.
 * Replay nonces live in the shared state (Redis with REDIS_URL, else memory).
 *
 * Every answer carries the request id (the gateway's `x-request-id`, or a new
 * one); every GraphQL request is logged as one JSON line with it, counted and
 * timed (GET /metrics, with the database's statements and pool), and traced
 * under the gateway's `traceparent` (lib/observability).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { RequestHandler } from 'express';
import { ApolloServer, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { formatError } from '../graphql/formatError';
import { drainable, readShutdownGraceMs } from './gracefulShutdown';
import type { DataSource } from 'typeorm';
import { observeDatabase } from '../observability/databaseObserver';
import { graphqlMetrics, httpMetrics } from '../observability/httpMetrics';
import { createLogger, Logger } from '../observability/logger';
import { createMetricsRegistry, Registry } from '../observability/metrics';
import { MetricsAccess, metricsEndpoint, readMetricsAccess } from '../observability/metricsEndpoint';
import { requestContext } from '../observability/requestContext';
import { recordGraphQLRequest, requestLog } from '../observability/requestLog';
import { serverSpan } from '../observability/tracing';
import { readSigningConfig } from '../security/config';
import { callerIdentity, requireCallerIdentity } from '../security/callerIdentity';
import { GatewaySignatureOptions, requireGatewaySignature } from '../security/requestSignature';
import type { Identity } from '../security/roles';
import { sharedStateFromEnv } from '../sharedState/fromEnv';
import type { SharedState } from '../sharedState/sharedState';

export interface SubgraphServerOptions<Context extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  /**
   * Builds the per-request context (fresh DataLoaders live here). `identity`
   * is the caller the gateway verified, or its service identity for the
   * gateway's own requests (contract checks, introspection): no roles.
   */
  context: (req: express.Request, identity: Identity | null) => Promise<Context>;
  /** Who this service is in the gateway's signatures: its member code (`XK`) or subgraph name. Default `name`. */
  signatureTarget?: string;
  /** Settings of the gateway-signature check over readSigningConfig()'s (there is no way to switch it off). */
  gatewaySignature?: Partial<GatewaySignatureOptions>;
  /** Where replay nonces are kept. Default: sharedStateFromEnv() (Redis with REDIS_URL, else memory), closed on stop. */
  sharedState?: SharedState;
  port?: number;
  host?: string;
  /** Express middleware run before GraphQL (after the signature check). */
  before?: RequestHandler[];
  plugins?: ApolloServerPlugin<Context>[];
  /** Extra fields for GET /health. */
  health?: () => Record<string, unknown>;
  /** Where the request lines go. Default: JSON lines on stdout, named after the service. */
  logger?: Logger;
  /** The service's database: its statements and pool in the metrics, each statement a `db.query` span. */
  database?: DataSource;
  /** Who may read GET /metrics. Default: readMetricsAccess() (METRICS_ALLOW, METRICS_TOKEN; loopback only). */
  metricsAccess?: MetricsAccess;
  /** How long `stop()` lets requests in flight finish before cutting them. Default: SHUTDOWN_GRACE_MS (10 s). */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  name: string;
  url: string;
  port: number;
  /** What GET /metrics serves. */
  metrics: Registry;
  /** Graceful: readiness 503 at once, no new connections, requests in flight finish (at most the grace period). */
  stop(): Promise<void>;
}

export async function startSubgraphServer<Context extends BaseContext>(
  options: SubgraphServerOptions<Context>,
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ name: options.name });
  const metricsAccess = options.metricsAccess ?? readMetricsAccess();
  const metrics = createMetricsRegistry(options.name);
  if (options.database) observeDatabase(options.database, metrics);
  const app = express();
  const httpServer = http.createServer(app);
  const connections = drainable(httpServer);
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // The process running the subgraph stops it on SIGINT/SIGTERM itself (and closes its database after);
    // Apollo's own handlers would race that stop and hang it (seen with MySQL connections open).
    stopOnTerminationSignals: false,
    // No Apollo Studio here: inline traces would only add work to every gateway fetch.
    plugins: [ApolloServerPluginInlineTraceDisabled(), recordGraphQLRequest<Context>(), graphqlMetrics<Context>(metrics), ...(options.plugins ?? [])],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(requestContext(logger), httpMetrics(metrics, ['/graphql', '/health', '/ready', '/metrics']));
  app.get('/metrics', metricsEndpoint(metrics, metricsAccess));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name, ...(options.health?.() ?? {}) });
  });
  app.get('/ready', (_req, res) => {
    const draining = connections.draining;
    res.status(draining ? 503 : 200).set('Cache-Control', 'no-store').json({ ready: !draining, service: options.name, ...(draining ? { draining } : {}) });
  });
  const sharedState = options.sharedState ?? sharedStateFromEnv();
  app.use(
    '/graphql',
    requestLog(logger),
    serverSpan(options.name, '/graphql'),
    // Reads and parses the body itself, after checking the signature headers: no JSON parser in front.
    requireGatewaySignature({
      ...readSigningConfig(),
      target: options.signatureTarget ?? options.name,
      nonces: sharedState,
      // Who was refused and why, for operators; never the signature headers themselves.
      onRefused: (reason, req) => logger.warn({ reason, remoteAddress: req.socket.remoteAddress }, `refused a request to ${req.originalUrl.slice(0, 64)}: ${reason}`),
      ...options.gatewaySignature,
    }),
    requireCallerIdentity(),
    ...(options.before ?? []),
    expressMiddleware(apollo, { context: async ({ req }) => options.context(req, callerIdentity(req)) }),
  );

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    name: options.name,
    port,
    metrics,
    url: `http://${host}:${port}/graphql`,
    stop: async () => {
      const { gracefully } = await connections.drain(options.shutdownGraceMs ?? readShutdownGraceMs());
      if (!gracefully) logger.warn('stopping: requests still running after the grace period were cut off');
      await apollo.stop();
      if (options.sharedState === undefined) await sharedState.close();
    },
  };
}
