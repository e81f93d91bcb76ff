import { BoundedLabel, counter, createMetricsRegistry } from './metrics';

describe('metrics', () => {
  it('keeps at most `cap` distinct values of a label fed from outside, the rest as "other"', () => {
    const label = new BoundedLabel(2, 8);
    expect(['a', 'b', 'c', 'a', 'd', 'b'].map((v) => label.value(v))).toEqual(['a', 'b', 'other', 'a', 'other', 'b']);
    expect(new BoundedLabel(5, 8).value('x'.repeat(100))).toBe('xxxxxxxx');
  });

  it("labels every series with the service and includes Node's process metrics", async () => {
    const registry = createMetricsRegistry('country-XK');
    counter(registry, { name: 'jpg_test_total', help: 'test', labelNames: ['kind'] }).inc({ kind: 'a' });
    const text = await registry.metrics();
    expect(text).toContain('jpg_test_total{kind="a",service="country-XK"} 1');
    expect(text).toContain('process_cpu_seconds_total{service="country-XK"}');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });
});
