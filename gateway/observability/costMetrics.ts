/**
 * The cost of each operation, as the gateway estimated it before running it
 * and as its response proved it (gateway/cost): the evidence to set budgets
 * and assumed list sizes by.
 *
 *   jpg_graphql_operation_cost{operation, kind=estimated|actual, budget}  histogram
 *   jpg_graphql_cost_refusals_total{operation, budget}                    counter
 *
 * `operation` is the operation's name ("anonymous" without one), at most 100
 * names (then "other"), as jpg_graphql_operations_total; `budget` the caller's
 * budget (default, anonymous, analyst, procurement, ministry).
 */
import type { CostObserver } from '../cost/costPlugin';
import { BoundedLabel, counter, histogram, type Registry } from '../../lib/observability/metrics';

const OPERATION_NAMES = 100;
export const COST_BUCKETS = [1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 25_000, 50_000, 100_000];

export function costMetrics(registry: Registry): CostObserver {
  const cost = histogram(registry, { name: 'jpg_graphql_operation_cost', help: 'Cost of an operation by the cost directives: estimated before it runs, actual from its response', labelNames: ['operation', 'kind', 'budget'], buckets: COST_BUCKETS });
  const refusals = counter(registry, { name: 'jpg_graphql_cost_refusals_total', help: "Operations refused for an estimated cost over the caller's budget", labelNames: ['operation', 'budget'] });
  const names = new BoundedLabel(OPERATION_NAMES);
  const label = (operation: string | undefined) => (operation ? names.value(operation) : 'anonymous');
  return {
    estimated: (operation, budget, value) => cost.observe({ operation: label(operation), kind: 'estimated', budget }, value),
    actual: (operation, budget, value) => cost.observe({ operation: label(operation), kind: 'actual', budget }, value),
    refused: (operation, budget) => refusals.inc({ operation: label(operation), budget }),
  };
}
