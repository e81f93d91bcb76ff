/**
 * Request ids and logs across the real federation (procurement, XK, AL, HR, BG,
 * the gateway; every service logging into memory): one id from the caller's
 * answer through the gateway's log line into each subgraph's, and no
 * credential in any line.
 */
import type { RequestHandler } from 'express';
import { GATEWAY_HEADERS } from '../../lib/security/headers';
import { Federation, startFederation } from '../testkit/federation';

const MEMBERS_QUERY = 'query MembersAndMinistries { members { code ministry { name } } }';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What reached the subgraphs: their request ids and the gateway's signature headers. */
const received: Array<Record<string, string | undefined>> = [];
const recordHeaders: RequestHandler = (req, _res, next) => {
  received.push({
    requestId: req.header('x-request-id'),
    signature: req.header(GATEWAY_HEADERS.signature),
    nonce: req.header(GATEWAY_HEADERS.nonce),
    identity: req.header(GATEWAY_HEADERS.identity),
  });
  next();
};

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation({ members: ['XK', 'AL', 'HR', 'BG'], subgraphBefore: [recordHeaders] });
}, 240_000);

afterAll(async () => {
  await federation?.stop();
});

async function post(query: string, headers: Record<string, string> = {}, caller?: 'anonymous'): Promise<{ status: number; requestId: string | null; body: any }> {
  const response = await fetch(federation.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await federation.authorization(caller)), ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, requestId: response.headers.get('x-request-id'), body: await response.json() };
}

/** The request lines of one service for one request id (they are written when the answer is sent). */
const requestLines = (service: string, requestId: string) => federation.logsOf(service).filter((e) => e.requestId === requestId && e.path === '/graphql');

describe('the request id', () => {
  it("is the caller's x-request-id, answered back and in the gateway's and every subgraph's log line", async () => {
    const answer = await post(MEMBERS_QUERY, { 'x-request-id': 'trace-me.42:a_b-c' });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.requestId).toBe('trace-me.42:a_b-c');

    const [gatewayLine] = requestLines('gateway', 'trace-me.42:a_b-c');
    expect(gatewayLine).toMatchObject({ name: 'gateway', method: 'POST', status: 200, operationName: 'MembersAndMinistries', operationType: 'query', outcome: 'success' });
    expect(typeof gatewayLine.durationMs).toBe('number');
    for (const service of ['procurement', 'XK', 'AL', 'HR', 'BG']) {
      const lines = requestLines(service, 'trace-me.42:a_b-c');
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines[0]).toMatchObject({ status: 200, outcome: 'success', operationType: 'query' });
    }
  });

  it('is made when the caller sends none, a UUID, the same on every subgraph call', async () => {
    received.length = 0;
    const answer = await post(MEMBERS_QUERY);
    expect(answer.requestId).toMatch(UUID);
    expect(received.length).toBeGreaterThanOrEqual(5);
    expect(new Set(received.map((r) => r.requestId))).toEqual(new Set([answer.requestId]));
  });

  it.each([
    ['too long', 'x'.repeat(129)],
    ['with spaces and markup', 'abc <script>alert(1)</script>'],
    ['with quotes', 'abc"},"level":60'],
  ])('replaces a caller id %s with a fresh one, never echoing it', async (_, hostile) => {
    const answer = await post(MEMBERS_QUERY, { 'x-request-id': hostile });
    expect(answer.status).toBe(200);
    expect(answer.requestId).toMatch(UUID);
    expect(federation.logLines().filter((line) => line.includes(hostile))).toEqual([]);
  });

  it("is in an answer's extensions when it has errors, and the log line says partial with the codes", async () => {
    await federation.members.AL.stop();
    try {
      const answer = await post(MEMBERS_QUERY, { 'x-request-id': 'al-is-down' });
      expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'MEMBER_UNAVAILABLE', country: 'AL' });
      expect(answer.body.extensions).toEqual({ requestId: 'al-is-down' });
      const [line] = requestLines('gateway', 'al-is-down');
      expect(line).toMatchObject({ outcome: 'partial', errorCodes: expect.arrayContaining(['MEMBER_UNAVAILABLE']) });
      expect(requestLines('XK', 'al-is-down')).toHaveLength(1);
    } finally {
      await federation.members.AL.start();
    }
  });

  it('is answered on a refusal before GraphQL too (no token: 401)', async () => {
    const answer = await post(MEMBERS_QUERY, { 'x-request-id': 'no-token' }, 'anonymous');
    expect(answer.status).toBe(401);
    expect(answer.requestId).toBe('no-token');
    expect(answer.body.extensions).toEqual({ requestId: 'no-token' });
    expect(requestLines('gateway', 'no-token')[0]).toMatchObject({ status: 401, outcome: 'error' });
  });
});

describe('the logs', () => {
  it('hold no bearer token, signature, nonce or identity header of any request', async () => {
    received.length = 0;
    const authorization = (await federation.authorization()).authorization;
    const token = authorization.replace(/^Bearer /, '');
    await post(MEMBERS_QUERY, { 'x-request-id': 'secrets' });
    await post('mutation { admitMember(code: "") }', { 'x-request-id': 'secrets-refused' });
    const secrets = [token, ...received.flatMap((r) => [r.signature, r.nonce, r.identity])].filter((s): s is string => typeof s === 'string' && s.length > 0);
    expect(secrets.length).toBeGreaterThanOrEqual(5);

    const lines = federation.logLines();
    expect(lines.some((line) => line.includes('"requestId":"secrets"'))).toBe(true);
    for (const secret of secrets) expect(lines.filter((line) => line.includes(secret))).toEqual([]);
  });
});
