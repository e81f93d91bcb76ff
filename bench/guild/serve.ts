/**
 * Starts the benchmark subgraphs on free ports and composes their supergraph.
 * They are third-party subgraphs as far as the gateways are concerned: plain
 * Apollo servers that take unsigned requests, so the baseline gateway can
 * reach them too (ours still signs every request: that cost is measured).
 */
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { GUILD_SUBGRAPHS } from './subgraphs';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable"])';

export interface GuildSubgraphs {
  urls: string[];
  supergraphSdl: string;
  stop(): Promise<void>;
}

export async function startGuildSubgraphs(): Promise<GuildSubgraphs> {
  const servers: ApolloServer[] = [];
  const definitions = [];
  for (const { name, typeDefs, resolvers } of GUILD_SUBGRAPHS) {
    const document = parse(`${LINK}\n${typeDefs}`);
    const server = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs: document, resolvers }), plugins: [ApolloServerPluginInlineTraceDisabled()] });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    servers.push(server);
    definitions.push({ name, url, typeDefs: document });
  }
  const composed = composeServices(definitions);
  if (composed.errors) throw new Error(`Benchmark supergraph does not compose: ${composed.errors.map((e) => e.message).join('; ')}`);
  return {
    urls: definitions.map((d) => d.url),
    supergraphSdl: composed.supergraphSdl,
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
