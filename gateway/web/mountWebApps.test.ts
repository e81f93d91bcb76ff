import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { BUILD_WEB_COMMAND, mountWebApps } from './mountWebApps';

/** An express app with the web apps mounted over `distDir`, listening on a free port. */
async function serve(distDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  mountWebApps(app, { distDir });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function writeFile(root: string, relative: string, content: string): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

describe('mountWebApps', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-web-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('with built apps', () => {
    const distDir = path.join(tmp, 'built');
    let server: Awaited<ReturnType<typeof serve>>;
    beforeAll(async () => {
      for (const webApp of ['playground', 'dashboard']) {
        writeFile(distDir, `${webApp}/index.html`, `<!doctype html><title>${webApp}</title>`);
        writeFile(distDir, `${webApp}/assets/index-Ab12Cd34.js`, `console.log(${JSON.stringify(webApp)})`);
        writeFile(distDir, `${webApp}/assets/index-Ef56Gh78.css`, 'body{margin:0}');
        writeFile(distDir, `${webApp}/assets/codicon-Zz99Yy88.ttf`, 'font');
      }
      server = await serve(distDir);
    });
    afterAll(() => server.close());

    it('redirects / to the playground', async () => {
      const response = await fetch(`${server.url}/`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/playground/');
    });

    it.each(['playground', 'dashboard'])('serves the %s page as HTML that is revalidated on every load', async (webApp) => {
      const response = await fetch(`${server.url}/${webApp}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain(`<title>${webApp}</title>`);
    });

    it('restricts the pages to their own origin with a Content-Security-Policy', async () => {
      const policy = (await fetch(`${server.url}/dashboard/`)).headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).not.toMatch(/https?:/);
    });

    it('redirects the app path without a slash to the folder', async () => {
      const response = await fetch(`${server.url}/dashboard`, { redirect: 'manual' });
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe('/dashboard/');
    });

    it.each([
      ['assets/index-Ab12Cd34.js', /^text\/javascript/],
      ['assets/index-Ef56Gh78.css', /^text\/css/],
      ['assets/codicon-Zz99Yy88.ttf', /^font\/ttf/],
    ])('serves the hashed asset %s with its content type and a one-year immutable cache', async (asset, contentType) => {
      const response = await fetch(`${server.url}/playground/${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(contentType);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    });

    it('serves the variant the build precompressed in the coding the client takes, and the plain file otherwise', async () => {
      const script = `console.log(${JSON.stringify('x'.repeat(2000))})`;
      writeFile(distDir, 'playground/assets/big-Qq11Ww22.js', script);
      fs.writeFileSync(path.join(distDir, 'playground/assets/big-Qq11Ww22.js.br'), zlib.brotliCompressSync(script));
      fs.writeFileSync(path.join(distDir, 'playground/assets/big-Qq11Ww22.js.gz'), zlib.gzipSync(script));
      const url = `${server.url}/playground/assets/big-Qq11Ww22.js`;
      // fetch decompresses by itself: the header says what went over the wire.
      for (const [accept, coding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['identity', null]] as const) {
        const response = await fetch(url, { headers: { 'accept-encoding': accept } });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-encoding')).toBe(coding);
        expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
        expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(response.headers.get('vary')).toBe('Accept-Encoding');
        expect(await response.text()).toBe(script);
      }
      // A file without variants does not vary.
      expect((await fetch(`${server.url}/playground/assets/index-Ab12Cd34.js`, { headers: { 'accept-encoding': 'br' } })).headers.get('vary')).toBeNull();
      expect((await fetch(`${url}.br`)).status).toBe(404);
    });

    it('serves each app from its own folder', async () => {
      expect(await (await fetch(`${server.url}/dashboard/assets/index-Ab12Cd34.js`)).text()).toBe('console.log("dashboard")');
      expect(await (await fetch(`${server.url}/playground/assets/index-Ab12Cd34.js`)).text()).toBe('console.log("playground")');
    });

    it('answers 404 for a file the build did not write and never leaves the app folder', async () => {
      expect((await fetch(`${server.url}/playground/assets/missing-00000000.js`)).status).toBe(404);
      writeFile(tmp, 'secret.txt', 'not for the web');
      expect((await fetch(`${server.url}/playground/..%2F..%2Fsecret.txt`)).status).toBe(404);
    });
  });

  describe('before the web apps are built', () => {
    let server: Awaited<ReturnType<typeof serve>>;
    beforeAll(async () => {
      server = await serve(path.join(tmp, 'never-built'));
    });
    afterAll(() => server.close());

    it.each(['playground', 'dashboard'])('answers 503 for the %s with a page naming the build command', async (webApp) => {
      const response = await fetch(`${server.url}/${webApp}/`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const page = await response.text();
      expect(page).toContain(BUILD_WEB_COMMAND);
      expect(page).toContain(`The ${webApp} has not been built`);
    });

    it('serves an app as soon as it is built, without a restart', async () => {
      writeFile(path.join(tmp, 'never-built'), 'dashboard/index.html', '<title>late build</title>');
      const response = await fetch(`${server.url}/dashboard/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('late build');
    });
  });
});
