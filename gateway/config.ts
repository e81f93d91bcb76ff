/**
 * The federation config (config/federation.json, or the file GATEWAY_CONFIG
 * names): which subgraphs exist, where they answer, and which one is sharded
 * by member. A new member is one line under `sharded.members` plus its running
 * service; no code changes.
 *
 * Loaded once at start and validated field by field: a bad field stops
 * start-up with a message naming it (`subgraphs[1].sharded.members.xk: …`).
 * Relative `sdl` paths are relative to the config file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BLOCKED_PORT_PROBLEM, isBlockedPort } from '../lib/http/blockedPorts';
import { MEMBER_CODE } from '../lib/reference/members';
import { BUDGET_NAMES, type CostBudgets } from './cost/budgets';
import { BreakerSettings, DEFAULT_BREAKER, DEFAULT_RETRY, DEFAULT_SUBGRAPH_TIMEOUT_MS, MAX_RETRY_ATTEMPTS, RetrySettings } from './resilience/settings';

/** The config as written in the file (see config/federation.json). */
export interface FederationConfigInput {
  gateway?: { port?: number; host?: string };
  supergraph?: { source?: SupergraphSource; pollIntervalMs?: number };
  /** Cost budgets by role and the size of a list without @listSize (gateway/cost); GRAPHQL_COST_BUDGETS, GRAPHQL_MAX_COST and GRAPHQL_DEFAULT_LIST_SIZE override them. */
  cost?: CostSettings;
  subgraphs: SubgraphInput[];
}

export interface CostSettings {
  budgets?: Partial<CostBudgets>;
  defaultListSize?: number;
}

export interface SubgraphInput {
  name: string;
  /** Where the subgraph answers; not for a sharded subgraph (its members have URLs). */
  url?: string;
  /** The subgraph's committed SDL: composed into the supergraph, and a sharded subgraph's member contract. */
  sdl?: string;
  /** An unsharded subgraph slower than this (ms) answers as SUBGRAPH_TIMEOUT. Default 10000 (a sharded one: `sharded.timeoutMs`). */
  timeoutMs?: number;
  /** The circuit breaker of this subgraph (a sharded one: of each member). Each field defaults (gateway/resilience/settings.ts). */
  breaker?: Partial<BreakerSettings>;
  /** Retries of reads that got no answer. Each field defaults. */
  retry?: Partial<RetrySettings>;
  sharded?: ShardedInput;
}

export interface ShardedInput {
  /** Key fields naming the member, first present wins, e.g. ["code", "countryCode"]. */
  key: string[];
  /** Root-field argument naming the member, e.g. "country". */
  argument: string;
  /** A member slower than this (ms) is answered as MEMBER_TIMEOUT. Default 3000. */
  timeoutMs?: number;
  /** How soon (ms) a member that was down or refused is checked again (on contact and in the background). Default 5000; 0 checks on every contact and never in the background. */
  recheckMs?: number;
  /** How often (ms) a member in service is checked against the contract again (it may have deployed a new schema). Default 60000; 0 never. */
  contractRecheckMs?: number;
  members: Record<string, { url: string }>;
}

export type SupergraphSource = 'sdl' | 'introspect';

/** The validated config, defaults filled in and paths absolute. */
export interface FederationConfig {
  /** The file it came from (absolute), or a description for a config built in code. */
  origin: string;
  gateway: { port: number; host: string };
  supergraph: { source: SupergraphSource; pollIntervalMs: number };
  /** Only what the file sets (none for a config built in code); the rest defaults in gateway/security/limits.ts. */
  cost?: CostSettings;
  subgraphs: SubgraphConfig[];
}

export interface SubgraphConfig {
  name: string;
  url?: string;
  /** Absolute path of the committed SDL. */
  sdl?: string;
  /** An unsharded subgraph's timeout (always set); undefined for a sharded one (its members use `sharded.timeoutMs`). */
  timeoutMs?: number;
  breaker: BreakerSettings;
  retry: RetrySettings;
  sharded?: ShardedConfig;
}

