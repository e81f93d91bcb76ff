/**
 * A client's mistakes are answered as client errors by the real gateway, each
 * with a code of its own and a 4xx, and never logged as a server failure with
 * a stack trace: a `subscription` (this graph has none, and POST/GET cannot
 * carry one), and every persisted-query mistake — with and without the
 * safelist.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { memoryLogger } from '../../gateway/logger';
import { gatewaySecurityFromEnv } from '../../gateway/security/gatewaySecurity';
import { buildManifest, loadSafelist, sha256 } from '../../gateway/security/persistedQueries';
import { RunningGateway, startGateway } from '../../gateway/server';
import { Federation, startFederation } from '../testkit/federation';

let federation: Federation;
let auth: Record<string, string>;
const REGISTERED = 'query Members { members { code } }';

beforeAll(async () => {
  federation = await startFederation({ members: ['XK'] });
  auth = await federation.authorization('analyst');
}, 240_000);
afterAll(() => federation?.stop());

type Logs = Array<{ level: number; msg: string } & Record<string, unknown>>;

async function ask(url: string, payload: unknown) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(payload) });
  return { status: response.status, ...((await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) };
}

let consoleErrors: jest.SpyInstance;
beforeEach(() => {
  // Masked unexpected errors are printed with their stack through console.error (lib/graphql/formatError.ts).
  consoleErrors = jest.spyOn(console, 'error');
});
afterEach(() => consoleErrors.mockRestore());

/** Nothing at error level, and no stack trace anywhere in what the gateway logged or printed. */
function expectNoServerErrorLogged(logs: Logs, from: number): void {
  expect(consoleErrors).not.toHaveBeenCalled();
  const lines = logs.slice(from);
  expect(lines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
  expect(JSON.stringify(lines)).not.toMatch(/\\n\s+at .+:\d+:\d+/);
}

const MISTAKES: Array<[string, unknown, number, string]> = [
  ['a subscription', { query: 'subscription { members { code } }' }, 400, 'SUBSCRIPTIONS_NOT_SUPPORTED'],
  ['a named subscription among queries', { query: 'query A { members { code } } subscription B { members { code } }', operationName: 'B' }, 400, 'SUBSCRIPTIONS_NOT_SUPPORTED'],
  ['a hash that is not the sha256 of the query sent with it', { query: REGISTERED, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } } }, 400, 'PERSISTED_QUERY_HASH_MISMATCH'],
  ['persisted-query version 2', { query: REGISTERED, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(REGISTERED) } } }, 400, 'PERSISTED_QUERY_VERSION_UNSUPPORTED'],
  ['persisted-query version 2, hash alone', { extensions: { persistedQuery: { version: 2, sha256Hash: sha256(REGISTERED) } } }, 400, 'PERSISTED_QUERY_VERSION_UNSUPPORTED'],
];

describe('without a safelist', () => {
  it.each([
    ...MISTAKES,
    ['an unknown hash sent alone', { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ never sent }') } } }, 400, 'PERSISTED_QUERY_NOT_FOUND'],
  ])('answers %s as a client error with its own code, logging no stack', async (_case, payload, status, code) => {
    const from = federation.logs.length;
    const answer = await ask(federation.gatewayUrl, payload);
    expect({ status: answer.status, code: answer.errors?.[0].extensions?.code }).toEqual({ status, code });
    expect(answer.data ?? null).toBeNull();
    expect(JSON.stringify(answer)).not.toMatch(/\n\s+at /);
    expectNoServerErrorLogged(federation.logs, from);
  });

  it('still runs a query registered by hash (automatic persisted queries)', async () => {
    const registered = await ask(federation.gatewayUrl, { query: REGISTERED, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(REGISTERED) } } });
    expect(registered.errors).toBeUndefined();
    const byHash = await ask(federation.gatewayUrl, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(REGISTERED) } } });
    expect(byHash.data).toEqual(registered.data);
  });
});

describe('with the safelist', () => {
  let gateway: RunningGateway;
  let dir: string;
  const { logger, entries } = memoryLogger();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-safelist-'));
    const file = path.join(dir, 'persisted-queries.json');
    fs.writeFileSync(file, JSON.stringify(buildManifest([REGISTERED])));
    gateway = await startGateway({ config: federation.config, port: 0, logger, webApps: false, security: { ...gatewaySecurityFromEnv(), safelist: loadSafelist(file) } });
  });
  afterAll(async () => {
    await gateway?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ...MISTAKES,
    ['an unregistered hash sent alone', { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ never registered }') } } }, 400, 'PERSISTED_QUERY_NOT_ALLOWED'],
    ['an unregistered document', { query: '{ members { name } }' }, 400, 'PERSISTED_QUERY_NOT_ALLOWED'],
  ])('answers %s as a client error with its own code, logging no stack', async (_case, payload, status, code) => {
    const from = entries.length;
    const answer = await ask(gateway.url, payload);
    expect({ status: answer.status, code: answer.errors?.[0].extensions?.code }).toEqual({ status, code });
    expect(answer.data ?? null).toBeNull();
    expectNoServerErrorLogged(entries, from);
  });

  it('runs the registered operation by hash', async () => {
    const byHash = await ask(gateway.url, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(REGISTERED) } } });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data).toMatchObject({ members: expect.any(Array) });
  });
});
