/**
 * SIGTERM to a real gateway process and a real subgraph process in the middle
 * of a burst of 60 requests: every request in flight is answered (with
 * `Connection: close`), readiness turns 503 at once, no new connection is
 * accepted, an idle kept-alive connection is closed, and the process exits 0
 * within the grace period. A request that
 * never completes is cut at the end of the grace period, and the process
 * still exits. The requests are held in flight deterministically: each is
 * sent but for its last bytes until the signal has gone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, TestDatabase } from '../testkit/database';
import { CONTRACT_SDL, Federation, PROCUREMENT_SDL, startFederation, tokenFor } from '../testkit/federation';
import { ServiceProcess, startServiceProcess, stopServiceProcesses } from '../testkit/serviceProcess';
import { gatewayHeaders } from '../testkit/signedFetch';
import { acceptsConnections, sendAllButTheEnd, sendRaw, SlowRequest } from '../testkit/slowClient';

const BURST = 60;
// Generous, so a loaded CI machine finishes the burst inside it; the test still sees the process exit before it ends.
const GRACE_MS = 15_000;

afterAll(stopServiceProcesses);

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The shared scenario: `burst` requests and a readiness probe held in flight,
 * SIGTERM, then everything finished; returns what came back and when the
 * process exited.
 */
async function terminateDuringBurst(service: ServiceProcess, burst: () => Promise<SlowRequest>) {
  // A kept-alive connection that has been answered and sits idle.
  const idle = await sendRaw(service.port, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
  expect((await idle.answer).headers.connection).toBe('keep-alive');
  const requests = await Promise.all(Array.from({ length: BURST }, burst));
  const readiness = await sendRaw(service.port, 'GET /ready HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  const signalledAt = Date.now();
  service.signal('SIGTERM');
  await until(async () => !(await acceptsConnections(service.port)), 'the listener to stop accepting');
  // The idle kept-alive connection is closed in order (not reset) while the burst is still in flight.
  expect(await idle.closed).toEqual({ reset: false });
  readiness.finish('\r\n');
  for (const request of requests) request.finish();
  const answers = await Promise.all(requests.map((r) => r.answer.catch((error: Error) => ({ status: 0, headers: {} as Record<string, string>, body: error.message }))));
  const ready = await readiness.answer;
  const exit = await service.exited;
  return { answers, ready, exit, stoppedAfterMs: exit.at - signalledAt };
}

describe('a subgraph process (country XK) on SIGTERM during a burst', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('country_XK_shutdown');
  });
  afterAll(() => database?.drop());

  it('answers every request in flight, turns unready at once, takes no new connection and exits within the grace period', async () => {
    const xk = await startServiceProcess({ name: 'XK', entry: 'services/country/index.ts', args: ['--member', 'XK'], env: { PORT: '0', DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: String(GRACE_MS) } });
    const body = JSON.stringify({ query: '{ ministry(country: "XK") { name } holdings(country: "XK") { quantity } }' });
    const { answers, ready, exit, stoppedAfterMs } = await terminateDuringBurst(xk, () =>
      sendAllButTheEnd(xk.url, { headers: gatewayHeaders(xk.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }, { target: 'XK' }), body }),
    );

    expect(answers.map((a) => a.status)).toEqual(Array(BURST).fill(200));
    for (const answer of answers) {
      expect(JSON.parse(answer.body).data.ministry.name).toMatch(/Kosovo/);
      expect(answer.headers.connection).toBe('close');
    }
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toMatchObject({ ready: false, draining: true });
    expect(ready.headers.connection).toBe('close');
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(stoppedAfterMs).toBeLessThan(GRACE_MS);
    expect(xk.output()).toMatch(/SIGTERM: stopping the country subgraph of XK/);
  });

  it('cuts a request that never completes when the grace period ends, and still exits', async () => {
    const graceMs = 1500;
    const xk = await startServiceProcess({ name: 'XK', entry: 'services/country/index.ts', args: ['--member', 'XK'], env: { PORT: '0', DATABASE_URL: database.url, SHUTDOWN_GRACE_MS: String(graceMs) } });
    // A request whose headers never end: the service cannot even start on it.
    const straggler = await sendRaw(xk.port, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const signalledAt = Date.now();
    xk.signal('SIGTERM');
    await expect(straggler.answer).rejects.toThrow(/connection closed before a whole answer/);
    const exit = await xk.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - signalledAt).toBeGreaterThanOrEqual(graceMs - 100);
    expect(exit.at - signalledAt).toBeLessThan(graceMs + 3000);
    expect(xk.output()).toMatch(/requests still running after the grace period were cut off/);
  });
});

describe('a gateway process on SIGTERM during a burst', () => {
  let federation: Federation;
  let configDir: string;

  beforeAll(async () => {
    // The subgraphs run in this test process; only the gateway is its own process.
    federation = await startFederation({ members: ['XK', 'AL'] });
    configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-shutdown-'));
    const members = Object.fromEntries(Object.values(federation.members).map((m) => [m.code, { url: m.url }]));
    fs.writeFileSync(
      path.join(configDir, 'federation.json'),
      JSON.stringify({
        gateway: { port: 0, host: '127.0.0.1' },
        subgraphs: [
          { name: 'procurement', url: federation.procurement.url, sdl: PROCUREMENT_SDL },
          { name: 'country', sdl: CONTRACT_SDL, sharded: { key: ['code', 'countryCode'], argument: 'country', members } },
        ],
      }),
    );
  }, 240_000);

  afterAll(async () => {
    await federation?.stop();
    if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
  });

  it('answers every request in flight, turns unready at once, takes no new connection and exits within the grace period', async () => {
    const gateway = await startServiceProcess({
      name: 'gateway',
      entry: 'gateway/index.ts',
      env: { PORT: '0', GATEWAY_CONFIG: path.join(configDir, 'federation.json'), SHUTDOWN_GRACE_MS: String(GRACE_MS) },
    });
    const authorization = `Bearer ${await tokenFor('analyst')}`;
    // Procurement and both members in every request.
    const body = JSON.stringify({ query: '{ members { code } xk: ministry(country: "XK") { name } al: ministry(country: "AL") { name } }' });
    const { answers, ready, exit, stoppedAfterMs } = await terminateDuringBurst(gateway, () =>
      sendAllButTheEnd(gateway.url, { headers: { 'content-type': 'application/json', authorization }, body }),
    );

    expect(answers.map((a) => a.status)).toEqual(Array(BURST).fill(200));
    for (const answer of answers) {
      const { data, errors } = JSON.parse(answer.body);
      expect(errors).toBeUndefined();
      expect(data.members.map((m: { code: string }) => m.code)).toContain('XK');
      expect(data.xk.name).toMatch(/Kosovo/);
      expect(data.al.name).toMatch(/Albania/);
      expect(answer.headers.connection).toBe('close');
    }
    expect(ready.status).toBe(503);
    expect(ready.headers.connection).toBe('close');
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(stoppedAfterMs).toBeLessThan(GRACE_MS);
    expect(gateway.output()).toMatch(/SIGTERM: stopping the gateway/);
  });
});
