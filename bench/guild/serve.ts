/** Starts the benchmark subgraphs on free ports and composes their supergraph. */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { printSubgraphSchema } from '@apollo/subgraph';
import { startSubgraphServer, RunningServer } from '../../lib/http/subgraphServer';
import { GUILD_SUBGRAPHS } from './subgraphs';

export interface GuildSubgraphs {
  servers: RunningServer[];
  supergraphSdl: string;
  stop(): Promise<void>;
}

export async function startGuildSubgraphs(): Promise<GuildSubgraphs> {
  const servers: RunningServer[] = [];
  const definitions = [];
  for (const [name, build] of Object.entries(GUILD_SUBGRAPHS)) {
    const schema = build();
    const server = await startSubgraphServer({ name, schema, context: async () => ({}) });
    servers.push(server);
    definitions.push({ name, url: server.url, typeDefs: parse(printSubgraphSchema(schema)) });
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
