/**
 * The gateway as a running server: Apollo Server 5 with @apollo/gateway on
 * express.
 *
 *   POST/GET /graphql   the federated graph
 *   GET /health         liveness
 *   GET /ready          supergraph loaded and not stopping; each member's state
 *   /playground/, /dashboard/   the web apps (gateway/web), when built
 *
 * Large GraphQL answers go out brotli- or gzip-compressed when the client
 * accepts it (./http/compressAnswers.ts); the web apps' assets as the build
 * precompressed them (./web/precompressedAssets.ts).
 *
 * Every outgoing subgraph request goes through one SubgraphDataSource class;
 * a sharded subgraph's through the ValueRouter in front of its members.
 *
 * Security (./security/gatewaySecurity.ts) is always on: bearer tokens on
 * /graphql, query limits, the safelist when configured, and every subgraph
 * request carrying the caller's identity and the gateway's signature.
 *
 * Observability (../lib/observability, ./observability): every answer carries
 * its request id (`x-request-id`, the caller's or a new one), passed on to
 * every subgraph request with the trace context; each /graphql request is
 * logged as one JSON line, counted and timed (GET /metrics), and traced.
 */
// First: before anything loads @apollo/gateway (see the module).
import './plainApolloExports';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { RequestHandler } from 'express';
import { ApolloServer, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, GraphQLDataSource } from '@apollo/gateway';
import { formatError } from '../lib/graphql/formatError';
import type { FederationConfig } from './config';
import { OutgoingRequestHooks, SubgraphDataSource } from './datasources/subgraphDataSource';
import { ValueRouter } from './datasources/valueRouter';
import { drainable, readShutdownGraceMs } from '../lib/http/gracefulShutdown';
import { readPositiveInteger } from '../lib/config/env';
import { compressLargeAnswers, DEFAULT_COMPRESS_MIN_BYTES } from './http/compressAnswers';
import { mountHealthRoutes, readyReport, ReadyReport } from './http/healthRoutes';
import { createGatewayLogger, Logger } from './logger';
import { graphqlMetrics, httpMetrics } from '../lib/observability/httpMetrics';
import { createMetricsRegistry, Registry } from '../lib/observability/metrics';
import { MetricsAccess, metricsEndpoint, readMetricsAccess } from '../lib/observability/metricsEndpoint';
import { requestContext } from '../lib/observability/requestContext';
import { recordGraphQLRequest, requestLog } from '../lib/observability/requestLog';
import { serverSpan } from '../lib/observability/tracing';
import { watchMemberStates } from './observability/memberStates';
import { costMetrics } from './observability/costMetrics';
import { planCacheObserver } from './observability/planCache';
import { propagationHook } from './observability/propagationHook';
import { SubgraphCalls } from './observability/subgraphCalls';
import { MemberRegistry } from './members/registry';
import { CircuitBreakers } from './resilience/breakers';
import { ResilientDataSource } from './resilience/resilientDataSource';
import { DEFAULT_BREAKER, DEFAULT_RETRY, DEFAULT_SUBGRAPH_TIMEOUT_MS } from './resilience/settings';
import { applyConfig, ConfigChange } from './configWatch/applyConfig';
import { watchConfigFile } from './configWatch/watchConfigFile';
import { chooseSupergraph } from './supergraph/supergraphSource';
import { mountWebApps, MountWebAppsOptions } from './web/mountWebApps';
import { gatewaySecurity, gatewaySecurityFromEnv, GatewaySecurityOptions } from './security/gatewaySecurity';

export interface GatewayOptions<Context extends BaseContext = BaseContext> {
  config: FederationConfig;
  /** Serve this Federation 2 supergraph file instead of composing one (`--supergraph`). */
  supergraphFile?: string;
  /** Default: the config's gateway.port (0 picks a free port). */
  port?: number;
  host?: string;
  logger?: Logger;
  /** Run for every outgoing subgraph request (identity headers, signing). */
  hooks?: OutgoingRequestHooks[];
  /** Express middleware run before GraphQL on /graphql (e.g. authentication). */
  before?: RequestHandler[];
  /** The per-request context, handed to every data source (e.g. the verified identity). */
  context?: (req: express.Request) => Promise<Context>;
  plugins?: ApolloServerPlugin<Context>[];
  /** The web apps at /playground and /dashboard; false leaves them out. Default: served from web/dist. */
  webApps?: false | MountWebAppsOptions;
  /** Tokens, limits, safelist, request signing. Default: gatewaySecurityFromEnv(). */
  security?: GatewaySecurityOptions;
  /** The registry GET /metrics serves. Default: a new one (process metrics included). */
  metrics?: Registry;
  /** Who may read GET /metrics. Default: readMetricsAccess() (METRICS_ALLOW, METRICS_TOKEN; loopback only). */
  metricsAccess?: MetricsAccess;
  /** How long `stop()` lets requests in flight finish before cutting them. Default: SHUTDOWN_GRACE_MS (10 s). */
  shutdownGraceMs?: number;
  /** Watch the config's file (`config.origin`) and apply member changes live (gateway/configWatch). Default false. */
  watchConfig?: boolean;
  /** GraphQL answers this large (bytes) or larger are compressed when the client accepts it. Default GRAPHQL_COMPRESS_MIN_BYTES (8192). */
  compressMinBytes?: number;
}

