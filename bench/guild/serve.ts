/** Starts the benchmark subgraphs on free ports and composes their supergraph. */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { startSubgraphServer, RunningServer } from '../../lib/http/subgraphServer';
import { GUILD_SUBGRAPHS } from './subgraphs';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable"])';

export interface GuildSubgraphs {
  servers: RunningServer[];
  supergraphSdl: string;
  stop(): Promise<void>;
}

export async function startGuildSubgraphs(): Promise<GuildSubgraphs> {
  const servers: RunningServer[] = [];
  const definitions = [];
  for (const { name, typeDefs, resolvers } of GUILD_SUBGRAPHS) {
    const document = parse(`${LINK}\n${typeDefs}`);
    const server = await startSubgraphServer({ name, schema: buildSubgraphSchema({ typeDefs: document, resolvers }), context: async () => ({}) });
    servers.push(server);
    definitions.push({ name, url: server.url, typeDefs: document });
  }
  const composed = composeServices(definitions);
  if (composed.errors) throw new Error(`Benchmark supergraph does not compose: ${composed.errors.map((e) => e.message).join('; ')}`);
  return {
    servers,
    supergraphSdl: composed.supergraphSdl,
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
