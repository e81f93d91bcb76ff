/**
 * Where the supergraph comes from: the committed SDLs (every other test),
 * live introspection with polling, or a supergraph file with the config's
 * value routing on top. Value routing works the same whichever it is.
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
import { composeSupergraph, definitionsFromConfig } from '../supergraph/composeFromSdl';
import { authorizationFor, Federation, startFederation } from '../../test/testkit/federation';
import { FEDERATION_2 } from './federation/fixtureFederation';

const MEMBERS_QUERY = '{ members { code ministry { name } } }';

describe('live introspection', () => {
  let federation: Federation;

  beforeAll(async () => {
    federation = await startFederation({
      members: ['XK'],
      configure: (config) => {
        config.supergraph = { source: 'introspect', pollIntervalMs: 60_000 };
      },
    });
  }, 240_000);

  afterAll(() => federation?.stop());

  it('composes from the running procurement subgraph and the member contract, and routes by member as before', async () => {
    expect(federation.gateway.ready().supergraph.source).toMatch(/^introspected from 2 subgraphs/);
    expect(federation.requests('procurement').map((r) => r.query)).toContainEqual(expect.stringContaining('_service'));
    const { data, errors } = await federation.query(MEMBERS_QUERY);
    const xk = data.members.find((m: any) => m.code === 'XK');
    expect(xk.ministry.name).toMatch(/Kosovo/);
    expect(errors?.every((e) => e.extensions?.code === 'UNKNOWN_MEMBER')).toBe(true);
  });

  it('picks up a changed subgraph schema at the next poll', async () => {
    const serve = (sdl: string, port = 0) =>
      startSubgraphServer({
        name: 'inventory',
        port,
        context: async () => ({}),
        schema: buildSubgraphSchema({ typeDefs: parse(`${FEDERATION_2}\n${sdl}`), resolvers: { Query: { stock: () => 12, warehouse: () => 'Pristina' } } as any }),
      });
    let inventory: RunningServer = await serve('type Query { stock: Int }');
    const config = parseFederationConfig(
      { supergraph: { source: 'introspect', pollIntervalMs: 100 }, subgraphs: [{ name: 'inventory', url: inventory.url }] },
      { origin: 'test', baseDir: __dirname },
    );
    const gateway = await startGateway({ config, port: 0, logger: memoryLogger().logger, webApps: false });
    const headers = { 'content-type': 'application/json', ...(await authorizationFor('analyst')) };
    const ask = async (query: string) => (await (await fetch(gateway.url, { method: 'POST', headers, body: JSON.stringify({ query }) })).json()) as any;
    try {
      expect((await ask('{ stock }')).data).toEqual({ stock: 12 });
      expect((await ask('{ warehouse }')).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

      const port = inventory.port;
      await inventory.stop();
      inventory = await serve('type Query { stock: Int warehouse: String }', port);
      let answer: any;
      for (let attempt = 0; attempt < 50 && !answer?.data; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await ask('{ stock warehouse }');
      }
      expect(answer.data).toEqual({ stock: 12, warehouse: 'Pristina' });
    } finally {
      await gateway.stop();
      await inventory.stop();
    }
  });
});

describe('a supergraph file', () => {
  let federation: Federation;
  let gateway: RunningGateway;
  let dir: string;
  const log = memoryLogger('debug');

  beforeAll(async () => {
    federation = await startFederation({ members: ['XK', 'AL'] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-supergraph-'));
    const file = path.join(dir, 'supergraph.graphql');
    fs.writeFileSync(file, composeSupergraph(definitionsFromConfig(federation.config.subgraphs)));
    gateway = await startGateway({ config: federation.config, supergraphFile: file, port: 0, logger: log.logger, webApps: false });
  }, 240_000);

  afterAll(async () => {
    await gateway?.stop();
    await federation?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is served with the config's value routing for the sharded subgraph it holds", async () => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(await authorizationFor('analyst')) }, body: JSON.stringify({ query: MEMBERS_QUERY }) });
    const { data } = (await response.json()) as any;
    const ministries = Object.fromEntries(data.members.map((m: any) => [m.code, m.ministry?.name ?? null]));
    expect(ministries).toMatchObject({ XK: expect.stringMatching(/Kosovo/), AL: expect.stringMatching(/Albania/), BG: null });
    expect(gateway.ready().supergraph.source).toMatch(/^supergraph file /);
    expect(Object.keys(gateway.ready().members)).toEqual(['XK', 'AL']);
  });

  it('never contacts, nor logs, the placeholder address of the sharded subgraph', () => {
    expect(log.entries.map((e) => JSON.stringify(e)).join('\n')).not.toMatch(/sharded\.invalid/);
  });
});
