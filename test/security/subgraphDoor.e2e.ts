/**
 * What a subgraph checks at its door, on the real federation: a signed
 * request must name a caller (the gateway's own calls name its service
 * identity, which reads only `_service` and `__typename`), and a request is
 * refused on its headers before its body is read — an unsigned 4 MB body
 * costs the subgraph a few kilobytes, measured on the server's socket.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { GATEWAY_SERVICE_IDENTITY } from '../../lib/security/identityHeaders';
import { readSigningConfig } from '../../lib/security/config';
import { signGatewayRequest } from '../../lib/security/requestSignature';
import { RunningServer, startSubgraphServer } from '../../lib/http/subgraphServer';
import { contextFactory } from '../../services/country/context';
import { buildCountrySchema } from '../../services/country/schema';
import { Federation, startFederation } from '../testkit/federation';
import { signedGraphQL } from '../testkit/signedFetch';

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation({ members: ['XK'] });
}, 240_000);
afterAll(() => federation?.stop());

const ENTITIES = '{ _entities(representations: [{ __typename: "Country", code: "XK" }]) { ... on Country { ministry { name minister } } } }';

async function answer(response: Response): Promise<{ status: number; data?: any; code?: unknown; reason?: unknown }> {
  const body = (await response.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, unknown> }> };
  return { status: response.status, data: body.data, code: body.errors?.[0]?.extensions?.code, reason: body.errors?.[0]?.extensions?.reason };
}

describe('a signed request without a caller', () => {
  it('is refused with 401 IDENTITY_MISSING, _entities included', async () => {
    const refused = await answer(await signedGraphQL(federation.members.XK.url, ENTITIES, undefined, { as: null }));
    expect(refused).toEqual({ status: 401, data: undefined, code: 'UNAUTHENTICATED', reason: 'IDENTITY_MISSING' });
  });

  it('with the gateway\'s service identity, reads the SDL and __typename, and nothing else', async () => {
    const sdl = await answer(await signedGraphQL(federation.members.XK.url, '{ _service { sdl } __typename }', undefined, { as: GATEWAY_SERVICE_IDENTITY }));
    expect(sdl.status).toBe(200);
    expect(sdl.data._service.sdl).toMatch(/type Ministry/);
    for (const query of [ENTITIES, '{ ministry(country: "XK") { name } }', '{ _service { sdl } ministry(country: "XK") { name } }', 'query A { _service { sdl } } query B { ministry(country: "XK") { name } }']) {
      expect(await answer(await signedGraphQL(federation.members.XK.url, query, undefined, { as: GATEWAY_SERVICE_IDENTITY }))).toMatchObject({ status: 403, code: 'FORBIDDEN', reason: 'SERVICE_HAS_NO_DATA_RIGHTS' });
    }
    const mutation = 'mutation { setMinistry(country: "XK", input: { name: "x", minister: "y", headquarters: "z" }) { name } }';
    expect(await answer(await signedGraphQL(federation.members.XK.url, mutation, undefined, { as: GATEWAY_SERVICE_IDENTITY }))).toMatchObject({ status: 403, reason: 'SERVICE_HAS_NO_DATA_RIGHTS' });
  });

  it('is what the gateway\'s own contract checks send: the member passes its check and answers callers', async () => {
    await federation.members.XK.stop();
    // Asked while down, the member is marked down; once back it is checked again before it is asked.
    expect((await federation.query('{ ministry(country: "XK") { name } }', undefined, { as: 'analyst' })).errors?.[0].extensions?.code).toBe('MEMBER_UNAVAILABLE');
    await federation.members.XK.start();
    federation.resetRequestCounts();
    const { data, errors } = await federation.query('{ ministry(country: "XK") { name } }', undefined, { as: 'analyst' });
    expect(errors).toBeUndefined();
    expect(data.ministry.name).toMatch(/Kosovo/);
    // The restarted member was checked again (a `_service` request) before it was asked.
    expect(federation.requests('XK').map((r) => r.query)).toEqual([expect.stringContaining('_service'), expect.stringContaining('ministry')]);
  });
});

describe('a body on a request refused by its headers', () => {
  const FOUR_MB = 4 * 1024 * 1024;
  let server: RunningServer;
  const refusedSockets: Socket[] = [];

  beforeAll(async () => {
    // XK's own schema and database behind the real subgraph server, with a hook that notes each refused request's socket.
    server = await startSubgraphServer({
      name: 'country-XK',
      signatureTarget: 'XK',
      schema: await buildCountrySchema(),
      context: contextFactory('XK', federation.members.XK.service.dataSource),
      gatewaySignature: { onRefused: (_reason, req) => refusedSockets.push(req.socket) },
    });
  });
  afterAll(() => server?.stop());

  /** POSTs a 4 MB JSON body in 64 KiB writes; resolves with the answer once the connection is over, and the server's bytes read. */
  function sendFourMegabytes(headers: Record<string, string>): Promise<{ status?: number; body: string; clientWrote: number; serverRead: number }> {
    const url = new URL(server.url);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    return new Promise((resolve) => {
      let status: number | undefined;
      let body = '';
      let wrote = 0;
      const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(FOUR_MB), ...headers } });
      const done = () => {
        const socket = refusedSockets.at(-1);
        // The server's socket is closed by now (or closes at once): its byte count is final.
        setTimeout(() => resolve({ status, body, clientWrote: wrote, serverRead: socket?.bytesRead ?? -1 }), 50);
      };
      request.on('response', (response) => {
        status = response.statusCode;
        response.setEncoding('utf8');
        response.on('data', (text) => (body += text));
        response.on('end', done);
        response.on('error', done);
      });
      request.on('error', () => (status === undefined ? done() : undefined));
      const writeMore = (): void => {
        while (wrote < FOUR_MB && !request.destroyed) {
          wrote += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', writeMore);
        }
        if (wrote >= FOUR_MB) request.end();
      };
      request.write('{"query":"{ __typename }", "padding": "');
      writeMore();
    });
  }

  it.each([
    ['unsigned', () => ({}), 'SIGNATURE_MISSING'],
    ['signed a minute ago', () => signGatewayRequest(readSigningConfig().secret, { target: 'XK', method: 'POST', pathAndQuery: '/graphql', body: 'x' }, { now: Date.now() - 60_000 }), 'SIGNATURE_STALE'],
    ['signed for another member', () => signGatewayRequest(readSigningConfig().secret, { target: 'AL', method: 'POST', pathAndQuery: '/graphql', body: 'x' }), 'SIGNATURE_WRONG_TARGET'],
  ] as [string, () => Record<string, string>, string][])('is not read when the request is %s: 401, and the server reads a fraction of the 4 MB', async (_case, headers, reason) => {
    const outcome = await sendFourMegabytes(headers());
    expect(outcome.status).toBe(401);
    expect(JSON.parse(outcome.body).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason });
    expect(outcome.serverRead).toBeGreaterThan(0);
    expect(outcome.serverRead).toBeLessThan(FOUR_MB / 4);
    console.log(`${_case}: the server read ${outcome.serverRead} bytes of the ${FOUR_MB}-byte request`);
  });
});
