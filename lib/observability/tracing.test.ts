/**
 * Tracing from the standard OTEL_* variables: off by default, a bad value
 * refused naming the variable. (OTLP export from a real service process:
 * test/observability/otlpExport.e2e.ts; jest cannot load the OTLP exporter's
 * dynamic imports.)
 */
import { propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { injectTraceContext, readTracesExporter, setupTracing, tracer } from './tracing';

const VARIABLES = ['OTEL_TRACES_EXPORTER', 'OTEL_SERVICE_NAME'];
afterEach(() => {
  for (const name of VARIABLES) delete process.env[name];
});

describe('tracing set-up', () => {
  it('is off by default: no provider, spans record nothing, no traceparent is sent', async () => {
    const tracing = setupTracing({ serviceName: 'gateway' });
    expect(tracing.enabled).toBe(false);
    const headers: Record<string, string> = {};
    tracer.startActiveSpan('graphql.request', (span) => {
      expect(span.isRecording()).toBe(false);
      injectTraceContext((name, value) => (headers[name] = value));
      span.end();
    });
    expect(headers).toEqual({});
    await tracing.shutdown();
  });

  it('refuses an exporter it does not know, naming the variable', () => {
    process.env.OTEL_TRACES_EXPORTER = 'jaeger';
    expect(() => readTracesExporter()).toThrow('OTEL_TRACES_EXPORTER must be none, otlp or console (got "jaeger")');
  });

  it('once on, records spans under the service name, sends W3C traceparent, and is gone again after shutdown', async () => {
    process.env.OTEL_SERVICE_NAME = 'gateway-eu-1';
    const exporter = new InMemorySpanExporter();
    const tracing = setupTracing({ serviceName: 'gateway', exporter });
    expect(tracing.enabled).toBe(true);
    const headers: Record<string, string> = {};
    let traceId = '';
    tracer.startActiveSpan('graphql.request', (span) => {
      traceId = span.spanContext().traceId;
      injectTraceContext((name, value) => (headers[name] = value));
      span.end();
    });
    expect(headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const [span] = exporter.getFinishedSpans();
    expect(span.resource.attributes['service.name']).toBe('gateway-eu-1');
    await tracing.shutdown();
    expect(trace.getTracer('x').startSpan('after').isRecording()).toBe(false);
    expect(propagation.fields()).toEqual([]);
  });
});
