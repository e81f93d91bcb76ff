/**
 * The federation config as the CLI needs it: loaded and validated exactly as
 * the gateway loads it (gateway/config.ts), plus the sharded subgraph and
 * the committed SDLs.
 */
import fs from 'node:fs';
import { FederationConfig, loadFederationConfig, SubgraphConfig } from '../gateway/config';
import type { SubgraphSdl } from '../lib/schemaCheck';

export function readConfig(file: string): FederationConfig {
  return loadFederationConfig(file);
}

/** The member-sharded subgraph (country). */
export function shardedSubgraph(config: FederationConfig): SubgraphConfig & { sharded: NonNullable<SubgraphConfig['sharded']>; sdl: string } {
  const subgraph = config.subgraphs.find((s) => s.sharded);
  if (!subgraph?.sharded || !subgraph.sdl) throw new Error(`Federation config ${config.origin} has no sharded subgraph with an sdl (the member contract)`);
  return subgraph as ReturnType<typeof shardedSubgraph>;
}

/** A subgraph's committed SDL. */
export function committedSdl(config: FederationConfig, subgraph: SubgraphConfig): SubgraphSdl {
  if (!subgraph.sdl) throw new Error(`Federation config ${config.origin}: subgraph "${subgraph.name}" has no sdl to check against`);
  return { name: subgraph.name, sdl: fs.readFileSync(subgraph.sdl, 'utf8') };
}
