/**
 * Everything security adds to the running gateway, assembled in one place
 * from the building blocks next to this file and lib/security:
 *
 *   /graphql  dropClientGatewayHeaders → authenticate (bearer token, or the
 *             anonymous analyst when open) → size-limited JSON + batch limit
 *             → Apollo (depth, aliases, cost, tokens… limits; safelist)
 *   every subgraph request (procurement, each member, contract checks):
 *             the caller's identity header (willSendRequest), then the
 *             gateway's signature over the exact bytes sent (willFetch).
 *
 * `gatewaySecurityFromEnv()` reads it all from the environment (development
 * defaults so `npm start` works unconfigured; production refuses to start
 * without its secrets: lib/security/config.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { readAuthConfig, readSigningConfig } from '../../lib/security/config';
import { readRedisConfig } from '../../lib/sharedState/fromEnv';
import { redisState } from '../../lib/sharedState/redisState';
import { isLoopbackCaller } from '../../lib/security/loopback';
import { dropClientGatewayHeaders, GATEWAY_SERVICE_IDENTITY, identityHeaders } from '../../lib/security/identityHeaders';
import { signatureHeadersForFetch } from '../../lib/security/requestSignature';
import type { Identity } from '../../lib/security/roles';
import { createTokenVerifier, type TokenVerifier, type TokenVerifierOptions } from '../../lib/security/tokens';
import type { OutgoingRequestHooks, SubgraphTarget } from '../datasources/subgraphDataSource';
import type { Logger } from '../logger';
import { authenticate, authenticatedIdentity } from './authenticate';
import type { CostObserver } from '../cost/costPlugin';
import { ApolloLimitOptions, queryLimits, queryLimitsFromEnv, QueryLimits, QueryLimitsOptions } from './limits';
import { persistedQueryMistakes, persistedQueryNotFoundStatus, safelistFromEnv, safelistOptions, sharedPersistedQueries, type Safelist } from './persistedQueries';
import { subscriptionsRefused } from './subscriptions';

export interface GatewaySecurityOptions {
  /** How bearer tokens are checked (a verifier, or the options to build one). */
  tokens: TokenVerifier | TokenVerifierOptions;
  /** Requests without a token read as the anonymous analyst (AUTH_ALLOW_ANONYMOUS_READ). Default false. */
  allowAnonymousRead?: boolean;
  /** The secret the gateway signs subgraph requests with (GATEWAY_SIGNING_SECRET). */
  signingSecret: string;
  /** Query limits; unset ones keep their defaults (gateway/security/limits.ts). */
  limits?: QueryLimitsOptions;
  /** Only these operations run (PERSISTED_QUERIES_FILE). Default: any operation within the limits. */
  safelist?: Safelist;
  /** Redis for state the gateway's replicas share (REDIS_URL, REDIS_KEY_PREFIX): the persisted queries clients register. Default: memory. */
  redis?: { url: string; keyPrefix?: string };
}

/** The context every gateway request gets: the caller authenticate() admitted. */
export interface SecureContext extends BaseContext {
  identity: Identity;
}

export interface GatewaySecurity {
  limits: QueryLimits;
  /** Mounted on /graphql ahead of Apollo, in this order (they replace express.json). */
  httpMiddleware: RequestHandler[];
  /** For every outgoing subgraph request. */
  hooks: OutgoingRequestHooks[];
  /** Spread into `new ApolloServer` (plugins merged with the server's own). */
  apolloOptions: Omit<ApolloLimitOptions, 'plugins'> & { persistedQueries?: ReturnType<typeof safelistOptions>['persistedQueries'] };
  plugins: ApolloServerPlugin<BaseContext>[];
  /** The verified caller of a request that went through httpMiddleware. */
  identityOf(req: IncomingMessage): Identity;
  /** Whether a request may see operational detail (/ready's members, URLs, reasons): a caller on this machine, or a token with the procurement role. */
  operatorAccess(req: IncomingMessage): Promise<boolean>;
}

