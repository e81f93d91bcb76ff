/**
 * Starts the benchmark subgraphs on free ports and composes their supergraph.
 * They are third-party subgraphs as far as the gateways are concerned: plain
 * Apollo servers that take unsigned requests, so the baseline gateway can
 * reach them too (ours still signs every request: that cost is measured).
 *
 * Served on a plain node:http server (what `startStandaloneServer` does,
 * without CORS) so the benchmark can count, for any gateway alike, the HTTP
 * requests and TCP connections each subgraph received.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { GUILD_FEDERATION_LINK, GUILD_SUBGRAPHS } from './subgraphs';

/** What the subgraphs received since start: HTTP requests and TCP connections, summed over the four. */
export interface SubgraphCounts {
  requests: number;
  connections: number;
}

export interface GuildSubgraphs {
  urls: string[];
  supergraphSdl: string;
  counts(): SubgraphCounts;
  stop(): Promise<void>;
}

export async function startGuildSubgraphs(): Promise<GuildSubgraphs> {
  const counts: SubgraphCounts = { requests: 0, connections: 0 };
  const servers: Array<{ apollo: ApolloServer; http: http.Server }> = [];
  const definitions = [];
  for (const { name, typeDefs, resolvers } of GUILD_SUBGRAPHS) {
    const document = parse(`${GUILD_FEDERATION_LINK}\n${typeDefs}`);
    const apollo = new ApolloServer({ schema: buildSubgraphSchema({ typeDefs: document, resolvers }), plugins: [ApolloServerPluginInlineTraceDisabled()] });
    await apollo.start();
    const server = http.createServer((req, res) => serve(apollo, req, res, counts));
    server.keepAliveTimeout = 60_000;
    server.on('connection', () => counts.connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ apollo, http: server });
    definitions.push({ name, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, typeDefs: document });
  }
  const composed = composeServices(definitions);
  if (composed.errors) throw new Error(`Benchmark supergraph does not compose: ${composed.errors.map((e) => e.message).join('; ')}`);
  return {
    urls: definitions.map((d) => d.url),
    supergraphSdl: composed.supergraphSdl,
    counts: () => ({ ...counts }),
    stop: async () => {
      for (const { apollo, http: server } of servers) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        await apollo.stop();
      }
    },
  };
}

function serve(apollo: ApolloServer, req: http.IncomingMessage, res: http.ServerResponse, counts: SubgraphCounts): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    counts.requests++;
    try {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      const text = Buffer.concat(chunks).toString('utf8');
      const search = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      const answer = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search, body: text ? JSON.parse(text) : undefined },
        context: async () => ({}),
      });
      for (const [key, value] of answer.headers) res.setHeader(key, value);
      res.statusCode = answer.status ?? 200;
      if (answer.body.kind === 'complete') return void res.end(answer.body.string);
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      res.statusCode = 400;
      res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
    }
  });
}
