/**
 * GET /health: the process answers (liveness).
 * GET /ready: the supergraph is loaded (200, else 503), and the state of each
 * member of a sharded subgraph. A member being down does not make the gateway
 * unready: it still answers, with that member's part null.
 */
import type express from 'express';
import type { MemberRegistry } from '../members/registry';

export interface ReadyReport {
  ready: boolean;
  supergraph: { loaded: boolean; source: string; subgraphs: string[] };
  /** By member code: its sharded subgraph, URL and state. */
  members: Record<string, Record<string, unknown>>;
}

export interface GatewayStatus {
  supergraphLoaded(): boolean;
  supergraphSource: string;
  subgraphs(): string[];
  registries(): MemberRegistry[];
}

export function readyReport(status: GatewayStatus): ReadyReport {
  const members: ReadyReport['members'] = {};
  for (const registry of status.registries()) {
    for (const [code, state] of Object.entries(registry.report())) members[code] = { subgraph: registry.subgraph, ...state };
  }
  const loaded = status.supergraphLoaded();
  return { ready: loaded, supergraph: { loaded, source: status.supergraphSource, subgraphs: status.subgraphs() }, members };
}

export function mountHealthRoutes(app: express.Express, status: GatewayStatus): void {
  app.get('/health', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', (_req, res) => {
    const report = readyReport(status);
    res.status(report.ready ? 200 : 503).set('Cache-Control', 'no-store').json(report);
  });
}
