/**
 * A new federation config applied to a running gateway. What can change
 * live is each sharded subgraph's members (added, removed, moved to another
 * URL) and their timings; the registries swap their member sets atomically.
 * Anything else (the gateway's own address, the subgraph list, an unsharded
 * subgraph's URL, the SDL files, the supergraph source) needs a restart: it is
 * named in the log and left as it was.
 */
import type { Logger } from 'pino';
import type { FederationConfig, SubgraphConfig } from '../config';
import type { MemberRegistry } from '../members/registry';

export interface ConfigChange {
  /** Per sharded subgraph, the members added, removed and moved. */
  members: Record<string, { added: string[]; removed: string[]; moved: string[] }>;
  /** Fields that changed but take a restart to apply. */
  needsRestart: string[];
}

export function applyConfig(current: FederationConfig, next: FederationConfig, registries: Map<string, MemberRegistry>, logger: Logger): ConfigChange {
  const change: ConfigChange = { members: {}, needsRestart: restartOnlyChanges(current, next) };
  for (const subgraph of next.subgraphs) {
    const registry = registries.get(subgraph.name);
    if (!registry || !subgraph.sharded) continue;
    const members = registry.reconfigure(subgraph.sharded);
    change.members[subgraph.name] = members;
    const described = [describe('added', members.added), describe('removed', members.removed), describe('moved', members.moved)].filter(Boolean).join('; ');
    if (described) logger.info({ subgraph: subgraph.name, ...members }, `federation config ${next.origin} applied: ${subgraph.name} members ${described}`);
  }
  if (change.needsRestart.length > 0) {
    logger.warn({ fields: change.needsRestart }, `federation config ${next.origin}: ${change.needsRestart.join(', ')} changed; that takes a gateway restart (still running with the previous value)`);
  }
  return change;
}

const describe = (what: string, codes: string[]) => (codes.length ? `${what} ${codes.join(', ')}` : '');

/** The fields outside the sharded members that differ. */
function restartOnlyChanges(current: FederationConfig, next: FederationConfig): string[] {
  const fields: string[] = [];
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  if (differs(current.gateway, next.gateway)) fields.push('gateway');
  if (differs(current.supergraph, next.supergraph)) fields.push('supergraph');
  if (differs(current.cost, next.cost)) fields.push('cost');
  const shape = (s: SubgraphConfig) => ({ ...s, sharded: s.sharded && { key: s.sharded.key, argument: s.sharded.argument } });
  if (differs(current.subgraphs.map((s) => s.name), next.subgraphs.map((s) => s.name))) fields.push('subgraphs');
  else next.subgraphs.forEach((s, i) => differs(shape(current.subgraphs[i]), shape(s)) && fields.push(`subgraphs[${i}]`));
  return fields;
}
