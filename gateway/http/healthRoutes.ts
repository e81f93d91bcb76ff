/**
 * GET /health: the process answers (liveness).
 * GET /ready: the supergraph is loaded and the gateway is not stopping (200,
 * else 503: a stopping gateway turns unready at once). A member being down
 * or a circuit breaker open does not make the gateway unready: it still
 * answers, with that part null.
 *
 * Anyone may ask /ready (probes carry no token), but only the overall state
 * is public: the supergraph's subgraphs, each member's URL, state and failure
 * reason, and every circuit breaker are internal detail, shown to a caller on
 * this machine or one with a token of the procurement office (see
 * `detailAllowed`).
 */
import type express from 'express';
import type { MemberRegistry, MemberReport } from '../members/registry';
import { BreakerReport, CircuitBreaker, describeBreaker } from '../resilience/circuitBreaker';

export interface ReadyReport {
  ready: boolean;
  /** Stopping: finishing the requests in flight, taking no new ones. */
  draining: boolean;
  supergraph: { loaded: boolean; source: string; subgraphs: string[] };
  /** By member code: its sharded subgraph, URL, state and circuit breaker. */
  members: Record<string, { subgraph: string } & MemberReport>;
  /** By unsharded subgraph: its circuit breaker (members' are under `members`). */
  breakers: Record<string, BreakerReport>;
}

/** What /ready tells a caller who may not see the detail. */
export type PublicReadyReport = Pick<ReadyReport, 'ready'>;

export interface GatewayStatus {
  supergraphLoaded(): boolean;
  draining(): boolean;
  supergraphSource: string;
  subgraphs(): string[];
  registries(): MemberRegistry[];
  subgraphBreakers(): CircuitBreaker[];
}

export interface HealthRouteOptions {
  /** Whether this request may see the full report. Default: nobody (overall state only). */
  detailAllowed?: (req: express.Request) => Promise<boolean>;
}

export function readyReport(status: GatewayStatus): ReadyReport {
  const members: ReadyReport['members'] = {};
  for (const registry of status.registries()) {
    for (const [code, state] of Object.entries(registry.report())) members[code] = { subgraph: registry.subgraph, ...state };
  }
  const breakers = Object.fromEntries(status.subgraphBreakers().map((b) => [b.target.subgraph, describeBreaker(b.state)]));
  const loaded = status.supergraphLoaded();
  const draining = status.draining();
  return { ready: loaded && !draining, draining, supergraph: { loaded, source: status.supergraphSource, subgraphs: status.subgraphs() }, members, breakers };
}

export function mountHealthRoutes(app: express.Express, status: GatewayStatus, options: HealthRouteOptions = {}): void {
  app.get('/health', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', async (req, res) => {
    const report = readyReport(status);
    const detail = (await options.detailAllowed?.(req).catch(() => false)) ?? false;
    const body: ReadyReport | PublicReadyReport = detail ? report : { ready: report.ready };
    res.status(report.ready ? 200 : 503).set('Cache-Control', 'no-store').json(body);
  });
}
