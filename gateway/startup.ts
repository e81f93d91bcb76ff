/**
 * What the gateway CLI starts with, from flags and the environment
 * (lib/config/env.ts): flags win over variables, variables over the config.
 *
 *   --config <file>       GATEWAY_CONFIG    default config/federation.json
 *   --supergraph <file>   serve this supergraph file instead of composing
 *   --port <n>            PORT              default the config's gateway.port
 *   --host <address>      HOST              default the config's gateway.host
 *
 * With --supergraph and no config file, the gateway serves the file as plain
 * federation (no value routing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readArg, readEnv, readPort } from '../lib/config/env';
import { DEFAULT_CONFIG_FILE, DEFAULT_GATEWAY_PORT, DEFAULT_POLL_INTERVAL_MS, FederationConfig, loadFederationConfig } from './config';

export interface GatewayStartup {
  config: FederationConfig;
  supergraphFile?: string;
  port: number;
  host: string;
  /** The config came from a file (watched for member changes), not the --supergraph-only default. */
  configFromFile: boolean;
}

export function readGatewayStartup(argv: readonly string[]): GatewayStartup {
  const supergraphFile = readArg(argv, 'supergraph');
  const configFlag = readArg(argv, 'config') ?? readEnv('GATEWAY_CONFIG');
  const configFile = configFlag ?? DEFAULT_CONFIG_FILE;

  let config: FederationConfig;
  const configFromFile = !(configFlag === undefined && supergraphFile !== undefined && !fs.existsSync(configFile));
  if (!configFromFile) {
    config = { origin: '(none: plain federation of the supergraph file)', gateway: { port: DEFAULT_GATEWAY_PORT, host: '127.0.0.1' }, supergraph: { source: 'sdl', pollIntervalMs: DEFAULT_POLL_INTERVAL_MS }, subgraphs: [] };
  } else {
    config = loadFederationConfig(configFile);
  }

  const portFlag = readArg(argv, 'port');
  const port = portFlag !== undefined ? Number(portFlag) : readPort('PORT', config.gateway.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number 0-65535 (got "${portFlag}")`);
  return {
    config,
    configFromFile,
    supergraphFile: supergraphFile === undefined ? undefined : path.resolve(supergraphFile),
    port,
    host: readArg(argv, 'host') ?? readEnv('HOST') ?? config.gateway.host,
  };
}