export interface ShardedConfig {
  key: string[];
  argument: string;
  timeoutMs: number;
  recheckMs: number;
  contractRecheckMs: number;
  members: Record<string, { url: string }>;
}

export const DEFAULT_CONFIG_FILE = path.join('config', 'federation.json');
export const DEFAULT_GATEWAY_PORT = 4000;
export const DEFAULT_MEMBER_TIMEOUT_MS = 3000;
export const DEFAULT_RECHECK_MS = 5000;
export const DEFAULT_CONTRACT_RECHECK_MS = 60_000;
export const DEFAULT_POLL_INTERVAL_MS = 10_000;

export class ConfigError extends Error {
  constructor(origin: string, field: string, problem: string) {
    super(`Federation config ${origin}: ${field}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export function loadFederationConfig(file: string): FederationConfig {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(absolute, '(file)', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); set GATEWAY_CONFIG to the federation config file`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(absolute, '(file)', `is not JSON: ${(error as Error).message}`);
  }
  return parseFederationConfig(raw, { origin: absolute, baseDir: path.dirname(absolute) });
}

/** Validates a config object (from a file or built by a test); relative `sdl` paths resolve against `baseDir`. */
export function parseFederationConfig(raw: unknown, { origin, baseDir }: { origin: string; baseDir: string }): FederationConfig {
  const check = new Checker(origin);
  const root = check.object(raw, '(root)', ['gateway', 'supergraph', 'cost', 'subgraphs']);

  const gatewayRaw = check.object(root.gateway ?? {}, 'gateway', ['port', 'host']);
  const gateway = {
    port: check.port(gatewayRaw.port ?? DEFAULT_GATEWAY_PORT, 'gateway.port'),
    host: check.text(gatewayRaw.host ?? '127.0.0.1', 'gateway.host'),
  };

  const supergraphRaw = check.object(root.supergraph ?? {}, 'supergraph', ['source', 'pollIntervalMs']);
  const source = supergraphRaw.source ?? 'sdl';
  if (source !== 'sdl' && source !== 'introspect') check.fail('supergraph.source', `must be "sdl" or "introspect" (got ${JSON.stringify(source)})`);
  const supergraph = {
    source: source as SupergraphSource,
    pollIntervalMs: check.positiveInteger(supergraphRaw.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, 'supergraph.pollIntervalMs'),
  };

  const costRaw = check.object(root.cost ?? {}, 'cost', ['budgets', 'defaultListSize']);
  const cost: CostSettings = {};
  if (costRaw.budgets !== undefined) {
    const budgets = check.object(costRaw.budgets, 'cost.budgets', [...BUDGET_NAMES]);
    cost.budgets = Object.fromEntries(Object.entries(budgets).map(([name, maximum]) => [name, check.positiveInteger(maximum, `cost.budgets.${name}`)]));
  }
  if (costRaw.defaultListSize !== undefined) cost.defaultListSize = check.positiveInteger(costRaw.defaultListSize, 'cost.defaultListSize');

  if (!Array.isArray(root.subgraphs) || root.subgraphs.length === 0) check.fail('subgraphs', 'must be a non-empty list of subgraphs');
  const subgraphs = (root.subgraphs as unknown[]).map((entry, i) => parseSubgraph(check, entry, `subgraphs[${i}]`, baseDir));

  check.unique(subgraphs.map((s, i) => [s.name, `subgraphs[${i}].name`]), 'subgraph name');
  const endpoints: [string, string][] = [];
  subgraphs.forEach((s, i) => {
    if (s.url) endpoints.push([endpointOf(s.url), `subgraphs[${i}].url`]);
    for (const [code, member] of Object.entries(s.sharded?.members ?? {})) endpoints.push([endpointOf(member.url), `subgraphs[${i}].sharded.members.${code}.url`]);
  });
  check.unique(endpoints, 'host:port (every service needs its own)');
  const clash = endpoints.find(([endpoint]) => endpoint === `${gateway.host}:${gateway.port}` && gateway.port !== 0);
  if (clash) check.fail(clash[1], `uses the gateway's own address ${clash[0]}`);

  return { origin, gateway, supergraph, cost, subgraphs };
}

function parseSubgraph(check: Checker, raw: unknown, at: string, baseDir: string): SubgraphConfig {
  const entry = check.object(raw, at, ['name', 'url', 'sdl', 'timeoutMs', 'breaker', 'retry', 'sharded']);
  const name = check.text(entry.name, `${at}.name`);
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) check.fail(`${at}.name`, `must be a letter followed by letters, digits, "_" or "-" (got "${name}")`);
  const subgraph: SubgraphConfig = { name, breaker: parseBreaker(check, entry.breaker, `${at}.breaker`), retry: parseRetry(check, entry.retry, `${at}.retry`) };
  if (entry.url !== undefined) subgraph.url = check.url(entry.url, `${at}.url`);
  if (entry.sdl !== undefined) subgraph.sdl = check.file(entry.sdl, `${at}.sdl`, baseDir);

