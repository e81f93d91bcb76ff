/**
 * The whole federation in one test process: procurement and each member's
 * country subgraph on their own throwaway databases (MariaDB with
 * TEST_DATABASE_URL, else SQLite), and the gateway in front, all on free ports
 * over real HTTP.
 *
 *   const federation = await startFederation();              // XK, AL, HR
 *   const { data, errors } = await federation.query('{ members { code ministry { name } } }');
 *   await federation.query(mutation, variables, { as: 'ministry:XK' });  // one role; default: every role
 *   await fetch(federation.gatewayUrl, { headers: await federation.authorization('analyst') });
 *   await federation.members.XK.stop();                      // …and .start() again: same port, same database
 *   federation.requestCounts();                              // { procurement: 2, XK: 1, AL: 1, HR: 1 }
 *   await federation.stop();
 *
 * Every request arriving at a subgraph is counted and recorded (contract
 * checks included: reset before measuring). Every service logs into memory:
 * `federation.logsOf('XK')`, `logsOf('gateway')`, `federation.logLines()`.
 *
 * Security is on as in production, with the development secrets: the gateway
 * wants a bearer token (tokens minted here), subgraphs answer only requests
 * the gateway signed.
 */
import path from 'node:path';
import type { RequestHandler } from 'express';
import { parseFederationConfig, FederationConfig, FederationConfigInput } from '../../gateway/config';
import { LogEntry, memoryLogger } from '../../lib/observability/logger';
import { GatewayOptions, RunningGateway, startGateway } from '../../gateway/server';
import { CountryService, startCountryService } from '../../services/country/service';
import { ProcurementService, startProcurementService } from '../../services/procurement/service';
import { DEVELOPMENT_DEFAULTS } from '../../lib/security/config';
import type { Role } from '../../lib/security/roles';
import { mintDevelopmentToken } from '../../lib/security/tokens';
import { createTestDatabase } from './database';
import { EVERY_ROLE, rememberSignatureTarget } from './signedFetch';

const ROOT = path.resolve(__dirname, '..', '..');
export const CONTRACT_SDL = path.join(ROOT, 'schema', 'country.graphql');
export const PROCUREMENT_SDL = path.join(ROOT, 'schema', 'procurement.graphql');

export const DEFAULT_MEMBERS = ['XK', 'AL', 'HR'];

export interface StartFederationOptions {
  /** The members started, each its own service and database. Default XK, AL, HR (BG stays out of the config). */
  members?: string[];
  /** Demo records in every database (default true). */
  seed?: boolean;
  /** The clock of procurement (offer expiry, late deliveries) and of the demo records everywhere (dated from its day). Default: the real one. */
  now?: () => Date;
  /** Member timeout in the config, ms (default 3000). */
  memberTimeoutMs?: number;
  /** Edits the federation config before the gateway starts, e.g. to add a fixture member. */
  configure?: (config: FederationConfigInput) => FederationConfigInput | void;
  /** Express middleware every subgraph service runs before GraphQL (e.g. signature checks). */
  subgraphBefore?: RequestHandler[];
  /** More for the gateway: hooks, before, context, plugins, webApps (default: served from web/dist, as in production). */
  gateway?: Omit<GatewayOptions, 'config' | 'port' | 'host' | 'logger'>;
}

export interface RecordedRequest {
  /** Arrival order across every subgraph (1, 2, 3…): shows what came before what. */
  sequence: number;
  method: string;
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** Who a test asks as: roles for a token, or 'anonymous' for no token at all. */
export type Caller = Role | readonly Role[] | 'anonymous';

export interface QueryOptions {
  /** Default: a token holding every role (procurement, analyst, each ministry). */
  as?: Caller;
  headers?: Record<string, string>;
}

/** A development token for these roles, as the federation's gateway accepts it (subject names the roles). */
export function tokenFor(roles: Role | readonly Role[]): Promise<string> {
  const list = typeof roles === 'string' ? [roles] : [...roles];
  return mintDevelopmentToken(list, { secret: DEVELOPMENT_DEFAULTS.jwtSecret, issuer: DEVELOPMENT_DEFAULTS.issuer, audience: DEVELOPMENT_DEFAULTS.audience, subject: `test ${list.join('+')}` });
}

/** The Authorization header for a caller ({} for 'anonymous'). */
export async function authorizationFor(caller: Caller = EVERY_ROLE.roles): Promise<Record<string, string>> {
  return caller === 'anonymous' ? {} : { authorization: `Bearer ${await tokenFor(caller as Role | readonly Role[])}` };
}

export interface GraphQLAnswer<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }>;
}

