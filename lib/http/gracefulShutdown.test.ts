/**
 * The drain of an HTTP server and kept-alive connections: a client that sends
 * its next request on a connection the moment the drain begins gets an
 * answer (with `Connection: close`), not a reset; a connection that stays
 * idle is closed in order after the linger. (The whole shutdown of real
 * processes during a burst: test/shutdown/gracefulShutdown.e2e.ts.)
 */
import http from 'node:http';
import net from 'node:net';
import { drainable, IDLE_LINGER_MS } from './gracefulShutdown';

let server: http.Server;
let port: number;

beforeEach(async () => {
  server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterEach(() => {
  server.closeAllConnections();
  server.close();
});

/** A kept-alive connection: send a request, read the whole answer (status line and headers), and how it closed. */
async function keptAlive() {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let reset = false;
  socket.on('error', (error: NodeJS.ErrnoException) => (reset ||= error.code === 'ECONNRESET' || error.code === 'EPIPE'));
  const closed = new Promise<{ reset: boolean }>((resolve) => socket.once('close', () => resolve({ reset })));
  socket.setEncoding('utf8');
  const ask = (): Promise<string> =>
    new Promise((resolve, reject) => {
      let raw = '';
      const onData = (chunk: string) => {
        raw += chunk;
        if (/\r\n\r\nok$/.test(raw) || /\r\n\r\n2\r\nok\r\n0\r\n\r\n$/.test(raw)) {
          socket.off('data', onData);
          resolve(raw);
        }
      };
      socket.on('data', onData);
      socket.once('close', () => reject(new Error(`closed before an answer: ${JSON.stringify(raw)}`)));
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    });
  return { ask, closed };
}

it('answers a request sent on an idle kept-alive connection just after the drain began, with Connection: close', async () => {
  const drain = drainable(server);
  const client = await keptAlive();
  expect(await client.ask()).toMatch(/^HTTP\/1\.1 200[^]*connection: keep-alive/i);
  const drained = drain.drain(5000);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await client.ask()).toMatch(/^HTTP\/1\.1 200[^]*connection: close/i);
  expect(await client.closed).toEqual({ reset: false });
  expect(await drained).toEqual({ gracefully: true });
});

it('closes a kept-alive connection that stays idle in order once the linger is over, and the drain ends', async () => {
  const drain = drainable(server);
  const client = await keptAlive();
  await client.ask();
  const began = Date.now();
  expect(await drain.drain(5000)).toEqual({ gracefully: true });
  expect(await client.closed).toEqual({ reset: false });
  const took = Date.now() - began;
  expect(took).toBeGreaterThanOrEqual(IDLE_LINGER_MS - 50);
});