  if (entry.sharded === undefined) {
    if (!subgraph.url) check.fail(`${at}.url`, 'is required (where the subgraph answers)');
    // No subgraph waits unbounded: a stalled one would hold every request that needs it.
    subgraph.timeoutMs = check.positiveInteger(entry.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS, `${at}.timeoutMs`);
    return subgraph;
  }
  if (subgraph.url) check.fail(`${at}.url`, 'is not for a sharded subgraph: each member has its own url under sharded.members');
  if (entry.timeoutMs !== undefined) check.fail(`${at}.timeoutMs`, "is not for a sharded subgraph: its members' timeout is sharded.timeoutMs");
  if (!subgraph.sdl) check.fail(`${at}.sdl`, "is required for a sharded subgraph: it is the contract every member's subgraph must serve");
  const sharded = check.object(entry.sharded, `${at}.sharded`, ['key', 'argument', 'timeoutMs', 'recheckMs', 'contractRecheckMs', 'members']);
  if (!Array.isArray(sharded.key) || sharded.key.length === 0) check.fail(`${at}.sharded.key`, 'must list the key fields naming the member, e.g. ["code", "countryCode"]');
  const key = (sharded.key as unknown[]).map((k, i) => check.text(k, `${at}.sharded.key[${i}]`));
  const members = check.object(sharded.members, `${at}.sharded.members`);
  if (Object.keys(members).length === 0) check.fail(`${at}.sharded.members`, 'must name at least one member');
  const parsedMembers: Record<string, { url: string }> = {};
  for (const [code, member] of Object.entries(members)) {
    const memberAt = `${at}.sharded.members.${code}`;
    if (!MEMBER_CODE.test(code)) check.fail(memberAt, `member code must be two capital letters (ISO 3166-1 alpha-2, e.g. "XK"); got "${code}"`);
    const memberEntry = check.object(member, memberAt, ['url']);
    parsedMembers[code] = { url: check.url(memberEntry.url, `${memberAt}.url`) };
  }
  subgraph.sharded = {
    key,
    argument: check.text(sharded.argument, `${at}.sharded.argument`),
    timeoutMs: check.positiveInteger(sharded.timeoutMs ?? DEFAULT_MEMBER_TIMEOUT_MS, `${at}.sharded.timeoutMs`),
    recheckMs: check.nonNegativeInteger(sharded.recheckMs ?? DEFAULT_RECHECK_MS, `${at}.sharded.recheckMs`),
    contractRecheckMs: check.nonNegativeInteger(sharded.contractRecheckMs ?? DEFAULT_CONTRACT_RECHECK_MS, `${at}.sharded.contractRecheckMs`),
    members: parsedMembers,
  };
  return subgraph;
}