export interface RunningGateway {
  /** http://host:port/graphql */
  url: string;
  /** http://host:port */
  origin: string;
  port: number;
  /** The member registries of the sharded subgraphs the supergraph has, by subgraph name. */
  registries: Map<string, MemberRegistry>;
  /** What GET /metrics serves. */
  metrics: Registry;
  /** Every circuit breaker (one per unsharded subgraph, one per member): states and a change listener. */
  breakers: CircuitBreakers;
  ready(): ReadyReport;
  /** Applies a changed federation config without a restart (members added, removed, moved). */
  reconfigure(next: FederationConfig): ConfigChange;
  /**
   * Graceful stop: readiness false at once, no new connections, requests in
   * flight finish (at most `shutdownGraceMs`), each kept-alive connection
   * closes after its current request; then the members' checks, breakers and
   * subgraph connections.
   */
  stop(): Promise<void>;
}

export async function startGateway<Context extends BaseContext = BaseContext>(options: GatewayOptions<Context>): Promise<RunningGateway> {
  const { config } = options;
  const logger = options.logger ?? createGatewayLogger();
  const metrics = options.metrics ?? createMetricsRegistry('gateway');
  const costLimits = { maxCost: config.cost?.budgets?.default, costBudgets: config.cost?.budgets, defaultListSize: config.cost?.defaultListSize };
  const security = gatewaySecurity(options.security ?? gatewaySecurityFromEnv(costLimits), logger, costMetrics(metrics));
  const metricsAccess = options.metricsAccess ?? readMetricsAccess();
  const calls = new SubgraphCalls(metrics);
  // Security's hooks last: the signature must cover every header the others set.
  const hooks = [propagationHook, ...(options.hooks ?? []), ...security.hooks];

  const breakers = new CircuitBreakers(logger);
  const registries = new Map<string, MemberRegistry>();
  for (const subgraph of config.subgraphs) {
    if (!subgraph.sharded) continue;
    const { breaker, retry } = subgraph;
    registries.set(subgraph.name, new MemberRegistry({ subgraph: subgraph.name, contractFile: subgraph.sdl!, sharded: subgraph.sharded, breaker, retry, breakers, hooks, logger }));
  }

  const supergraph = chooseSupergraph(config, { supergraphFile: options.supergraphFile, logger });
  const subgraphsInUse = new Set<string>();
  const dataSources: SubgraphDataSource[] = [];
  const unsharded = new Map<string, ResilientDataSource>();
  const buildService = ({ name, url }: { name: string; url?: string }): GraphQLDataSource => {
    subgraphsInUse.add(name);
    const subgraph = config.subgraphs.find((s) => s.name === name);
    const registry = registries.get(name);
    if (registry && subgraph?.sharded) return new ValueRouter({ registry, keyFields: subgraph.sharded.key, argument: subgraph.sharded.argument, observe: calls.memberCall });
    if (!url) throw new Error(`The supergraph gives subgraph "${name}" no URL`);
    // Recomposition (introspect) may build services again: a subgraph keeps its one breaker.
    const existing = unsharded.get(name);
    if (existing && existing.url === url) return existing;
    // A subgraph the config does not name (a --supergraph file's) gets the defaults: never unbounded.
    const timeoutMs = subgraph?.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
    const dataSource = new SubgraphDataSource({ subgraph: name, url, timeoutMs, hooks, logger });
    dataSources.push(dataSource);
    const resilient = new ResilientDataSource({ dataSource, breakers, breaker: subgraph?.breaker ?? DEFAULT_BREAKER, retry: subgraph?.retry ?? DEFAULT_RETRY });
    unsharded.set(name, resilient);
    return resilient;
  };

  let loaded = false;
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.supergraphSdl,
    buildService: (definition) => calls.observeSubgraph(definition.name, buildService(definition)),
    experimental_didResolveQueryPlan: planCacheObserver(metrics),
    logger: logger.child({ component: 'apollo-gateway' }),
  });
  gateway.onSchemaLoadOrUpdate(() => {
    loaded = true;
  });

  const app = express();
  app.disable('x-powered-by');
  // No ETag on GraphQL answers: hashing each 100 KB answer costs CPU on every request, and POST answers are not revalidated.
  app.set('etag', false);
  app.use(requestContext(logger), httpMetrics(metrics, ['/graphql', '/health', '/ready', '/metrics', '/playground', '/dashboard']));
  app.get('/metrics', metricsEndpoint(metrics, metricsAccess));
  const httpServer = http.createServer(app);
  const connections = drainable(httpServer);
  const apollo = new ApolloServer<Context>({
    gateway,
    ...security.apolloOptions,
    formatError,
    includeStacktraceInErrorResponses: false,
    // The CLI stops the gateway on SIGINT/SIGTERM itself, members' checks included.
    stopOnTerminationSignals: false,
    plugins: [
      // Apollo's landing page loads from a CDN; ministry networks are offline. The playground is ours.
      ApolloServerPluginLandingPageDisabled(),
      recordGraphQLRequest<Context>(),
      graphqlMetrics<Context>(metrics),
      ...(security.plugins as ApolloServerPlugin<Context>[]),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  const active = [...registries.values()].filter((r) => subgraphsInUse.has(r.subgraph));
  for (const unused of [...registries.values()].filter((r) => !subgraphsInUse.has(r.subgraph))) {
    logger.info(`sharded subgraph "${unused.subgraph}" of the config is not in this supergraph: its members are not contacted`);
    registries.delete(unused.subgraph);
  }
  await Promise.all(active.map((r) => r.checkAll()));
  for (const registry of active) registry.startBackgroundChecks();

  const status = {
    supergraphLoaded: () => loaded,
    draining: () => connections.draining,
    supergraphSource: supergraph.description,
    subgraphs: () => [...subgraphsInUse].sort(),
    registries: () => [...registries.values()],
    subgraphBreakers: () => [...unsharded.values()].filter((d) => subgraphsInUse.has(d.breaker.target.subgraph)).map((d) => d.breaker),
  };
  mountHealthRoutes(app, status, { detailAllowed: security.operatorAccess });
  watchMemberStates(metrics, status.registries, () => breakers.list());
  app.use(
    '/graphql',
    requestLog(logger),
    serverSpan('gateway', '/graphql'),
    compressLargeAnswers(options.compressMinBytes ?? readPositiveInteger('GRAPHQL_COMPRESS_MIN_BYTES', DEFAULT_COMPRESS_MIN_BYTES)),
    ...security.httpMiddleware,
    ...(options.before ?? []),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const context = options.context ? await options.context(req) : ({} as Context);
        // The data sources read the verified caller from here (identity header to the subgraphs).
        return { ...context, identity: security.identityOf(req) };
      },
    }),
  );
  if (options.webApps !== false) mountWebApps(app, options.webApps);

  const host = options.host ?? config.gateway.host;
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port ?? config.gateway.port, host, () => resolve());
    });
  } catch (error) {
    for (const registry of registries.values()) registry.stop();
    breakers.stop();
    await apollo.stop();
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ url: `${origin}/graphql`, supergraph: supergraph.description }, `gateway on ${origin}/graphql (${supergraph.description})`);

  let applied = config;
  const reconfigure = (next: FederationConfig): ConfigChange => {
    const change = applyConfig(applied, next, registries, logger);
    applied = next;
    return change;
  };
  const watch = options.watchConfig ? watchConfigFile({ file: config.origin, logger, apply: reconfigure }) : undefined;

  return {
    url: `${origin}/graphql`,
    origin,
    port,
    registries,
    metrics,
    breakers,
    ready: () => readyReport(status),
    reconfigure,
    stop: async () => {
      watch?.close();
      const { gracefully } = await connections.drain(options.shutdownGraceMs ?? readShutdownGraceMs());
      if (!gracefully) logger.warn('stopping: requests still running after the grace period were cut off');
      for (const registry of registries.values()) registry.stop();
      breakers.stop();
      await apollo.stop();
      await Promise.all([...[...registries.values()].map((r) => r.close()), ...dataSources.map((d) => d.close())]);
    },
  };
}
