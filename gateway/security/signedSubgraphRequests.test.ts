/**
 * The pieces as the gateway and a subgraph will use them together: Apollo's
 * RemoteGraphQLDataSource sending through `signingFetcher` with the caller's
 * identity header, and a real Apollo Server behind `requireGatewaySignature`
 * that reads the identity from the verified request only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
// The enum is not re-exported from the package root.
import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { identityFromVerifiedRequest, identityHeaders } from '../../lib/security/identityHeaders';
import { requireGatewaySignature, signingFetcher } from '../../lib/security/requestSignature';
import { identityOf, type Identity } from '../../lib/security/roles';
import { RequestKind } from '../datasources/requestKinds';

const SECRET = 'one-deployment-secret-for-gateway-and-subgraphs';

interface SubgraphContext {
  identity: Identity | null;
}

let subgraphUrl: string;
let stopSubgraph: () => Promise<void>;

beforeAll(async () => {
  const apollo = new ApolloServer<SubgraphContext>({
    typeDefs: 'type Query { whoami: String }',
    resolvers: { Query: { whoami: (_: unknown, __: unknown, { identity }: SubgraphContext) => (identity ? `${identity.subject} as ${identity.roles.join(',')}` : 'the gateway itself') } },
  });
  await apollo.start();
  const app = express();
  app.use(
    '/graphql',
    requireGatewaySignature({ secret: SECRET, target: 'whoami' }),
    expressMiddleware(apollo, { context: async ({ req }) => ({ identity: identityFromVerifiedRequest(req) }) }),
  );
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  subgraphUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  stopSubgraph = async () => {
    await apollo.stop();
    await new Promise((resolve) => server.close(resolve));
  };
});
afterAll(() => stopSubgraph());

/** Sends with the global fetch, keeping a copy of each request as it left. */
function recordingFetch(sent: { url: string; init: FetcherRequestInit }[]): Fetcher {
  return async (url, init) => {
    sent.push({ url, init: init ?? {} });
    return (await fetch(url, init as RequestInit)) as unknown as ReturnType<Fetcher>;
  };
}

function gatewayDataSource(sent: { url: string; init: FetcherRequestInit }[]) {
  return new RemoteGraphQLDataSource<{ identity?: Identity }>({
    url: subgraphUrl,
    fetcher: signingFetcher(SECRET, 'whoami', recordingFetch(sent)),
    willSendRequest({ request, context }) {
      if (context.identity) for (const [name, value] of Object.entries(identityHeaders(context.identity))) request.http?.headers.set(name, value);
    },
  });
}

const ask = (source: RemoteGraphQLDataSource<{ identity?: Identity }>, identity?: Identity) =>
  source.process({ kind: RequestKind.LOADING_SCHEMA, request: { query: '{ whoami }' }, context: { identity } });

describe('gateway → subgraph requests', () => {
  it('reach the subgraph signed, carrying the caller the gateway verified', async () => {
    const sent: { url: string; init: FetcherRequestInit }[] = [];
    const response = await ask(gatewayDataSource(sent), identityOf('al-officer', ['ministry:AL']));
    expect(response.data).toEqual({ whoami: 'al-officer as ministry:AL' });
    expect(sent).toHaveLength(1);
  });

  it('without a caller, are the gateway\'s own', async () => {
    expect((await ask(gatewayDataSource([]))).data).toEqual({ whoami: 'the gateway itself' });
  });

  it('cannot be replayed by someone who captured one', async () => {
    const sent: { url: string; init: FetcherRequestInit }[] = [];
    await ask(gatewayDataSource(sent), identityOf('proc', ['procurement']));
    const replay = await fetch(sent[0].url, sent[0].init as RequestInit);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'SIGNATURE_REPLAYED' } }] });
  });

  it('cannot be imitated by a client calling the subgraph directly with an identity header', async () => {
    const response = await fetch(subgraphUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...identityHeaders(identityOf('me', ['procurement'])) },
      body: JSON.stringify({ query: '{ whoami }' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { reason: 'SIGNATURE_MISSING' } }] });
  });
});
