/**
 * The supergraph from the committed SDLs (schema/*.graphql), composed with
 * @apollo/composition at start: fast, deterministic, and independent of which
 * services happen to be up. A sharded subgraph enters as ONE logical subgraph
 * (its contract); its URL in the supergraph is a placeholder the value router
 * stands in for, never contacted.
 */
import fs from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import type { SubgraphConfig } from '../config';

/**
 * Where a sharded subgraph "is" in the supergraph. `.invalid` is reserved
 * (RFC 2606): the name can never resolve, so nothing could reach it by mistake.
 */
export const shardedPlaceholderUrl = (name: string): string => `http://${name}.sharded.invalid/graphql`;

export interface SubgraphDefinition {
  name: string;
  url: string;
  sdl: string;
}

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`The subgraphs do not compose into a supergraph:\n  - ${problems.join('\n  - ')}`);
    this.name = 'CompositionError';
  }
}

export function composeSupergraph(subgraphs: SubgraphDefinition[]): string {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  return result.supergraphSdl;
}

/** The config's subgraphs with their committed SDLs (every subgraph needs `sdl` for this). */
export function definitionsFromConfig(subgraphs: SubgraphConfig[]): SubgraphDefinition[] {
  return subgraphs.map((s) => {
    if (!s.sdl) throw new Error(`Subgraph "${s.name}" has no "sdl" in the federation config: supergraph.source "sdl" composes from each subgraph's committed SDL`);
    return { name: s.name, url: s.sharded ? shardedPlaceholderUrl(s.name) : s.url!, sdl: fs.readFileSync(s.sdl, 'utf8') };
  });
}
