/**
 * Traces over a real federation (procurement, XK, AL, HR in this process,
 * spans into an InMemorySpanExporter): one trace from the client's request
 * at the gateway through the plan, each fetch and each member call into each
 * subgraph's server span and its SQL statements, carried between processes'
 * HTTP hops only by the W3C `traceparent` header.
 */
import type { RequestHandler } from 'express';
import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { setupTracing, Tracing } from '../../lib/observability/tracing';
import { Federation, startFederation } from '../testkit/federation';

const MEMBERS_QUERY = 'query MembersAndMinistries { members { code ministry { name } } }';
const MEMBERS = ['XK', 'AL', 'HR'];

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let federation: Federation;
/** The traceparent header of every request reaching a subgraph, by subgraph. */
const traceparents: Array<{ subgraph: string; traceparent?: string }> = [];

const recordTraceparent: RequestHandler = (req, _res, next) => {
  traceparents.push({ subgraph: req.header('host') ?? '', traceparent: req.header('traceparent') });
  next();
};

beforeAll(async () => {
  tracing = setupTracing({ serviceName: 'federation-under-test', exporter });
  federation = await startFederation({ subgraphBefore: [recordTraceparent] });
}, 240_000);

afterAll(async () => {
  await federation?.stop();
  await tracing?.shutdown();
});

const attr = (span: ReadableSpan, name: string) => span.attributes[name];
const parentOf = (span: ReadableSpan, all: ReadableSpan[]) => all.find((s) => s.spanContext().spanId === span.parentSpanContext?.spanId);
const ancestors = (span: ReadableSpan, all: ReadableSpan[]): ReadableSpan[] => {
  const chain: ReadableSpan[] = [];
  for (let parent = parentOf(span, all); parent; parent = parentOf(parent, all)) chain.push(parent);
  return chain;
};

/** Waits until the spans of the request `requestId` include every subgraph's server span (they end as their answers close). */
async function traceOf(requestId: string): Promise<{ root: ReadableSpan; spans: ReadableSpan[] }> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const finished = exporter.getFinishedSpans();
    const root = finished.find((s) => s.name === 'graphql.request' && attr(s, 'jpg.service') === 'gateway' && attr(s, 'jpg.request_id') === requestId);
    const spans = root ? finished.filter((s) => s.spanContext().traceId === root.spanContext().traceId) : [];
    const servers = spans.filter((s) => s.name === 'graphql.request' && attr(s, 'jpg.service') !== 'gateway');
    if (root && servers.length >= 1 + MEMBERS.length) return { root, spans };
    if (Date.now() > deadline) throw new Error(`trace of ${requestId} incomplete: ${spans.map((s) => s.name).join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a trace of one cross-member query', () => {
  let root: ReadableSpan;
  let spans: ReadableSpan[];

  beforeAll(async () => {
    exporter.reset();
    traceparents.length = 0;
    const answer = await federation.query(MEMBERS_QUERY, undefined, { headers: { 'x-request-id': 'traced-1' } });
    expect(answer.data?.members.length).toBeGreaterThanOrEqual(3);
    ({ root, spans } = await traceOf('traced-1'));
  });

  it('starts at the gateway with the request, its operation and outcome', () => {
    expect(root.parentSpanContext).toBeUndefined();
    expect(root.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/graphql', 'http.response.status_code': 200, 'graphql.operation.name': 'MembersAndMinistries' });
  });

  it("holds Apollo's plan and execute spans and one subgraph.fetch per plan fetch, under the request", () => {
    const names = spans.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['gateway.request', 'gateway.plan', 'gateway.execute', 'gateway.fetch']));
    const fetches = spans.filter((s) => s.name === 'subgraph.fetch');
    expect(fetches.map((s) => attr(s, 'jpg.subgraph')).sort()).toEqual(['country', 'procurement']);
    for (const fetch of fetches) expect(ancestors(fetch, spans)).toContain(root);
  });

  it('has a member.call span per member, under the country fetch', () => {
    const calls = spans.filter((s) => s.name === 'member.call');
    expect(calls.map((s) => attr(s, 'jpg.member')).sort()).toEqual([...MEMBERS].sort());
    for (const call of calls) expect(attr(parentOf(call, spans)!, 'jpg.subgraph')).toBe('country');
  });

  it("continues in each member's service under its member.call, down to each SQL statement", () => {
    for (const member of MEMBERS) {
      const server = spans.find((s) => s.name === 'graphql.request' && attr(s, 'jpg.service') === `country-${member}`);
      expect(server).toBeDefined();
      const call = parentOf(server!, spans)!;
      expect([call.name, attr(call, 'jpg.member')]).toEqual(['member.call', member]);
      const statements = spans.filter((s) => s.name === 'db.query' && ancestors(s, spans).includes(server!));
      expect(statements.length).toBeGreaterThanOrEqual(1);
      expect(statements[0].attributes).toMatchObject({ 'db.operation.name': 'select' });
      expect(String(attr(statements[0], 'db.query.text'))).toMatch(/^SELECT/i);
    }
    const procurement = spans.find((s) => s.name === 'graphql.request' && attr(s, 'jpg.service') === 'procurement')!;
    expect(spans.some((s) => s.name === 'db.query' && ancestors(s, spans).includes(procurement))).toBe(true);
  });

  it('reached every subgraph as a W3C traceparent of this trace', () => {
    const traceId = root.spanContext().traceId;
    expect(traceparents.length).toBeGreaterThanOrEqual(1 + MEMBERS.length);
    for (const { traceparent } of traceparents) expect(traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  });
});

describe('a member that is down', () => {
  it('shows as a failed member.call with its error code, the rest of the trace intact', async () => {
    await federation.members.AL.stop();
    try {
      exporter.reset();
      await federation.query(MEMBERS_QUERY, undefined, { headers: { 'x-request-id': 'traced-al-down' } });
      const deadline = Date.now() + 5000;
      let calls: ReadableSpan[] = [];
      while (Date.now() < deadline && calls.length < MEMBERS.length) {
        calls = exporter.getFinishedSpans().filter((s) => s.name === 'member.call');
        await new Promise((r) => setTimeout(r, 50));
      }
      const al = calls.find((s) => attr(s, 'jpg.member') === 'AL')!;
      expect(al.status.code).toBe(2);
      expect(attr(al, 'error.type')).toBe('MEMBER_UNAVAILABLE');
      expect(calls.find((s) => attr(s, 'jpg.member') === 'XK')!.status.code).not.toBe(2);
    } finally {
      await federation.members.AL.start();
    }
  });
});
