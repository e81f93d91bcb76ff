/**
 * Query-plan cache hits and misses, seen from Apollo's
 * `experimental_didResolveQueryPlan` (called for every operation with the
 * plan it runs): a plan from the cache is the very object seen before, a
 * fresh one is new. A plan evicted and built again counts as a miss again.
 *
 *   jpg_query_plan_cache_requests_total{result}   counter: hit, miss
 */
import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { counter, Registry } from '../../lib/observability/metrics';

type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]['queryPlan'];

export function planCacheObserver(registry: Registry): Experimental_DidResolveQueryPlanCallback {
  const requests = counter(registry, { name: 'jpg_query_plan_cache_requests_total', help: 'Operations whose query plan came from the plan cache (hit) or was built (miss)', labelNames: ['result'] });
  const seen = new WeakSet<QueryPlan>();
  return ({ queryPlan }) => {
    if (seen.has(queryPlan)) return void requests.inc({ result: 'hit' });
    seen.add(queryPlan);
    requests.inc({ result: 'miss' });
  };
}