/** `limits`: what the federation config sets (its `cost`); the GRAPHQL_* variables override it. */
export function gatewaySecurityFromEnv(limits: QueryLimitsOptions = {}): GatewaySecurityOptions {
  const auth = readAuthConfig();
  const redis = readRedisConfig();
  return {
    tokens: auth.verifier,
    allowAnonymousRead: auth.allowAnonymousRead,
    signingSecret: readSigningConfig().secret,
    limits: queryLimitsFromEnv(limits),
    safelist: safelistFromEnv(),
    ...(redis ? { redis } : {}),
  };
}

/**
 * A document without the operation `operationName` asks for: 400, as Apollo
 * Server answers without a gateway (the gateway's executor would throw it as
 * a 500 INVALID_GRAPHQL).
 */
export const operationNameCheck: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        const which = request.operationName ? `named "${request.operationName}"` : '(the document holds several: name one in operationName)';
        throw new GraphQLError(`Unknown operation ${which}`, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
      },
    };
  },
};

/**
 * The name a request is signed for: the member's code for a member of a
 * sharded subgraph (each member's service knows its code), the subgraph's
 * name otherwise. A subgraph refuses a request signed for any other name.
 */
export const signatureTarget = (target: SubgraphTarget): string => target.member ?? target.subgraph;

const isVerifier = (tokens: TokenVerifier | TokenVerifierOptions): tokens is TokenVerifier => typeof (tokens as TokenVerifier).verifyAuthorization === 'function';

export function gatewaySecurity(options: GatewaySecurityOptions, logger?: Logger, observeCost?: CostObserver): GatewaySecurity {
  const verifier = isVerifier(options.tokens) ? options.tokens : createTokenVerifier(options.tokens);
  const { limits, apolloOptions, httpMiddleware } = queryLimits(options.limits, observeCost);
  const { plugins: limitPlugins, ...limitOptions } = apolloOptions;
  const safelist = options.safelist ? safelistOptions(options.safelist) : undefined;
  const secret = options.signingSecret;
  // Without a safelist, the queries clients register by hash go to Redis when there is one (shared by replicas).
  const shared = options.redis && !safelist ? redisState(options.redis) : undefined;
  const closeShared: ApolloServerPlugin<BaseContext> = {
    async serverWillStart() {
      return {
        async serverWillStop() {
          await shared?.close();
        },
      };
    },
  };
  const persistedQueries = safelist?.persistedQueries ?? (shared ? sharedPersistedQueries(shared) : undefined);

  const hooks: OutgoingRequestHooks = {
    willSendRequest({ request, context }) {
      // The gateway's own requests (contract checks, introspection, health) have no caller: they say so
      // explicitly with the service identity, which subgraphs let read only `_service` and `__typename`.
      const identity = (context as Partial<SecureContext> | undefined)?.identity ?? GATEWAY_SERVICE_IDENTITY;
      for (const [name, value] of Object.entries(identityHeaders(identity))) request.http?.headers.set(name, value);
    },
    willFetch(url, init, target) {
      Object.assign(init.headers, signatureHeadersForFetch(secret, signatureTarget(target), url, { method: init.method, headers: init.headers, body: init.body as string | undefined }));
    },
  };

  return {
    limits,
    httpMiddleware: [
      dropClientGatewayHeaders,
      // Before the body is read: a caller without a valid token costs no parsing.
      authenticate({
        verifier,
        allowAnonymousRead: options.allowAnonymousRead,
        onRejectedRoles: (subject, rejected) => logger?.warn({ subject, rejected }, `token of ${subject} names roles this graph does not know (ignored): ${rejected.join(', ')}`),
      }),
      ...httpMiddleware,
      persistedQueryMistakes,
    ],
    hooks: [hooks],
    apolloOptions: { ...limitOptions, ...(persistedQueries ? { persistedQueries } : {}) },
    // The subscription check before the safelist's: a subscription is refused for what it is, registered or not.
    plugins: [operationNameCheck, subscriptionsRefused, ...limitPlugins, ...(safelist?.plugins ?? []), persistedQueryNotFoundStatus, ...(shared ? [closeShared] : [])],
    identityOf: authenticatedIdentity,
    async operatorAccess(req) {
      if (isLoopbackCaller(req)) return true;
      if (req.headers.authorization === undefined) return false;
      try {
        return (await verifier.verifyAuthorization(req.headers.authorization)).identity.roles.includes('procurement');
      } catch {
        return false;
      }
    },
  };
}
