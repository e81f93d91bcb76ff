/**
 * The federation config as the CLI needs it: loaded and validated exactly as
 * the gateway loads it (gateway/config.ts), plus the sharded subgraph and
 * the committed SDLs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FederationConfig, loadFederationConfig, parseFederationConfig, SubgraphConfig } from '../gateway/config';
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

/**
 * Edits the config file's members and writes it back only if the result is a
 * valid config (checked as the gateway checks it), replacing the file in one
 * rename so a watching gateway never reads half a file.
 */
export function editMembers(file: string, edit: (members: Record<string, { url: string }>) => void): FederationConfig {
  const absolute = path.resolve(file);
  const raw = JSON.parse(fs.readFileSync(absolute, 'utf8')) as { subgraphs?: Array<{ sharded?: { members?: Record<string, { url: string }> } }> };
  const sharded = raw.subgraphs?.find((s) => s.sharded)?.sharded;
  if (!sharded) throw new Error(`Federation config ${absolute} has no sharded subgraph to add members to`);
  sharded.members ??= {};
  edit(sharded.members);
  const config = parseFederationConfig(raw, { origin: absolute, baseDir: path.dirname(absolute) });
  const temporary = `${absolute}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(raw, null, 2)}\n`);
  fs.renameSync(temporary, absolute);
  return config;
}