/** A service of the federation that a test can stop and start again (same port, same database). */
export interface RestartableService<S> {
  url: string;
  port: number;
  databaseUrl: string;
  /** The running service (its `dataSource` reads the database); throws while stopped. */
  readonly service: S;
  readonly running: boolean;
  stop(): Promise<void>;
  /** Starts it again on the same port and database. */
  start(): Promise<void>;
}

export interface FederationMember extends RestartableService<CountryService> {
  code: string;
}

export type FederationProcurement = RestartableService<ProcurementService>;

export interface Federation {
  /** http://127.0.0.1:<port>/graphql */
  gatewayUrl: string;
  /** http://127.0.0.1:<port> */
  gatewayOrigin: string;
  gateway: RunningGateway;
  config: FederationConfig;
  /** POSTs an operation to the gateway (as every role unless `as` says otherwise); never throws on GraphQL errors. */
  query<T = any>(query: string, variables?: Record<string, unknown>, options?: QueryOptions): Promise<GraphQLAnswer<T>>;
  /** The Authorization header for a caller (default every role), for requests a test sends itself. */
  authorization(caller?: Caller): Promise<Record<string, string>>;
  members: Record<string, FederationMember>;
  procurement: FederationProcurement;
  /** Requests that reached each subgraph since the last reset, by member code and "procurement". */
  requestCounts(): Record<string, number>;
  /** The requests themselves (query text, variables). */
  requests(subgraph: string): RecordedRequest[];
  resetRequestCounts(): void;
  /** What the gateway logged (pino entries: level, msg, …). */
  logs: LogEntry[];
  /** What one service logged: "gateway", "procurement" or a member code (kept across restarts). */
  logsOf(service: string): LogEntry[];
  /** Every line every service wrote, as written (JSON text). */
  logLines(): string[];
  stop(): Promise<void>;
}

/** Counts and records every request reaching one subgraph. */
class RequestLog {
  private readonly bySubgraph = new Map<string, RecordedRequest[]>();
  private sequence = 0;

  middleware(subgraph: string): RequestHandler {
    return (req, _res, next) => {
      const body = (req.body ?? {}) as Partial<RecordedRequest>;
      this.of(subgraph).push({ sequence: ++this.sequence, method: req.method, query: body.query, operationName: body.operationName, variables: body.variables });
      next();
    };
  }

  of(subgraph: string): RecordedRequest[] {
    let list = this.bySubgraph.get(subgraph);
    if (!list) this.bySubgraph.set(subgraph, (list = []));
    return list;
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.bySubgraph].map(([name, list]) => [name, list.length]));
  }

  reset(): void {
    for (const list of this.bySubgraph.values()) list.length = 0;
  }
}

/** A service that can be stopped and started again on the same port and database. */
class Restartable<S extends { url: string; port: number; stop(): Promise<void> }> implements RestartableService<S> {
  readonly url: string;
  readonly port: number;
  private current: S | undefined;

  constructor(
    private readonly name: string,
    first: S,
    readonly databaseUrl: string,
    private readonly startAgain: (port: number) => Promise<S>,
  ) {
    this.current = first;
    this.url = first.url;
    this.port = first.port;
  }

