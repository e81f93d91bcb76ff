/**
 * Value routing is not tied to the country subgraph: any subgraph the config
 * declares `sharded` is routed by the key fields and the argument the config
 * names. Here a "depot" subgraph runs once per site (AA, BB), keyed by `site`.
 * A root field that names no site cannot be routed, and says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { RunningServer, startSubgraphServer } from '../../lib/http/subgraphServer';
import { parseFederationConfig } from '../config';
import { memoryLogger } from '../logger';
import { RunningGateway, startGateway } from '../server';
import { authorizationFor } from '../../test/testkit/federation';
import { FEDERATION_2 } from './federation/fixtureFederation';

const REGISTRY_SDL = `${FEDERATION_2}
type Query { depots: [Depot!]! }
type Depot @key(fields: "site") { site: ID! name: String! }`;
const DEPOT_SDL = `${FEDERATION_2}
type Query { stock(site: ID!): Int total: Int }
type Depot @key(fields: "site") { site: ID! stock: Int }`;
const STOCK: Record<string, number> = { AA: 10, BB: 20 };

let dir: string;
let gateway: RunningGateway;
const servers: RunningServer[] = [];
const received: Record<string, string[]> = { AA: [], BB: [] };

const serve = async (name: string, sdl: string, resolvers: object, log?: string[]) => {
  const server = await startSubgraphServer({
    name,
    schema: buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as any }),
    context: async () => ({}),
    before: [
      (req, _res, next) => {
        log?.push(String((req.body as { query?: string }).query));
        next();
      },
    ],
  });
  servers.push(server);
  return server;
};

/** One depot's subgraph: it answers only with its own stock, whichever site is asked. */
const depot = (site: string) =>
  serve(site, DEPOT_SDL, { Query: { stock: () => STOCK[site], total: () => -1 }, Depot: { __resolveReference: () => ({ site, stock: STOCK[site] }) } }, received[site]);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-depots-'));
  fs.writeFileSync(path.join(dir, 'registry.graphql'), REGISTRY_SDL);
  fs.writeFileSync(path.join(dir, 'depot.graphql'), DEPOT_SDL);
  const registry = await serve('registry', REGISTRY_SDL, { Query: { depots: () => [{ site: 'BB', name: 'North' }, { site: 'AA', name: 'South' }, { site: 'BB', name: 'North annex' }] } });
  const [aa, bb] = [await depot('AA'), await depot('BB')];
  const config = parseFederationConfig(
    {
      subgraphs: [
        { name: 'registry', url: registry.url, sdl: 'registry.graphql' },
        { name: 'depot', sdl: 'depot.graphql', sharded: { key: ['site'], argument: 'site', recheckMs: 0, members: { AA: { url: aa.url }, BB: { url: bb.url } } } },
      ],
    },
    { origin: 'depots', baseDir: dir },
  );
  gateway = await startGateway({ config, port: 0, logger: memoryLogger().logger, webApps: false });
  authorization = await authorizationFor('analyst');
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all(servers.map((s) => s.stop()));
  fs.rmSync(dir, { recursive: true, force: true });
});

let authorization: Record<string, string>;
const ask = async (query: string) => (await (await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...authorization }, body: JSON.stringify({ query }) })).json()) as any;

it('routes entities by the key field the config names', async () => {
  received.AA.length = received.BB.length = 0;
  const { data, errors } = await ask('{ depots { site name stock } }');
  expect(errors).toBeUndefined();
  expect(data.depots).toEqual([
    { site: 'BB', name: 'North', stock: 20 },
    { site: 'AA', name: 'South', stock: 10 },
    { site: 'BB', name: 'North annex', stock: 20 },
  ]);
  expect([received.AA.length, received.BB.length]).toEqual([1, 1]);
});

it('routes root fields by the argument the config names', async () => {
  const { data } = await ask('{ a: stock(site: "AA") b: stock(site: "BB") }');
  expect(data).toEqual({ a: 10, b: 20 });
});

it('refuses, for that field only, a root field that names no member', async () => {
  const { data, errors } = await ask('{ total a: stock(site: "AA") }');
  expect(data).toEqual({ total: null, a: 10 });
  expect(errors).toEqual([
    expect.objectContaining({
      message: 'total cannot be routed: every root field of the sharded depot subgraph must name its member in the "site" argument',
      path: ['total'],
      extensions: expect.objectContaining({ code: 'UNROUTABLE_FIELD' }),
    }),
  ]);
});
