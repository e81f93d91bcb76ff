/**
 * Tracing switched on by the standard variables in a real service process:
 * a member's country subgraph started with OTEL_TRACES_EXPORTER=otlp exports
 * over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (a collector of our own
 * here), as country-XK, the spans of a request joining the caller's trace
 * (its `traceparent`) down to the SQL statements; the last batch is flushed
 * on SIGTERM.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, TestDatabase } from '../testkit/database';
import { signedFetch } from '../testkit/signedFetch';
import { startServiceProcess, stopServiceProcesses } from '../testkit/serviceProcess';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN = '00f067aa0ba902b7';

interface OtlpTraces {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{ spans: Array<{ traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes: unknown[] }> }>;
  }>;
}

let database: TestDatabase;
let collector: http.Server;
const received: Array<{ path: string; body: string }> = [];

beforeAll(async () => {
  database = await createTestDatabase('country_XK');
  collector = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
}, 120_000);

afterAll(async () => {
  await stopServiceProcesses();
  await new Promise((resolve) => collector?.close(resolve));
  await database?.drop();
});

it("exports a request's spans, under the caller's trace, to the OTLP endpoint, flushed on SIGTERM", async () => {
  const xk = await startServiceProcess({
    name: 'XK',
    entry: 'services/country/index.ts',
    args: ['--member', 'XK'],
    env: { PORT: '0', DATABASE_URL: database.url, OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}` },
  });
  const response = await signedFetch(
    xk.url,
    { method: 'POST', headers: { 'content-type': 'application/json', traceparent: `00-${TRACE_ID}-${PARENT_SPAN}-01` }, body: JSON.stringify({ query: '{ ministry(country: "XK") { name } }' }) },
    { target: 'XK' },
  );
  expect(response.status).toBe(200);
  expect(((await response.json()) as { data: { ministry: { name: string } } }).data.ministry.name).toMatch(/Kosovo/);

  const exit = await xk.stop();
  expect(exit.code).toBe(0);
  const traces = received.filter((r) => r.path === '/v1/traces');
  expect(traces.length).toBeGreaterThanOrEqual(1);
  // OTLP/HTTP JSON (the exporter's default encoding).
  const batches = traces.map((r) => JSON.parse(r.body) as OtlpTraces);
  const resources = batches.flatMap((b) => b.resourceSpans);
  expect(new Set(resources.flatMap((r) => r.resource.attributes.filter((a) => a.key === 'service.name').map((a) => a.value.stringValue)))).toEqual(new Set(['country-XK']));
  const spans = resources.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
  const server = spans.find((s) => s.name === 'graphql.request')!;
  expect(server).toMatchObject({ traceId: TRACE_ID, parentSpanId: PARENT_SPAN, kind: 2 });
  const statements = spans.filter((s) => s.name === 'db.query' && s.parentSpanId === server.spanId);
  expect(statements.length).toBeGreaterThanOrEqual(1);
  expect(statements.every((s) => s.traceId === TRACE_ID)).toBe(true);
  expect(statements[0].attributes).toEqual(expect.arrayContaining([{ key: 'db.operation.name', value: { stringValue: 'select' } }]));
}, 180_000);
