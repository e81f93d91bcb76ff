/**
 * The real gateway (in front of the real subgraphs) against hostile and
 * malformed requests: each gets a clear 4xx or GraphQL error, and the gateway
 * keeps serving. Then the GraphQL-over-HTTP audit (graphql-http) with a valid
 * token: every MUST passes; the SHOULDs that do not are printed (README,
 * Security, says why). Then the persisted-query safelist of `npm run
 * safelist`, on a second gateway over the same subgraphs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serverAudits } from 'graphql-http';
import { gatewaySecurityFromEnv } from '../../gateway/security/gatewaySecurity';
import { loadSafelist, sha256 } from '../../gateway/security/persistedQueries';
import { memoryLogger } from '../../gateway/logger';
import { RunningGateway, startGateway } from '../../gateway/server';
import { clientManifest, dashboardDocuments, exampleDocuments } from '../../scripts/safelist';
import { Federation, startFederation } from '../testkit/federation';

let federation: Federation;
let auth: Record<string, string>;

beforeAll(async () => {
  federation = await startFederation({ members: ['XK', 'AL'] });
  auth = await federation.authorization('analyst');
}, 240_000);
afterAll(() => federation?.stop());

const post = (body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(federation.gatewayUrl, { method: 'POST', headers: { ...auth, ...headers }, body });
const postJson = (payload: unknown) => post(JSON.stringify(payload));

async function expectStillServing(): Promise<void> {
  const { status, data } = await federation.query('{ members { code } }', undefined, { as: 'analyst' });
  expect(status).toBe(200);
  expect(data.members.length).toBeGreaterThan(0);
}

const nested = (depth: number): string => (depth === 0 ? 'name' : `fields { type { ${nested(depth - 1)} } }`);

describe('hostile requests', () => {
  it.each([
    ['malformed JSON', () => post('{"query": "{ members { code } }"'), 400, /JSON|parse/i],
    ['a body that is no GraphQL request', () => postJson([1, 2, 3]), 400, /batch|operations|query/i],
    ['text/plain (no CSRF-safe content type)', () => post(JSON.stringify({ query: '{ members { code } }' }), { 'content-type': 'text/plain' }), 400, /Cross-Site|content-type/i],
    ['an unsupported content type', () => post('query={members{code}}', { 'content-type': 'application/x-www-form-urlencoded' }), 400, /./],
    ['a body over the size limit', () => postJson({ query: `{ members { code } } # ${'x'.repeat(200 * 1024)}` }), 413, /large|limit/i],
    ['a query nested too deep', () => postJson({ query: `{ __schema { types { ${nested(8)} } } }` }), 400, /depth/i],
    ['an alias bomb', () => postJson({ query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: members { code }`).join(' ')} }` }), 400, /alias/i],
    ['circular fragments', () => postJson({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }), 400, /cycle|itself/i],
    ['a very long string argument', () => postJson({ query: `{ ministry(country: "${'X'.repeat(50_000)}") { name } }` }), 200, /"code":"UNKNOWN_MEMBER"/],
    ['a variable of the wrong type', () => postJson({ query: 'query($y: Int!) { budgets(country: "XK") { year } members { code budget(year: $y) { year } } }', variables: { y: 'twenty' } }), 400, /\$y|Int/],
    ['an unknown operationName', () => postJson({ query: 'query A { members { code } }', operationName: 'B' }), 400, /Unknown operation named \\"B\\"/],
    ['two operations and no operationName', () => postJson({ query: 'query A { members { code } } query B { members { code } }' }), 400, /Unknown operation/],
    ['a batch over the limit', () => postJson([{ query: '{ members { code } }' }, { query: '{ members { code } }' }]), 400, /batch/i],
    ['an unknown field (no schema hints)', () => postJson({ query: '{ budgetz(country: "XK") { year } }' }), 400, /budgetz/],
  ] as [string, () => Promise<Response>, number, RegExp][])('answers %s with a clear error, and keeps serving', async (_case, send, status, message) => {
    const response = await send();
    const text = await response.text();
    expect({ status: response.status, text }).toEqual({ status, text: expect.stringMatching(message) });
    expect(text.length).toBeLessThan(2000); // the hostile input is not echoed back
    expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
    await expectStillServing();
  });

  it('answers a request without a token with 401 and a bearer challenge', async () => {
    const response = await fetch(federation.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ members { code } }' }) });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    await expectStillServing();
  });
});

describe('the GraphQL-over-HTTP audit (graphql-http)', () => {
  it('passes every MUST; the SHOULDs it does not pass are listed', async () => {
    const withToken = (input: string | URL | Request, init: RequestInit = {}) => fetch(input, { ...init, headers: { ...auth, ...Object.fromEntries(new Headers(init.headers).entries()) } });
    const results = await Promise.all(serverAudits({ url: federation.gatewayUrl, fetchFn: withToken }).map((audit) => audit.fn()));
    const failed = results.filter((r) => r.status !== 'ok') as Array<{ name: string; reason: string }>;
    const failedMusts = failed.filter((r) => r.name.startsWith('MUST'));
    const otherFailures = failed.filter((r) => !r.name.startsWith('MUST')).map((r) => `${r.name}: ${r.reason}`);
    console.log(`graphql-http audit: ${results.length - failed.length}/${results.length} ok; not passed:\n${otherFailures.join('\n')}`);
    expect(failedMusts.map((r) => `${r.name}: ${r.reason}`)).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
  }, 60_000);
});

describe('the persisted-query safelist', () => {
  let gateway: RunningGateway;
  let dir: string;
  const manifest = clientManifest();
  const registered = dashboardDocuments().find((d) => /query Members/.test(d)) ?? manifest.operations[0].body;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-safelist-'));
    const file = path.join(dir, 'persisted-queries.json');
    fs.writeFileSync(file, JSON.stringify(manifest));
    gateway = await startGateway({ config: federation.config, port: 0, logger: memoryLogger().logger, webApps: false, security: { ...gatewaySecurityFromEnv(), safelist: loadSafelist(file) } });
  });
  afterAll(async () => {
    await gateway?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (payload: unknown) => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(payload) });
    return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
  };

  it("registers every example query and every dashboard operation (npm run safelist)", () => {
    const documents = [...exampleDocuments(), ...dashboardDocuments()];
    expect(manifest.operations.map((o) => o.id).sort()).toEqual(documents.map(sha256).sort());
    expect(dashboardDocuments().length).toBeGreaterThanOrEqual(3);
  });

  it('runs a registered operation, sent in full or by its hash alone', async () => {
    const variables = { year: 2026 };
    const full = await ask({ query: registered, variables });
    expect(full.errors?.filter((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_ALLOWED') ?? []).toEqual([]);
    expect(full.data).toBeTruthy();
    const byHash = await ask({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(registered) } } });
    expect(byHash.data).toEqual(full.data);
  });

  it('refuses any other operation without running it', async () => {
    const other = await ask({ query: '{ members { code } }' });
    expect(other.status).toBe(400);
    expect(other.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    const unknownHash = await ask({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ members { code } }') } } });
    expect(unknownHash.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });
});
