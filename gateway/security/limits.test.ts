import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { getIntrospectionQuery } from 'graphql';
import { formatError } from '../../lib/graphql/formatError';
import { queryLimits, queryLimitsFromEnv, type QueryLimitsOptions } from './limits';

const typeDefs = /* GraphQL */ `
  type Query {
    members: [Member!]!
    member(code: ID!): Member
    boom: String
  }
  type Member {
    code: ID!
    name: String
    partner: Member
    holdings: [Holding!]!
  }
  type Holding {
    id: ID!
    item: Item
  }
  type Item {
    name: String
    tiers: [Tier!]!
  }
  type Tier {
    price: String
  }
`;

const member = (code: string) => ({ code, name: `Member ${code}`, holdings: [{ id: `${code}-1`, item: { name: 'Radio', tiers: [{ price: '10.00' }] } }] });
const resolvers = {
  Query: {
    members: () => ['XK', 'AL'].map(member),
    member: (_: unknown, { code }: { code: string }) => member(code),
    boom: () => {
      throw new Error('database password is hunter2');
    },
  },
  Member: { partner: (parent: { code: string }) => member(parent.code) },
};

interface Gateway {
  url: string;
  close(): Promise<void>;
}

/** A real Apollo Server on express with the limits mounted as the gateway will mount them. */
async function startServer(options: QueryLimitsOptions = {}): Promise<Gateway> {
  const setup = queryLimits(options);
  const apollo = new ApolloServer({ typeDefs, resolvers, formatError, ...setup.apolloOptions });
  await apollo.start();
  const app = express();
  app.use('/graphql', ...setup.httpMiddleware, expressMiddleware(apollo));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await apollo.stop();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

async function send(server: Gateway, body: unknown): Promise<{ status: number; body: GraphQLResponse }> {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

const query = (document: string, variables?: Record<string, unknown>) => ({ query: document, variables });
const nested = (depth: number): string => (depth === 1 ? 'code' : `partner { ${nested(depth - 1)} }`);
const FOLLOW_UP = query('{ members { code } }');

describe('hostile-query limits with their defaults', () => {
  let server: Gateway;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('answers an ordinary query', async () => {
    const { status, body } = await send(server, query('{ members { code holdings { item { name tiers { price } } } } }'));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('refuses a query deeper than 12, naming the limit, and keeps serving', async () => {
    const { status, body } = await send(server, query(`{ members { ${nested(13)} } }`));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { message: 'Query depth 14 exceeds the maximum of 12', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth', maximum: 12, found: 14 } },
    ]);
    expect((await send(server, FOLLOW_UP)).body.errors).toBeUndefined();
  });

  it('accepts a query exactly 12 deep', async () => {
    expect((await send(server, query(`{ members { ${nested(11)} } }`))).body.errors).toBeUndefined();
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `m${i}: members { code }`).join(' ');
    const { status, body } = await send(server, query(`{ ${aliases} }`));
    expect(status).toBe(400);
    expect(body.errors?.map((e) => e.message)).toContain('Query uses 21 aliases, more than the maximum of 20');
    expect(body.errors?.find((e) => e.extensions.limit === 'maxAliases')?.extensions).toMatchObject({ maximum: 20, found: 21 });
  });

  it('counts aliases inside fragments too', async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `c${i}: code`).join(' ');
    const { body } = await send(server, query(`{ members { ...F } } fragment F on Member { ${aliases} }`));
    expect(body.errors?.[0].extensions).toMatchObject({ limit: 'maxAliases', found: 21 });
  });

  it('refuses too many directives', async () => {
    const fields = Array.from({ length: 26 }, () => 'code @include(if: true)').join(' ');
    const { body } = await send(server, query(`{ members { ${fields} } }`));
    expect(body.errors?.[0]).toEqual({
      message: 'Query uses 26 directives, more than the maximum of 25',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDirectives', maximum: 25, found: 26 },
    });
  });

  it('refuses too many root fields, counting those spread from fragments', async () => {
    const roots = Array.from({ length: 12 }, (_, i) => `r${i}: member(code: "XK") { code }`).join(' ');
    const { status, body } = await send(server, query(`{ ${roots} ...More } fragment More on Query { members { code } a: boom b: boom c: boom }`));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { message: 'Operation selects 16 root fields, more than the maximum of 15', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxRootFields', maximum: 15, found: 16 } },
    ]);
  });

  it('stops parsing a document past 2000 tokens', async () => {
    const { status, body } = await send(server, query(`{ members { ${'code '.repeat(2100)} } }`));
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({ message: 'Document has more than 2000 tokens, the maximum; parsing stopped', extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'maxTokens', maximum: 2000 } });
  });

  it('refuses a body over 100 KiB with 413', async () => {
    const { status, body } = await send(server, query(`{ members { code } } # ${'x'.repeat(110 * 1024)}`));
    expect(status).toBe(413);
    expect(body.errors?.[0]).toEqual({ message: 'Request body exceeds the maximum of 102400 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'maxBodyBytes', maximum: 102400 } });
    expect((await send(server, FOLLOW_UP)).status).toBe(200);
  });

  it('answers malformed JSON with a GraphQL-style 400', async () => {
    const { status, body } = await send(server, '{"query": "{ members { code } }"');
    expect(status).toBe(400);
    expect(body.errors?.[0]).toEqual({ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } });
  });

  it('does not accept batches unless configured', async () => {
    const { status, body } = await send(server, [FOLLOW_UP, FOLLOW_UP]);
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toBe('Batched requests are not accepted (got 2 operations)');
  });

  it('hides field suggestions that would reveal the schema', async () => {
    const { body } = await send(server, query('{ members { nam } }'));
    expect(body.errors?.[0].message).toBe('Cannot query field "nam" on type "Member".');
  });

  it('never sends a stack trace or the message of an unexpected error', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { body } = await send(server, query('{ boom }'));
      expect(body.errors?.[0]).toEqual({ message: 'Internal server error', path: ['boom'], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    } finally {
      quiet.mockRestore();
    }
  });

  it('refuses an introspection bomb (graphql-js\'s own introspection depth rule)', async () => {
    const { status, body } = await send(server, query('{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }'));
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toBe('Maximum introspection depth exceeded');
  });

  it('lets the playground introspect the schema (GraphiQL\'s full introspection query) outside production', async () => {
    const { status, body } = await send(server, query(getIntrospectionQuery()));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});

describe('hostile-query limits, configured', () => {
  it('costs by the cost directives\' defaults (objects 1, scalars 0, lists 10) and refuses an operation over budget, naming the costliest fields', async () => {
    const server = await startServer({ maxCost: 1000 });
    try {
      // tiers 10 × 1 = 10; item 1 + 10 = 11; holdings 10 × (1 + 11) = 120; members 10 × (1 + 120) = 1210.
      const costly = 'query Costly($lean: Boolean!) { members { holdings @skip(if: $lean) { item { tiers { price } } } code } }';
      const { status, body } = await send(server, query(costly, { lean: false }));
      expect(status).toBe(400);
      expect(body.errors?.[0].message).toBe(
        'Query cost 1210 exceeds the maximum of 1000 (budget default). Costliest: ' +
          'members 1210 (counted as 10 items (default list size): select fewer fields under it, or leave it out); ' +
          'members.holdings 1200 (counted as 10 items (default list size): select fewer fields under it, or leave it out); ' +
          'members.holdings.item 1100 (select fewer fields under it, or leave it out)',
      );
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'COST_LIMIT_EXCEEDED', limit: 'maxCost', maximum: 1000, found: 1210, estimated: 1210, budget: 'default' });
      // The same document with the expensive part skipped by its variable costs 10 × 1.
      expect((await send(server, query(costly, { lean: true }))).body).toEqual({ data: { members: [{ code: 'XK' }, { code: 'AL' }] } });
    } finally {
      await server.close();
    }
  });

  it('sizes lists without @listSize by the default list size it is given', async () => {
    const server = await startServer({ maxCost: 15, defaultListSize: 2 });
    try {
      // members 2 × (1 + holdings 2 × 1) = 6; twice over through aliases: 12.
      expect((await send(server, query('{ a: members { holdings { id } } b: members { holdings { id } } }'))).body.errors).toBeUndefined();
      // tiers 2 × 1 = 2; item 1 + 2 = 3; holdings 2 × (1 + 3) = 8; members 2 × (1 + 8) = 18.
      const { body } = await send(server, query('{ members { holdings { item { tiers { price } } } } }'));
      expect(body.errors?.[0].message).toMatch(/^Query cost 18 exceeds the maximum of 15 \(budget default\)/);
    } finally {
      await server.close();
    }
  });

  it('takes batches up to the configured size', async () => {
    const server = await startServer({ maxBatchSize: 2 });
    try {
      const accepted = await send(server, [FOLLOW_UP, query('{ member(code: "HR") { code } }')]);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual([{ data: { members: [{ code: 'XK' }, { code: 'AL' }] } }, { data: { member: { code: 'HR' } } }]);
      const refused = await send(server, [FOLLOW_UP, FOLLOW_UP, FOLLOW_UP]);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]).toEqual({ message: 'Batch of 3 operations exceeds the maximum of 2', extensions: { code: 'BAD_REQUEST', limit: 'maxBatchSize', maximum: 2, found: 3 } });
    } finally {
      await server.close();
    }
  });

  it('refuses introspection when it is switched off', async () => {
    const server = await startServer({ introspection: false });
    try {
      const { status, body } = await send(server, query('{ __schema { types { name } } }'));
      expect(status).toBe(400);
      expect(body.errors?.[0].message).toMatch(/introspection is not allowed/i);
    } finally {
      await server.close();
    }
  });

  it('uses the body size it is given', async () => {
    const server = await startServer({ maxBodyBytes: 1024 });
    try {
      expect((await send(server, query(`{ members { code } } # ${'x'.repeat(1100)}`))).status).toBe(413);
      expect((await send(server, query(`{ members { code } } # ${'x'.repeat(900)}`))).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('queryLimitsFromEnv', () => {
  const names = ['GRAPHQL_MAX_DEPTH', 'GRAPHQL_MAX_COST', 'GRAPHQL_INTROSPECTION', 'NODE_ENV'];
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('reads the limits that are set and keeps the defaults for the rest', () => {
    Object.assign(process.env, { GRAPHQL_MAX_DEPTH: '8', GRAPHQL_MAX_COST: '5000' });
    delete process.env.GRAPHQL_INTROSPECTION;
    delete process.env.NODE_ENV;
    expect(queryLimitsFromEnv()).toMatchObject({ maxDepth: 8, maxCost: 5000, maxAliases: 20, introspection: true });
  });

  it('turns introspection off in production unless asked for', () => {
    process.env.NODE_ENV = 'production';
    delete process.env.GRAPHQL_INTROSPECTION;
    expect(queryLimitsFromEnv().introspection).toBe(false);
    process.env.GRAPHQL_INTROSPECTION = 'true';
    expect(queryLimitsFromEnv().introspection).toBe(true);
  });

  it('refuses a limit that is not a positive integer', () => {
    process.env.GRAPHQL_MAX_DEPTH = 'deep';
    expect(() => queryLimitsFromEnv()).toThrow('GRAPHQL_MAX_DEPTH must be a positive integer');
  });
});
