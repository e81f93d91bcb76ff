/**
 * Optional safelist for deployments that serve only known clients (e.g. the
 * dashboard): with a manifest of registered operations, only those run —
 * sent as their exact document, or by hash alone (Apollo's persisted-query
 * extension, `extensions.persistedQuery.sha256Hash`). Anything else gets
 * PERSISTED_QUERY_NOT_ALLOWED and is not executed.
 *
 * The manifest is Apollo's persisted-query manifest format:
 *   { "format": "apollo-persisted-query-manifest", "version": 1,
 *     "operations": [{ "id": sha256(body), "name", "type", "body" }] }
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { GraphQLError, Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { RequestHandler } from 'express';
import type { ApolloServerPlugin, BaseContext, PersistedQueryOptions } from '@apollo/server';
import { sendGraphQLHttpError } from '../../lib/security/httpError';
import type { SharedState } from '../../lib/sharedState/sharedState';
import { readEnv } from '../../lib/config/env';

export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';
export const PERSISTED_QUERY_NOT_ALLOWED = 'PERSISTED_QUERY_NOT_ALLOWED';
/** The client's persisted-query mistakes, each its own code (Apollo Server reports the first two without one, which reads as a server failure). */
export const PersistedQueryMistake = {
  NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  HASH_MISMATCH: 'PERSISTED_QUERY_HASH_MISMATCH',
  VERSION_UNSUPPORTED: 'PERSISTED_QUERY_VERSION_UNSUPPORTED',
} as const;

export interface ManifestOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedQueryManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  operations: ManifestOperation[];
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function describe(body: string, where: string): Pick<ManifestOperation, 'name' | 'type'> {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(body).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch (error) {
    throw new Error(`${where}: not a GraphQL document (${(error as Error).message})`);
  }
  if (operations.length !== 1) throw new Error(`${where}: a registered document holds exactly one operation (found ${operations.length})`);
  return { name: operations[0].name?.value ?? '', type: operations[0].operation };
}

/** A manifest registering each document exactly as its client sends it. */
export function buildManifest(documents: readonly string[]): PersistedQueryManifest {
  return {
    format: MANIFEST_FORMAT,
    version: 1,
    operations: documents.map((body, i) => ({ id: sha256(body), ...describe(body, `document ${i + 1}`), body })),
  };
}

export interface Safelist {
  /** Registered document for a sha256 hash. */
  documentFor(hash: string): string | undefined;
  size: number;
}

/** Reads and checks a manifest file; a broken manifest stops start-up naming the operation. */
export function loadSafelist(file: string): Safelist {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PersistedQueryManifest>;
  if (manifest.format !== MANIFEST_FORMAT || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`${file}: not a persisted-query manifest (expected "format": "${MANIFEST_FORMAT}", "version": 1, "operations": [...])`);
  }
  const documents = new Map<string, string>();
  for (const [i, operation] of manifest.operations.entries()) {
    const where = `${file}: operation ${operation?.name || i + 1}`;
    if (typeof operation?.body !== 'string' || typeof operation.id !== 'string') throw new Error(`${where}: needs "id" and "body"`);
    if (operation.id !== sha256(operation.body)) throw new Error(`${where}: "id" is not the sha256 of its "body"`);
    describe(operation.body, where);
    documents.set(operation.id, operation.body);
  }
  return { documentFor: (hash) => documents.get(hash), size: documents.size };
}

/** The safelist PERSISTED_QUERIES_FILE names, or undefined when it is unset (every operation may run). */
export function safelistFromEnv(): Safelist | undefined {
  const file = readEnv('PERSISTED_QUERIES_FILE');
  return file === undefined ? undefined : loadSafelist(file);
}

function notAllowed(): GraphQLError {
  return new GraphQLError('This graph only runs registered operations, and this one is not registered', {
    extensions: { code: PERSISTED_QUERY_NOT_ALLOWED, http: { status: 400 } },
  });
}

/**
 * Apollo Server options that enforce the safelist: spread into
 * `new ApolloServer({ …, persistedQueries, plugins: [...plugins, …] })`.
 */
