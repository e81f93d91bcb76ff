/**
 * Metrics in the Prometheus text format (prom-client): one registry per
 * service, holding Node's process metrics (`process_*`, `nodejs_*`) and the
 * service's own, named `jpg_<what>_<unit>`. Every series carries
 * `service` (gateway, procurement, country-XK…).
 *
 * Label values are bounded: a label fed from the outside (an operation name,
 * an error code a subgraph sent) keeps at most `cap` distinct values and
 * reports the rest as "other", so no caller can grow the registry.
 */
import { collectDefaultMetrics, Counter, CounterConfiguration, Gauge, GaugeConfiguration, Histogram, HistogramConfiguration, Registry } from 'prom-client';

export type { Registry } from 'prom-client';

/** Seconds; from a fast SQL statement to a member's whole timeout. */
export const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** The metric named `name` in `registry`, created on first use (services and their parts share one registry). */
export function counter<L extends string>(registry: Registry, config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
  return (registry.getSingleMetric(config.name) as Counter<L> | undefined) ?? new Counter({ ...config, registers: [registry] });
}

export function histogram<L extends string>(registry: Registry, config: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
  return (registry.getSingleMetric(config.name) as Histogram<L> | undefined) ?? new Histogram({ buckets: LATENCY_BUCKETS, ...config, registers: [registry] });
}

export function gauge<L extends string>(registry: Registry, config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
  return (registry.getSingleMetric(config.name) as Gauge<L> | undefined) ?? new Gauge({ ...config, registers: [registry] });
}

/** A label whose values come from outside: the first `cap` distinct ones are kept, later ones read "other". */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly cap: number,
    private readonly maxLength = 64,
  ) {}

  value(raw: string): string {
    const value = raw.slice(0, this.maxLength);
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.cap) return 'other';
    this.seen.add(value);
    return value;
  }
}
