/**
 * Standard federation through OUR gateway: fixture subgraphs written SDL-first
 * (@apollo/subgraph's buildSubgraphSchema), each served over HTTP on a free
 * port, composed with @apollo/composition into a supergraph file, and served
 * by `startGateway({ supergraphFile })` — what `start:gateway -- --supergraph`
 * does. No sharded subgraph: this is the plain-federation path.
 *
 * Strict network expectations: `calls[name]` lists every operation a subgraph
 * received, so a test can say which subgraphs a query must (not) reach.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { SubgraphResolvers } from '../../../lib/graphql/federatedSchema';
import { parse } from 'graphql';
import { startSubgraphServer, RunningServer } from '../../../lib/http/subgraphServer';
import type { FederationConfig } from '../../config';
import { memoryLogger } from '../../logger';
import { gatewaySecurityFromEnv } from '../../security/gatewaySecurity';
import type { QueryLimitsOptions } from '../../security/limits';
import { RunningGateway, startGateway } from '../../server';
import { composeSupergraph } from '../../supergraph/composeFromSdl';
import { authorizationFor, type GraphQLAnswer } from '../../../test/testkit/federation';

/** Every fixture subgraph speaks Federation 2 with these directives. */
export const FEDERATION_2 = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@override", "@interfaceObject", "@cost", "@listSize"])`;

export interface FixtureSubgraph {
  name: string;
  /** The subgraph's SDL (FEDERATION_2 is prepended). */
  typeDefs: string;
  resolvers: SubgraphResolvers;
}

export interface FixtureFederation {
  gateway: RunningGateway;
  supergraphFile: string;
  /** The operations each subgraph received, in order. */
  calls: Record<string, string[]>;
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  /** Stops one subgraph (to see how its absence is answered). */
  stopSubgraph(name: string): Promise<void>;
  resetCalls(): void;
  stop(): Promise<void>;
}

const NO_CONFIG: FederationConfig = {
  origin: '(fixture federation: supergraph file only)',
  gateway: { port: 0, host: '127.0.0.1' },
  supergraph: { source: 'sdl', pollIntervalMs: 10_000 },
  subgraphs: [],
};

export async function startFixtureFederation(subgraphs: FixtureSubgraph[], options: { limits?: QueryLimitsOptions } = {}): Promise<FixtureFederation> {
  const calls: Record<string, string[]> = Object.fromEntries(subgraphs.map((s) => [s.name, []]));
  const servers = new Map<string, RunningServer>();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-federation-'));
  try {
    for (const subgraph of subgraphs) {
      const typeDefs = `${FEDERATION_2}\n${subgraph.typeDefs}`;
      const server = await startSubgraphServer({
        name: subgraph.name,
        schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers: subgraph.resolvers }),
        context: async () => ({}),
        before: [
          (req, _res, next) => {
            calls[subgraph.name].push(String((req.body as { query?: string } | undefined)?.query ?? ''));
            next();
          },
        ],
      });
      servers.set(subgraph.name, server);
    }
    const supergraphFile = path.join(dir, 'supergraph.graphql');
    const sdl = composeSupergraph(subgraphs.map((s) => ({ name: s.name, url: servers.get(s.name)!.url, sdl: `${FEDERATION_2}\n${s.typeDefs}` })));
    fs.writeFileSync(supergraphFile, sdl);
    const security = { ...gatewaySecurityFromEnv(), ...(options.limits ? { limits: options.limits } : {}) };
    const gateway = await startGateway({ config: NO_CONFIG, supergraphFile, port: 0, logger: memoryLogger().logger, webApps: false, security });
    const authorization = await authorizationFor('analyst');

    return {
      gateway,
      supergraphFile,
      calls,
      query: async (query, variables) => {
        const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...authorization }, body: JSON.stringify({ query, variables }) });
        return { status: response.status, ...((await response.json()) as Omit<GraphQLAnswer, 'status'>) };
      },
      stopSubgraph: async (name) => {
        await servers.get(name)?.stop();
        servers.delete(name);
      },
      resetCalls: () => Object.values(calls).forEach((list) => (list.length = 0)),
      stop: async () => {
        await gateway.stop();
        await Promise.all([...servers.values()].map((s) => s.stop()));
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all([...servers.values()].map((s) => s.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
