import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { GATEWAY_HEADERS } from './headers';
import { dropClientGatewayHeaders, encodeIdentity, identityFromVerifiedRequest } from './identityHeaders';
import { memoryState } from '../sharedState/memoryState';
import { requireGatewaySignature, signatureHeadersForFetch, signGatewayRequest, signingFetcher, type GatewaySignatureOptions } from './requestSignature';
import { identityOf } from './roles';

const SECRET = 'deployment-secret-shared-by-gateway-and-subgraphs';
const BODY = JSON.stringify({ query: '{ members { code } }' });
const ANALYST = encodeIdentity(identityOf('ana', ['analyst']));
const PROCUREMENT = encodeIdentity(identityOf('pro', ['procurement']));

/** Serves `app` on a free port of 127.0.0.1. */
async function serve(app: express.Express): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface Subgraph {
  url: string;
  /** Requests that got past the middleware. */
  reached: number;
  close(): Promise<void>;
}

/** A stand-in subgraph for member XK: signature check (which reads the body) → a handler echoing who called and what it read. */
async function startSubgraph(options: Partial<GatewaySignatureOptions> = {}, before: RequestHandler[] = []): Promise<Subgraph> {
  const app = express();
  const subgraph = { reached: 0 } as Subgraph;
  app.use('/graphql', ...before, requireGatewaySignature({ secret: SECRET, target: 'XK', ...options }), (req, res) => {
    subgraph.reached++;
    res.json({ identity: identityFromVerifiedRequest(req), body: req.body ?? null });
  });
  const { origin, close } = await serve(app);
  return Object.assign(subgraph, { url: origin, close });
}