export function safelistOptions(safelist: Safelist): { persistedQueries: PersistedQueryOptions; plugins: ApolloServerPlugin<BaseContext>[] } {
  // Apollo Server looks hashes up in this cache (its keys carry an "apq:" prefix); registrations by clients are ignored.
  const cache = {
    async get(key: string) {
      return safelist.documentFor(key.replace(/^apq:/, ''));
    },
    async set() {},
    async delete() {
      return false;
    },
  };
  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      return {
        // A document sent in full is identified by its sha256 (Apollo computes it as `queryHash`).
        async didResolveOperation({ queryHash }) {
          if (safelist.documentFor(queryHash) === undefined) throw notAllowed();
        },
        // An unknown hash sent alone gets Apollo's PERSISTED_QUERY_NOT_FOUND, an invitation to send the
        // document; with a safelist the document would be refused anyway, so say so at once.
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (errors?.some((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
            response.body.singleResult.errors = [{ message: notAllowed().message, extensions: { code: PERSISTED_QUERY_NOT_ALLOWED } }];
            response.http.status = 400;
          }
        },
      };
    },
  };
  return { persistedQueries: { cache }, plugins: [plugin] };
}

interface PersistedQueryExtension {
  version?: unknown;
  sha256Hash?: unknown;
}

/** The persisted-query extension of one GraphQL-over-HTTP request (POST body or GET query string), if any. */
function persistedQueryOf(request: unknown): { query?: unknown; persistedQuery: PersistedQueryExtension } | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  let extensions = (request as { extensions?: unknown }).extensions;
  if (typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions);
    } catch {
      return undefined; // Apollo answers a malformed `extensions` itself, as a 400.
    }
  }
  const persistedQuery = (extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery;
  if (typeof persistedQuery !== 'object' || persistedQuery === null) return undefined;
  return { query: (request as { query?: unknown }).query, persistedQuery: persistedQuery as PersistedQueryExtension };
}

/**
 * Express middleware (after the JSON parser): answers a persisted-query
 * mistake with 400 and its own code before Apollo sees it — a version other
 * than 1, or a hash that is not the sha256 of the query sent with it.
 */
export const persistedQueryMistakes: RequestHandler = (req, res, next) => {
  const requests: unknown[] = req.method === 'GET' ? [req.query] : Array.isArray(req.body) ? req.body : [req.body];
  for (const request of requests) {
    const found = persistedQueryOf(request);
    if (!found) continue;
    const { query, persistedQuery } = found;
    if (persistedQuery.version !== 1) {
      return sendGraphQLHttpError(res, 400, `Persisted-query version ${JSON.stringify(persistedQuery.version)} is not supported; send version 1`, { code: PersistedQueryMistake.VERSION_UNSUPPORTED });
    }
    if (typeof query === 'string' && (typeof persistedQuery.sha256Hash !== 'string' || persistedQuery.sha256Hash.toLowerCase() !== sha256(query))) {
      return sendGraphQLHttpError(res, 400, 'The persisted-query hash is not the sha256 of the query sent with it', { code: PersistedQueryMistake.HASH_MISMATCH });
    }
  }
  next();
};

/**
 * An unknown hash sent alone: Apollo answers PERSISTED_QUERY_NOT_FOUND (the
 * client's cue to send the document) with status 200; a 400 says it is not a
 * result. Clients of the protocol read the code, not the status.
 */
export const persistedQueryNotFoundStatus: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        if (response.body.singleResult.errors?.some((error) => error.extensions?.code === PersistedQueryMistake.NOT_FOUND)) response.http.status = 400;
      },
    };
  },
};

/** How long a query registered by hash is kept in the shared state (Apollo's own default for its cache). */
export const PERSISTED_QUERY_TTL_SECONDS = 300;

/**
 * Apollo's automatic persisted queries (no safelist) kept in the shared
 * state: with Redis, a query registered at one gateway replica is found by
 * its hash at every other, as a client behind a load balancer expects. (A
 * safelist needs no sharing: every replica reads the same manifest file.)
 */
export function sharedPersistedQueries(state: SharedState, ttlSeconds = PERSISTED_QUERY_TTL_SECONDS): PersistedQueryOptions {
  return {
    ttl: ttlSeconds,
    // Apollo prefixes the keys itself ("apq:<sha256>").
    cache: {
      get: (key) => state.get(key),
      set: (key, value, options) => state.set(key, value, (options?.ttl ?? ttlSeconds) * 1000),
      delete: (key) => state.delete(key),
    },
  };
}
