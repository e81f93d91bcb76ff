import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { buildManifest, loadSafelist, safelistOptions, sha256 } from './persistedQueries';

const typeDefs = /* GraphQL */ `
  type Query {
    members: [String!]!
    budget(country: ID!): String
  }
  type Mutation {
    admitMember(code: ID!): String
  }
`;
const admitted: string[] = [];
const resolvers = {
  Query: { members: () => ['XK', 'AL'], budget: () => '1000.00' },
  Mutation: {
    admitMember: (_: unknown, { code }: { code: string }) => {
      admitted.push(code);
      return code;
    },
  },
};

const MEMBERS = 'query DashboardMembers { members }';
const ADMIT = 'mutation Admit($code: ID!) { admitMember(code: $code) }';

let dir: string;
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safelist-'));
  const manifestFile = path.join(dir, 'manifest.json');
  fs.writeFileSync(manifestFile, JSON.stringify(buildManifest([MEMBERS, ADMIT])));
  const safelist = safelistOptions(loadSafelist(manifestFile));
  const apollo = new ApolloServer({ typeDefs, resolvers, ...safelist });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  stop = async () => {
    await apollo.stop();
    await new Promise((resolve) => server.close(resolve));
  };
});

afterAll(async () => {
  await stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const byHash = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const NOT_ALLOWED = { message: 'This graph only runs registered operations, and this one is not registered', extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' } };

describe('persisted-query safelist', () => {
  it('runs a registered operation sent as its exact document', async () => {
    expect(await post({ query: MEMBERS })).toEqual({ status: 200, body: { data: { members: ['XK', 'AL'] } } });
  });

  it('runs a registered operation sent by its hash alone, over POST and GET', async () => {
    expect((await post({ extensions: byHash(sha256(MEMBERS)) })).body).toEqual({ data: { members: ['XK', 'AL'] } });
    const extensions = encodeURIComponent(JSON.stringify(byHash(sha256(MEMBERS))));
    const response = await fetch(`${url}?extensions=${extensions}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await response.json()).toEqual({ data: { members: ['XK', 'AL'] } });
  });

  it('runs a registered mutation with its variables', async () => {
    expect((await post({ query: ADMIT, variables: { code: 'MK' } })).body).toEqual({ data: { admitMember: 'MK' } });
  });

  it('refuses an operation that is not registered, and does not run it', async () => {
    const before = admitted.length;
    expect(await post({ query: 'mutation { admitMember(code: "ZZ") }' })).toEqual({ status: 400, body: { errors: [NOT_ALLOWED] } });
    expect(await post({ query: '{ budget(country: "XK") }' })).toEqual({ status: 400, body: { errors: [NOT_ALLOWED] } });
    expect(admitted.length).toBe(before);
  });

  it('refuses a registered operation reformatted: only the exact document is registered', async () => {
    expect((await post({ query: 'query DashboardMembers {\n  members\n}' })).body).toEqual({ errors: [NOT_ALLOWED] });
  });

  it('refuses an unknown hash at once instead of asking for the document', async () => {
    expect(await post({ extensions: byHash(sha256('{ budget(country: "XK") }')) })).toEqual({ status: 400, body: { errors: [NOT_ALLOWED] } });
  });

  it('does not let a client register an operation by sending it with its hash', async () => {
    const document = '{ budget(country: "HR") }';
    expect((await post({ query: document, extensions: byHash(sha256(document)) })).body).toEqual({ errors: [NOT_ALLOWED] });
    expect((await post({ extensions: byHash(sha256(document)) })).body).toEqual({ errors: [NOT_ALLOWED] });
  });
});

describe('persisted-query manifest', () => {
  const write = (content: unknown) => {
    const file = path.join(dir, `m-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it('registers each document under its sha256, with its name and type', () => {
    expect(buildManifest([ADMIT])).toEqual({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha256(ADMIT), name: 'Admit', type: 'mutation', body: ADMIT }],
    });
  });

  it('refuses a manifest whose id does not match its body, naming the operation', () => {
    const manifest = buildManifest([MEMBERS]);
    manifest.operations[0].body = '{ budget(country: "XK") }';
    expect(() => loadSafelist(write(manifest))).toThrow('operation DashboardMembers: "id" is not the sha256 of its "body"');
  });

  it('refuses a file that is not a manifest, and a document with two operations', () => {
    expect(() => loadSafelist(write({ operations: {} }))).toThrow('not a persisted-query manifest');
    expect(() => buildManifest(['query A { members } query B { members }'])).toThrow('document 1: a registered document holds exactly one operation (found 2)');
  });
});
