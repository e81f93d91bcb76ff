/**
 * Where the federation config says a service answers, for services started
 * alone (`start:procurement`, `start:country -- --member HR`): they listen
 * where the gateway will call them. The config is loaded and validated as
 * the gateway loads it; with no config file, undefined (the built-in defaults).
 */
import fs from 'node:fs';
import { readEnv } from '../lib/config/env';
import { DEFAULT_CONFIG_FILE, loadFederationConfig } from './config';

export interface ServiceAddress {
  host: string;
  port: number;
  url: string;
}

export function serviceAddressInConfig(which: { subgraph: string } | { member: string }): ServiceAddress | undefined {
  const file = readEnv('GATEWAY_CONFIG', DEFAULT_CONFIG_FILE)!;
  if (!fs.existsSync(file)) return undefined;
  const config = loadFederationConfig(file);
  const url =
    'member' in which
      ? config.subgraphs.map((s) => s.sharded?.members[which.member]?.url).find(Boolean)
      : config.subgraphs.find((s) => s.name === which.subgraph && !s.sharded)?.url;
  if (!url) return undefined;
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)), url };
}