  get service(): S {
    if (!this.current) throw new Error(`${this.name} is stopped`);
    return this.current;
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  async stop(): Promise<void> {
    const running = this.current;
    this.current = undefined;
    await running?.stop();
  }

  async start(): Promise<void> {
    if (!this.current) this.current = await this.startAgain(this.port);
  }
}

class MemberHandle extends Restartable<CountryService> implements FederationMember {
  constructor(
    readonly code: string,
    first: CountryService,
    databaseUrl: string,
    startAgain: (port: number) => Promise<CountryService>,
  ) {
    super(`member ${code}`, first, databaseUrl, startAgain);
  }
}

export async function startFederation(options: StartFederationOptions = {}): Promise<Federation> {
  const codes = options.members ?? DEFAULT_MEMBERS;
  const seed = options.seed ?? true;
  const log = new RequestLog();
  const cleanup: Array<() => Promise<void>> = [];
  const before = (subgraph: string) => [log.middleware(subgraph), ...(options.subgraphBefore ?? [])];
  const logs = new Map<string, ReturnType<typeof memoryLogger>>();
  const loggerOf = (service: string, name: string) => {
    if (!logs.has(service)) logs.set(service, memoryLogger('info', name));
    return logs.get(service)!.logger;
  };

  try {
    const startProcurement = async () => {
      const database = await createTestDatabase('procurement');
      cleanup.push(() => database.drop());
      const start = (port: number) => startProcurementService({ databaseUrl: database.url, port, seed, now: options.now, before: before('procurement'), logger: loggerOf('procurement', 'procurement') });
      const handle = new Restartable('procurement', await start(0), database.url, start);
      rememberSignatureTarget(handle.url, 'procurement');
      cleanup.push(() => handle.stop());
      return handle;
    };
    const startMember = async (code: string) => {
      const database = await createTestDatabase(`country_${code}`);
      cleanup.push(() => database.drop());
      const start = (port: number) => startCountryService({ member: code, databaseUrl: database.url, port, seed, now: options.now, before: before(code), logger: loggerOf(code, `country-${code}`) });
      const handle = new MemberHandle(code, await start(0), database.url, start);
      rememberSignatureTarget(handle.url, code);
      cleanup.push(() => handle.stop());
      return handle;
    };
    const [procurement, ...started] = await Promise.all([startProcurement(), ...codes.map(startMember)]);
    const members: Record<string, FederationMember> = Object.fromEntries(started.map((m) => [m.code, m]));

    const input: FederationConfigInput = {
      gateway: { port: 0, host: '127.0.0.1' },
      supergraph: { source: 'sdl' },
      subgraphs: [
        { name: 'procurement', url: procurement.url, sdl: PROCUREMENT_SDL },
        {
          name: 'country',
          sdl: CONTRACT_SDL,
          sharded: {
            key: ['code', 'countryCode'],
            argument: 'country',
            timeoutMs: options.memberTimeoutMs ?? 3000,
            // Tests restart members and expect them back on the next request.
            recheckMs: 0,
            members: Object.fromEntries(started.map((m) => [m.code, { url: m.url }])),
          },
        },
      ],
    };
    const config = parseFederationConfig(options.configure?.(input) ?? input, { origin: 'startFederation()', baseDir: ROOT });
    const logger = loggerOf('gateway', 'gateway');
    const gateway = await startGateway({ ...options.gateway, config, port: 0, host: '127.0.0.1', logger });
    cleanup.push(() => gateway.stop());

    return {
      gatewayUrl: gateway.url,
      gatewayOrigin: gateway.origin,
      gateway,
      config,
      members,
      procurement,
      logs: logs.get('gateway')!.entries,
      logsOf: (service) => logs.get(service)?.entries ?? [],
      logLines: () => [...logs.values()].flatMap((l) => l.lines),
      authorization: authorizationFor,
      query: async (query, variables, { as, headers } = {}) => {
        const response = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(await authorizationFor(as)), ...headers },
          body: JSON.stringify({ query, variables }),
        });
        return { status: response.status, ...((await response.json()) as Omit<GraphQLAnswer, 'status'>) };
      },
      requestCounts: () => log.counts(),
      requests: (subgraph) => [...log.of(subgraph)],
      resetRequestCounts: () => log.reset(),
      stop: () => runCleanup(cleanup),
    };
  } catch (error) {
    await runCleanup(cleanup);
    throw error;
  }
}

/** Stops in reverse order of starting; every step runs even if one fails. */
async function runCleanup(steps: Array<() => Promise<void>>): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps.splice(0).reverse()) {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}