function post(subgraph: Subgraph, headers: Record<string, string>, body = BODY, pathAndQuery = '/graphql') {
  return fetch(subgraph.url + pathAndQuery, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

const signed = (overrides: { body?: string; identity?: string; secret?: string; now?: number; pathAndQuery?: string; target?: string } = {}) => ({
  ...(overrides.identity === undefined ? {} : { [GATEWAY_HEADERS.identity]: overrides.identity }),
  ...signGatewayRequest(overrides.secret ?? SECRET, { target: overrides.target ?? 'XK', method: 'POST', pathAndQuery: overrides.pathAndQuery ?? '/graphql', body: overrides.body ?? BODY, identity: overrides.identity }, { now: overrides.now }),
});

async function refusal(response: Response): Promise<{ status: number; reason: unknown; code: unknown }> {
  const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
  return { status: response.status, reason: body.errors[0].extensions.reason, code: body.errors[0].extensions.code };
}

describe('requireGatewaySignature', () => {
  let subgraph: Subgraph;
  beforeEach(async () => {
    subgraph = await startSubgraph();
  });
  afterEach(() => subgraph.close());

  it('lets a request the gateway signed through, with the identity it forwarded', async () => {
    const response = await post(subgraph, signed({ identity: ANALYST }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ identity: { subject: 'ana', roles: ['analyst'], memberCodes: [] }, body: JSON.parse(BODY) });
  });

  it('passes a signed request without identity on as such (requireCallerIdentity refuses it)', async () => {
    expect(await (await post(subgraph, signed())).json()).toMatchObject({ identity: null });
  });

  it('signs exactly what a wrapped fetch sends, POST and GET alike', async () => {
    const signedFetch = signingFetcher(SECRET, 'XK', (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }) => fetch(url, init));
    const postResponse = await signedFetch(`${subgraph.url}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-JPG-Identity': PROCUREMENT }, body: BODY });
    expect(await postResponse.json()).toMatchObject({ identity: { subject: 'pro', roles: ['procurement'] } });
    const getResponse = await signedFetch(`${subgraph.url}/graphql?query=${encodeURIComponent('{ members { code } }')}`);
    expect(getResponse.status).toBe(200);
    expect(subgraph.reached).toBe(2);
  });

  it('accepts signature headers added by a hook just before the call', async () => {
    const init = { method: 'POST', headers: { 'content-type': 'application/json', 'x-jpg-identity': ANALYST }, body: BODY };
    Object.assign(init.headers, signatureHeadersForFetch(SECRET, 'XK', `${subgraph.url}/graphql`, init));
    expect(await (await fetch(`${subgraph.url}/graphql`, init)).json()).toMatchObject({ identity: { subject: 'ana' } });
  });

  it('refuses an unsigned request with 401, before GraphQL', async () => {
    expect(await refusal(await post(subgraph, {}))).toEqual({ status: 401, code: 'UNAUTHENTICATED', reason: 'SIGNATURE_MISSING' });
    expect(subgraph.reached).toBe(0);
  });

  it('refuses a request signed with another secret by its key id, and one whose key id was copied', async () => {
    expect(await refusal(await post(subgraph, signed({ secret: 'some-other-deployment-secret-of-enough-length' })))).toMatchObject({ status: 401, reason: 'SIGNATURE_UNKNOWN_KEY' });
    const forged = { ...signed({ secret: 'some-other-deployment-secret-of-enough-length' }), [GATEWAY_HEADERS.keyId]: (signed() as Record<string, string>)[GATEWAY_HEADERS.keyId] };
    expect(await refusal(await post(subgraph, forged))).toMatchObject({ status: 401, reason: 'SIGNATURE_INVALID' });
    expect(subgraph.reached).toBe(0);
  });

  it('refuses a request signed for another service, and one whose target header was changed to this one', async () => {
    expect(await refusal(await post(subgraph, signed({ target: 'AL' })))).toMatchObject({ status: 401, reason: 'SIGNATURE_WRONG_TARGET' });
    expect(await refusal(await post(subgraph, { ...signed({ target: 'AL' }), [GATEWAY_HEADERS.target]: 'XK' }))).toMatchObject({ status: 401, reason: 'SIGNATURE_INVALID' });
    expect(subgraph.reached).toBe(0);
  });

  it('refuses a request signed before its replay memory began (a restart), even within the window', async () => {
    expect(await refusal(await post(subgraph, signed({ now: Date.now() - 3000 })))).toMatchObject({ status: 401, reason: 'SIGNATURE_PREDATES_START' });
  });

  it('refuses a body over its limit with 413, without reading it all', async () => {
    const small = await startSubgraph({ maxBodyBytes: 1024 });
    try {
      const body = JSON.stringify({ query: `{ members { code } } # ${'x'.repeat(4096)}` });
      expect(await refusal(await post(small, signed({ body }), body))).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', reason: 'BODY_TOO_LARGE' });
      expect(small.reached).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('refuses a signed body that is not JSON', async () => {
    expect(await refusal(await post(subgraph, signed({ body: '{"query": ' }), '{"query": '))).toMatchObject({ status: 400, reason: 'BODY_NOT_JSON' });
  });

  it('refuses malformed signature headers', async () => {
    expect(await refusal(await post(subgraph, { ...signed(), [GATEWAY_HEADERS.signature]: 'v2=not base64' }))).toMatchObject({ reason: 'SIGNATURE_MALFORMED' });
    expect(await refusal(await post(subgraph, { ...signed(), [GATEWAY_HEADERS.timestamp]: 'yesterday' }))).toMatchObject({ reason: 'SIGNATURE_MALFORMED' });
  });

  it('refuses a stale request, and one dated in the future, outside the window', async () => {
    expect(await refusal(await post(subgraph, signed({ now: Date.now() - 6000 })))).toMatchObject({ status: 401, reason: 'SIGNATURE_STALE' });
    expect(await refusal(await post(subgraph, signed({ now: Date.now() + 6000 })))).toMatchObject({ status: 401, reason: 'SIGNATURE_STALE' });
    expect(subgraph.reached).toBe(0);
  });

  it('refuses a replayed request: the same nonce twice within the window', async () => {
    const headers = signed({ identity: ANALYST });
    expect((await post(subgraph, headers)).status).toBe(200);
    expect(await refusal(await post(subgraph, headers))).toMatchObject({ status: 401, reason: 'SIGNATURE_REPLAYED' });
    expect(subgraph.reached).toBe(1);
  });

  it('refuses a request whose body was changed after signing, even by whitespace', async () => {
    const headers = signed();
    expect(await refusal(await post(subgraph, headers, JSON.stringify({ query: 'mutation { admitMember(code: "ZZ") { code } }' })))).toMatchObject({ reason: 'SIGNATURE_INVALID' });
    expect(await refusal(await post(subgraph, signed(), JSON.stringify(JSON.parse(BODY), null, 1)))).toMatchObject({ reason: 'SIGNATURE_INVALID' });
  });

  it('refuses a request whose identity was swapped, added or removed after signing', async () => {
    expect(await refusal(await post(subgraph, { ...signed({ identity: ANALYST }), [GATEWAY_HEADERS.identity]: PROCUREMENT }))).toMatchObject({ reason: 'SIGNATURE_INVALID' });
    expect(await refusal(await post(subgraph, { ...signed(), [GATEWAY_HEADERS.identity]: PROCUREMENT }))).toMatchObject({ reason: 'SIGNATURE_INVALID' });
    const { [GATEWAY_HEADERS.identity]: _removed, ...withoutIdentity } = signed({ identity: ANALYST });
    expect(await refusal(await post(subgraph, withoutIdentity))).toMatchObject({ reason: 'SIGNATURE_INVALID' });
  });

  it('refuses a request sent to another path than the one signed', async () => {
    expect(await refusal(await post(subgraph, signed(), BODY, '/graphql?operation=other'))).toMatchObject({ reason: 'SIGNATURE_INVALID' });
  });
});

describe('requireGatewaySignature, configured', () => {
  it('uses the window it is given, on the clock it is given', async () => {
    const clock = { at: Date.now() };
    const subgraph = await startSubgraph({ windowSeconds: 30, now: () => clock.at });
    try {
      const headers = signed({ now: clock.at });
      clock.at += 20_000;
      expect((await post(subgraph, headers)).status).toBe(200);
      clock.at += 11_000;
      expect(await refusal(await post(subgraph, signed({ now: clock.at - 31_000 })))).toMatchObject({ reason: 'SIGNATURE_STALE' });
    } finally {
      await subgraph.close();
    }
  });

  it('turns requests away with 503 rather than forget a nonce still in its window', async () => {
    const subgraph = await startSubgraph({ nonces: memoryState({ capacity: 2 }) });
    try {
      expect((await post(subgraph, signed())).status).toBe(200);
      expect((await post(subgraph, signed())).status).toBe(200);
      expect(await refusal(await post(subgraph, signed()))).toMatchObject({ status: 503, reason: 'REPLAY_MEMORY_FULL' });
    } finally {
      await subgraph.close();
    }
  });

  it('fails closed when a JSON parser in front of it has already read the body', async () => {
    const subgraph = await startSubgraph({}, [express.json()]);
    try {
      expect(await refusal(await post(subgraph, signed()))).toMatchObject({ status: 401, reason: 'SIGNATURE_BODY_NOT_CAPTURED' });
      expect(subgraph.reached).toBe(0);
    } finally {
      await subgraph.close();
    }
  });

  it('accepts the previous secret during a rotation, telling the keys apart by id', async () => {
    const NEW = 'the-new-deployment-secret-after-rotation-0001';
    const subgraph = await startSubgraph({ secret: NEW, previousSecrets: [SECRET] });
    try {
      expect((await post(subgraph, signed({ secret: NEW }))).status).toBe(200);
      expect((await post(subgraph, signed({ secret: SECRET }))).status).toBe(200);
      expect(await refusal(await post(subgraph, signed({ secret: 'a-third-secret-nobody-configured-here-000' })))).toMatchObject({ reason: 'SIGNATURE_UNKNOWN_KEY' });
    } finally {
      await subgraph.close();
    }
  });

  it('reports each refusal to onRefused', async () => {
    const reasons: string[] = [];
    const subgraph = await startSubgraph({ onRefused: (reason) => reasons.push(reason) });
    try {
      await post(subgraph, {});
      await post(subgraph, signed({ secret: 'some-other-deployment-secret-of-enough-length' }));
      expect(reasons).toEqual(['SIGNATURE_MISSING', 'SIGNATURE_UNKNOWN_KEY']);
    } finally {
      await subgraph.close();
    }
  });

  it('refuses to start with a short secret', () => {
    expect(() => requireGatewaySignature({ secret: 'too-short', target: 'XK' })).toThrow('at least 32 bytes');
  });
});

describe('identity headers from clients', () => {
  it('are never read from a request the signature check did not accept', async () => {
    const app = express();
    app.post('/graphql', express.json(), (req, res) => {
      try {
        res.json({ identity: identityFromVerifiedRequest(req) });
      } catch (error) {
        res.status(500).json({ error: (error as Error).message });
      }
    });
    const server = await serve(app);
    try {
      const response = await fetch(`${server.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [GATEWAY_HEADERS.identity]: PROCUREMENT },
        body: BODY,
      });
      expect(response.status).toBe(500);
      expect(((await response.json()) as { error: string }).error).toMatch(/not checked by requireGatewaySignature/);
    } finally {
      await server.close();
    }
  });

  it('are dropped at the gateway before anything can pass them on', async () => {
    const app = express();
    app.use(dropClientGatewayHeaders, (req, res) => res.json(Object.keys(req.headers).filter((name) => name.startsWith('x-jpg-'))));
    const server = await serve(app);
    try {
      const response = await fetch(`${server.origin}/graphql`, { headers: { ...signed({ identity: PROCUREMENT }), 'x-jpg-other': '1' } });
      expect(await response.json()).toEqual(['x-jpg-other']);
    } finally {
      await server.close();
    }
  });
});

describe('signGatewayRequest', () => {
  it('gives every request a nonce of its own, across many refills of its random pool', () => {
    const nonces = Array.from({ length: 2000 }, () => signGatewayRequest(SECRET, { target: 'XK', method: 'POST', pathAndQuery: '/graphql', body: '{}' })[GATEWAY_HEADERS.nonce]);
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('still refuses a secret that is too short, on every call', () => {
    expect(() => signGatewayRequest('short', { target: 'XK', method: 'POST', pathAndQuery: '/graphql' })).toThrow(/at least/);
    expect(() => signGatewayRequest('short', { target: 'XK', method: 'POST', pathAndQuery: '/graphql' })).toThrow(/at least/);
  });
});
