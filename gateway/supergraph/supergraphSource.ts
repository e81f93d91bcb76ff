/**
 * Where the gateway's supergraph comes from, as @apollo/gateway's
 * `supergraphSdl` option:
 *   - a supergraph file (`--supergraph <file>`): ANY Federation 2 supergraph,
 *     subgraph URLs as the file gives them;
 *   - `"source": "sdl"` (default): composed from the committed SDLs at start;
 *   - `"source": "introspect"`: each subgraph's live `_service { sdl }`,
 *     recomposed every `pollIntervalMs` when one changes (Apollo's
 *     IntrospectAndCompose). A sharded subgraph answers its contract there:
 *     its members are checked against that contract, not composed one by one.
 */
import fs from 'node:fs';
import { IntrospectAndCompose, SupergraphManager } from '@apollo/gateway';
import type { Logger } from 'pino';
import type { FederationConfig } from '../config';
import { composeSupergraph, definitionsFromConfig, shardedPlaceholderUrl } from './composeFromSdl';

export interface SupergraphChoice {
  supergraphSdl: string | SupergraphManager;
  /** For logs and GET /ready, e.g. "composed from 2 committed SDLs". */
  description: string;
  kind: 'file' | 'sdl' | 'introspect';
}

export function chooseSupergraph(config: FederationConfig, options: { supergraphFile?: string; logger: Logger }): SupergraphChoice {
  if (options.supergraphFile) {
    let sdl: string;
    try {
      sdl = fs.readFileSync(options.supergraphFile, 'utf8');
    } catch (error) {
      throw new Error(`--supergraph ${options.supergraphFile}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    return { kind: 'file', supergraphSdl: sdl, description: `supergraph file ${options.supergraphFile}` };
  }
  if (config.supergraph.source === 'introspect') {
    const subgraphs = config.subgraphs.map((s) => ({ name: s.name, url: s.sharded ? shardedPlaceholderUrl(s.name) : s.url! }));
    return {
      kind: 'introspect',
      supergraphSdl: new IntrospectAndCompose({ subgraphs, pollIntervalInMs: config.supergraph.pollIntervalMs, logger: options.logger }),
      description: `introspected from ${subgraphs.length} subgraphs, polled every ${config.supergraph.pollIntervalMs} ms`,
    };
  }
  return {
    kind: 'sdl',
    supergraphSdl: composeSupergraph(definitionsFromConfig(config.subgraphs)),
    description: `composed from the committed SDLs of ${config.subgraphs.map((s) => s.name).join(', ')}`,
  };
}
