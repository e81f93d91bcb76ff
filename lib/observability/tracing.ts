/**
 * OpenTelemetry traces, manual instrumentation on @opentelemetry/api. Off by
 * default: without `setupTracing` registering a provider every span below is
 * the API's no-op, and nothing is propagated.
 *
 * The standard variables configure it (lib/config/env.ts):
 *   OTEL_TRACES_EXPORTER         none (default) | otlp | console
 *   OTEL_SERVICE_NAME            default: the service's own name (gateway, procurement, country-XK…)
 *   OTEL_EXPORTER_OTLP_ENDPOINT  / OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS (read by the OTLP exporter)
 *   OTEL_TRACES_SAMPLER, OTEL_TRACES_SAMPLER_ARG (read by the SDK; default parent-based, always on)
 *
 * Spans made here: `graphql.request` (server span of each /graphql request,
 * in every service, continuing the caller's W3C `traceparent`), `db.query`
 * (each SQL statement). The gateway adds `subgraph.fetch` and `member.call`
 * (gateway/observability) and Apollo's gateway its own `gateway.*` spans
 * (`gateway.request`, `gateway.validate`, `gateway.plan`, `gateway.execute`,
 * `gateway.fetch`, `gateway.postprocessing`) once a provider is registered.
 */
import { context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import {
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVICE_NAME,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { RequestHandler } from 'express';
import { readEnv } from '../config/env';
import { currentRequest } from './requestContext';

export const tracer = trace.getTracer('joint-procurement-graph');

/** Attribute names of our own (no semantic convention covers them). */
export const ATTR = {
  service: 'jpg.service',
  requestId: 'jpg.request_id',
  subgraph: 'jpg.subgraph',
  member: 'jpg.member',
  outcome: 'jpg.outcome',
  operationName: 'graphql.operation.name',
  operationType: 'graphql.operation.type',
} as const;

export type TracesExporter = 'none' | 'otlp' | 'console';

export interface TracingOptions {
  /** The service's own name, used unless OTEL_SERVICE_NAME says otherwise. */
  serviceName: string;
  /** Export here instead of what OTEL_TRACES_EXPORTER names (tests: an InMemorySpanExporter). */
  exporter?: SpanExporter;
}

export interface Tracing {
  /** Whether spans are recorded at all. */
  enabled: boolean;
  /** Exports what is pending and unregisters the provider. */
  shutdown(): Promise<void>;
}

export function readTracesExporter(): TracesExporter {
  const value = readEnv('OTEL_TRACES_EXPORTER', 'none')!;
  if (value === 'none' || value === 'otlp' || value === 'console') return value;
  throw new Error(`Environment variable OTEL_TRACES_EXPORTER must be none, otlp or console (got "${value}")`);
}

/** Registers the process's tracer provider (context manager, W3C propagator) unless tracing is off. */
export function setupTracing(options: TracingOptions): Tracing {
  if (!options.exporter && readTracesExporter() === 'none') return { enabled: false, shutdown: async () => {} };
  // Loaded only when tracing is on: the SDK and the OTLP exporter are about 180 modules (several MB of heap)
  // that a process with tracing off (the default) would hold for nothing.
  const { BatchSpanProcessor, ConsoleSpanExporter, NodeTracerProvider, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  let processor: SpanProcessor;
  if (options.exporter) {
    processor = new SimpleSpanProcessor(options.exporter);
  } else {
    if (readTracesExporter() === 'otlp') {
      const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
      processor = new BatchSpanProcessor(new OTLPTraceExporter());
    } else processor = new SimpleSpanProcessor(new ConsoleSpanExporter());
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: readEnv('OTEL_SERVICE_NAME') ?? options.serviceName }),
    spanProcessors: [processor],
  });
  provider.register();
  return {
    enabled: true,
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Ends `span` with the error's message as its status (and the exception recorded). */
export function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * The server span of each request to `route`: continues the caller's
 * `traceparent`, is the active span while the request runs (so every span
 * below is its child), and ends when the answer is sent.
 */
export function serverSpan(service: string, route: string): RequestHandler {
  return (req, res, next) => {
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      'graphql.request',
      { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: req.method, [ATTR_URL_PATH]: req.originalUrl.split('?')[0], [ATTR_HTTP_ROUTE]: route, [ATTR.service]: service } },
      parent,
    );
    const record = currentRequest();
    if (record) span.setAttribute(ATTR.requestId, record.requestId);
    res.once('close', () => {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
      if (record?.operationName) span.setAttribute(ATTR.operationName, record.operationName);
      if (record?.operationType) span.setAttribute(ATTR.operationType, record.operationType);
      if (record?.outcome) span.setAttribute(ATTR.outcome, record.outcome);
      if (res.statusCode >= 500 || record?.outcome === 'error') span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Adds the active span's `traceparent` (and baggage) to outgoing headers; nothing while tracing is off. */
export function injectTraceContext(set: (name: string, value: string) => void): void {
  propagation.inject(context.active(), undefined, { set: (_carrier, name, value) => set(name, value) });
}

export type DatabaseSpan = Span;

/** A `db.query` span under the active span, for one SQL statement (its text: parameters are placeholders). */
export function startDatabaseSpan(query: string, system: string, operation: string): DatabaseSpan {
  return tracer.startSpan('db.query', {
    kind: SpanKind.CLIENT,
    attributes: { [ATTR_DB_SYSTEM_NAME]: system === 'better-sqlite3' ? 'sqlite' : 'mysql', [ATTR_DB_OPERATION_NAME]: operation, [ATTR_DB_QUERY_TEXT]: query.slice(0, 2000) },
  });
}

export function endDatabaseSpan(span: DatabaseSpan, error?: unknown): void {
  if (error !== undefined) failSpan(span, error);
  span.end();
}
