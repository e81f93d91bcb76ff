/**
 * Transfer over the real gateway: large GraphQL answers and the web apps'
 * assets go out compressed (brotli or gzip, as Accept-Encoding asks) and
 * decompress to exactly the bytes sent uncompressed; small answers go out
 * as they are; hashed assets are cached for a year, the pages revalidated.
 * Plain node:http, so nothing decompresses behind the test's back.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { DEFAULT_COMPRESS_MIN_BYTES } from '../http/compressAnswers';
import { Federation, startFederation } from '../../test/testkit/federation';
import { ensureWebBuilt } from '../../test/browser/webBuild';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const { hostname, port, pathname, search } = new URL(url);
    const request = http.request({ hostname, port, path: pathname + search, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

const decoded = (answer: RawAnswer): Buffer => {
  const coding = answer.headers['content-encoding'];
  if (coding === 'br') return zlib.brotliDecompressSync(answer.body);
  if (coding === 'gzip') return zlib.gunzipSync(answer.body);
  if (coding === undefined) return answer.body;
  throw new Error(`unexpected Content-Encoding ${coding}`);
};

const WEB_DIST = path.resolve(__dirname, '..', '..', 'web', 'dist');

let federation: Federation;

beforeAll(async () => {
  ensureWebBuilt();
  federation = await startFederation({ members: ['XK', 'AL', 'HR', 'BG'] });
}, 240_000);

afterAll(() => federation?.stop());

describe('GraphQL answers', () => {
  // Every member's holdings with their items and every order with its lines: well over the threshold on the demo data.
  const LARGE = `{ members { code name holdings { id quantity status unit category natoStandard item { nsn name } } requirements { id reference quantity priority neededBy status } }
                   jointOrders { reference title status lines { id quantity item { nsn name } } } }`;
  const SMALL = '{ members { code } }';

  const post = async (query: string, acceptEncoding?: string) =>
    raw(federation.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await federation.authorization('analyst')), ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
      body: JSON.stringify({ query }),
    });

  it('a large answer is sent uncompressed to a client that takes no compression', async () => {
    const plain = await post(LARGE);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThanOrEqual(DEFAULT_COMPRESS_MIN_BYTES);
    expect(JSON.parse(plain.body.toString()).errors).toBeUndefined();
  });

  it.each([
    ['br', 'gzip, deflate, br'],
    ['gzip', 'gzip, deflate'],
    ['gzip', 'br;q=0, gzip'],
  ])('a large answer goes out as %s (Accept-Encoding: %s) and decompresses to the same bytes, in fewer', async (coding, acceptEncoding) => {
    const plain = await post(LARGE);
    const compressed = await post(LARGE, acceptEncoding);
    expect(compressed.status).toBe(200);
    expect(compressed.headers['content-encoding']).toBe(coding);
    expect(compressed.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(compressed.headers['content-length'])).toBe(compressed.body.length);
    expect(compressed.body.length).toBeLessThan(plain.body.length / 3);
    expect(decoded(compressed).equals(plain.body)).toBe(true);
  });

  it('a small answer is sent as it is, even to a client that takes brotli', async () => {
    const answer = await post(SMALL, 'gzip, deflate, br');
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBeLessThan(DEFAULT_COMPRESS_MIN_BYTES);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(answer.body.toString()).data.members.length).toBe(4);
  });

  it('a client that refuses every coding gets the answer as it is', async () => {
    const answer = await post(LARGE, 'identity, *;q=0');
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(answer.body.toString()).errors).toBeUndefined();
  });
});

describe('web assets', () => {
  /** The playground's largest script, as the build wrote it. */
  const largestScript = (): string => {
    const assets = path.join(WEB_DIST, 'playground', 'assets');
    const scripts = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
    return scripts.sort((a, b) => fs.statSync(path.join(assets, b)).size - fs.statSync(path.join(assets, a)).size)[0];
  };
  const get = (urlPath: string, acceptEncoding?: string) => raw(`${federation.gatewayOrigin}${urlPath}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it.each([
    ['br', 'gzip, deflate, br, zstd'],
    ['gzip', 'gzip, deflate'],
  ])('a hashed script goes out as %s, decompressing to the built file, cached for a year', async (coding, acceptEncoding) => {
    const name = largestScript();
    const onDisk = fs.readFileSync(path.join(WEB_DIST, 'playground', 'assets', name));
    const plain = await get(`/playground/assets/${name}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(onDisk)).toBe(true);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);

    const compressed = await get(`/playground/assets/${name}`, acceptEncoding);
    expect(compressed.status).toBe(200);
    expect(compressed.headers['content-encoding']).toBe(coding);
    expect(compressed.headers['content-type']).toMatch(/^text\/javascript/);
    expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(compressed.headers.vary).toMatch(/accept-encoding/i);
    expect(compressed.body.length).toBeLessThan(onDisk.length / 2);
    expect(decoded(compressed).equals(onDisk)).toBe(true);
  });

  it('the page itself is revalidated on every load', async () => {
    const page = await get('/playground/', 'gzip, br');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(decoded(page).toString()).toContain('<div id="root">');
  });

  it('never serves a compressed variant under its own name', async () => {
    const name = largestScript();
    expect(fs.existsSync(path.join(WEB_DIST, 'playground', 'assets', `${name}.br`))).toBe(true);
    expect((await get(`/playground/assets/${name}.br`)).status).toBe(404);
    expect((await get(`/playground/assets/${name}.gz`, 'gzip')).status).toBe(404);
  });
});