function parseBreaker(check: Checker, raw: unknown, at: string): BreakerSettings {
  const entry = check.object(raw ?? {}, at, Object.keys(DEFAULT_BREAKER));
  const settings = { ...DEFAULT_BREAKER, ...entry };
  return {
    failureThreshold: check.positiveInteger(settings.failureThreshold, `${at}.failureThreshold`),
    timeoutThreshold: check.positiveInteger(settings.timeoutThreshold, `${at}.timeoutThreshold`),
    windowMs: check.positiveInteger(settings.windowMs, `${at}.windowMs`),
    probeIntervalMs: check.positiveInteger(settings.probeIntervalMs, `${at}.probeIntervalMs`),
  };
}

function parseRetry(check: Checker, raw: unknown, at: string): RetrySettings {
  const entry = check.object(raw ?? {}, at, Object.keys(DEFAULT_RETRY));
  const settings = { ...DEFAULT_RETRY, ...entry };
  const attempts = check.nonNegativeInteger(settings.attempts, `${at}.attempts`);
  if (attempts > MAX_RETRY_ATTEMPTS) check.fail(`${at}.attempts`, `must be at most ${MAX_RETRY_ATTEMPTS} (got ${attempts}): retries are bounded`);
  return { attempts, delayMs: check.nonNegativeInteger(settings.delayMs, `${at}.delayMs`) };
}

const endpointOf = (url: string): string => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
};

/** Field checks that fail with the field's path and the problem. */
class Checker {
  constructor(private readonly origin: string) {}

  fail(field: string, problem: string): never {
    throw new ConfigError(this.origin, field, problem);
  }

  object(value: unknown, field: string, allowed?: string[]): Record<string, any> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(field, 'must be an object');
    if (allowed) {
      const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
      if (unknown.length > 0) this.fail(`${field === '(root)' ? '' : `${field}.`}${unknown[0]}`, `is not a known field (known: ${allowed.join(', ')})`);
    }
    return value as Record<string, any>;
  }

  text(value: unknown, field: string): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'must be a non-empty string');
    return value;
  }

  url(value: unknown, field: string): string {
    const text = this.text(value, field);
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return this.fail(field, `must be an absolute http(s) URL (got "${text}")`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') this.fail(field, `must be an http(s) URL (got "${text}")`);
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if (isBlockedPort(port)) this.fail(field, `port ${port} ${BLOCKED_PORT_PROBLEM} (got "${text}")`);
    return text;
  }

  file(value: unknown, field: string, baseDir: string): string {
    const absolute = path.resolve(baseDir, this.text(value, field));
    if (!fs.existsSync(absolute)) this.fail(field, `file ${absolute} does not exist`);
    return absolute;
  }

  port(value: unknown, field: string): number {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 65535) this.fail(field, `must be a port number 0-65535 (got ${JSON.stringify(value)})`);
    if (isBlockedPort(value as number)) this.fail(field, `port ${value} ${BLOCKED_PORT_PROBLEM}`);
    return value as number;
  }

  positiveInteger(value: unknown, field: string): number {
    if (!Number.isInteger(value) || (value as number) <= 0) this.fail(field, `must be a positive whole number (got ${JSON.stringify(value)})`);
    return value as number;
  }

  nonNegativeInteger(value: unknown, field: string): number {
    if (!Number.isInteger(value) || (value as number) < 0) this.fail(field, `must be a whole number, 0 or more (got ${JSON.stringify(value)})`);
    return value as number;
  }

  unique(entries: [string, string][], what: string): void {
    const seen = new Map<string, string>();
    for (const [value, field] of entries) {
      const first = seen.get(value);
      if (first) this.fail(field, `${what} "${value}" is already used by ${first}`);
      seen.set(value, field);
    }
  }
}
