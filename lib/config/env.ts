/**
 * Every environment variable the project reads, with its default, in one
 * place. Services read through `readEnv`/`requireEnv` so a missing or bad
 * value stops start-up with a message naming the variable.
 */
export const ENVIRONMENT = {
  DATABASE_URL: 'Database of the service being started: mysql://user:password@host:3306/db or sqlite:path. Default: sqlite:data/<service>.sqlite (country: sqlite:data/country-<member>.sqlite, e.g. country-xk.sqlite)',
  MEMBER: 'Country subgraph: ISO code of the member this process serves (same as --member). Required for start:country.',
  PORT: 'Port the service listens on (same as --port). Defaults: gateway 4000, procurement 4001, country XK 4011, AL 4012, HR 4013, BG 4014 (another member must set it).',
  HOST: 'Address the service binds to. Default 127.0.0.1.',
  GATEWAY_CONFIG: 'Gateway, npm start, start:procurement, start:country and jpg: path of the federation config file (subgraphs, members and their URLs; format in README "Federation config"); the gateway watches it and applies member changes live; services started alone take their port and host from it. Default config/federation.json.',
  LOG_LEVEL: 'Every service: pino log level (trace, debug, info, warn, error, silent). Default info (tests: warn, so services started without a logger stay quiet).',
  LOG_FORMAT: 'Every service: "json" (one JSON object per line, the default) or "text" (one readable line per entry; npm start uses it).',
  METRICS_ALLOW: 'Every service: who may GET /metrics without a token, as comma-separated IP addresses and CIDR ranges ("loopback" = 127.0.0.0/8 and ::1). Default loopback. Setting it replaces the default.',
  METRICS_TOKEN: 'Every service: a bearer token (at least 16 characters) that lets any caller GET /metrics (Authorization: Bearer <token>). Default none: only METRICS_ALLOW addresses.',
  OTEL_TRACES_EXPORTER: 'Every service: where OpenTelemetry traces go: "none" (the default: tracing off), "otlp" (OTLP over HTTP to OTEL_EXPORTER_OTLP_ENDPOINT) or "console" (printed).',
  OTEL_SERVICE_NAME: 'Every service: service.name of its spans. Default the service\'s own name: gateway, procurement, country-<member>.',
  OTEL_EXPORTER_OTLP_ENDPOINT: 'Every service with OTEL_TRACES_EXPORTER=otlp: the collector\'s base URL (traces go to <endpoint>/v1/traces). Default http://localhost:4318. OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG are honoured as the OpenTelemetry SDK defines them.',
  JPG_TOKEN: 'jpg member list: bearer token (role procurement) it asks the gateway\'s /ready with; jpg share <CODE> requirements: the ministry\'s token (role ministry:<CODE>) it sends them with (same as --token). Default: one minted with the development secret (or AUTH_JWT_SECRET); required when tokens come from an identity provider.',
  DATA_DIR: 'npm start, start:procurement, start:country, seed:country and jpg member add: folder for the embedded SQLite files (and mysql-credentials.json). Default data/.',
  JPG_OPERATOR: 'jpg import: who runs it, recorded in the audit trail (same as --operator). Default: the operating-system user name.',
  BENCH_IMPORT_ROWS: 'npm run bench / bench:import: holding rows in the generated CSV of the import benchmark. Default 100000.',
  START_MYSQL_URL: 'npm start: administrator URL of a MySQL/MariaDB server (same as --mysql), e.g. mysql://root@127.0.0.1:3306. Set: the federation runs there, one database and one user per member and for procurement, created if missing; only npm start sees it, each service gets its own user\'s URL. Default unset: embedded SQLite.',
  START_MYSQL_PREFIX: 'npm start with START_MYSQL_URL: prefix put before every database and user name (lower-case letters, digits, _), e.g. for throwaway ones. Default none (jpg_country_xk, xk_ministry, ...).',
  TEST_DATABASE_URL: 'Tests: MySQL/MariaDB server to create throwaway databases on, e.g. mysql://root@127.0.0.1:3306. Unset: embedded SQLite.',
  BENCH_ROUNDS: 'npm run bench: rounds of the federation benchmark (each runs every gateway once per variant). Default 2.',
  BENCH_CONCURRENCY: 'npm run bench: concurrent connections of the load generator. Default 50.',
  BENCH_SECONDS: 'npm run bench: length of each measured run, in seconds. Default 12.',
  BENCH_WARMUP_SECONDS: 'npm run bench: warm-up before each measured run, in seconds. Default 3.',
  BENCH_VARIANTS: 'npm run bench: comma-separated request streams, identical and/or varied. Default identical,varied.',
  BENCH_CONTENDERS: 'npm run bench: comma-separated gateways, apollo, ours and/or hive. Default apollo,ours,hive.',
  BENCH_DOMAIN: 'npm run bench: "off" skips the domain benchmark on MariaDB. Default on.',
  BENCH_DOMAIN_LAYOUTS: 'npm run bench: where the member processes of the domain benchmark\'s cross-member part run, comma-separated, measured side by side: spread (every CPU, as deployed) and/or pinned (CPU 0 with the load generator). Default spread.',
  BENCH_DATABASE_URL: 'npm run bench: MySQL/MariaDB server for the domain and import benchmarks (throwaway databases, dropped after). Default mysql://root@127.0.0.1:3306 (the import benchmark falls back to SQLite when it does not answer).',
  BENCH_JSON: 'npm run bench: where the results are written as JSON. Default test-output/bench.json.',
  BENCH_NICE: 'npm run bench: scheduling niceness of every benchmark process (gateways, subgraphs, load generator), so a shared machine disturbs the measured gateway less; needs root for values below 0, else ignored. Default -10.',
  BENCH_OURS_NODE_FLAGS: 'npm run bench: Node flags for our gateway process, e.g. --max-semi-space-size=32. Default none.',
  WEB_DIST_DIR: 'Gateway: folder of the built web apps (playground/, dashboard/) it serves. Default web/dist (built by npm run build:web).',
  WEB_DEV_GATEWAY_URL: 'Web apps in development (vite --config web/vite.config.mts --mode <app>): the gateway /graphql is proxied to. Default http://127.0.0.1:4000.',
  GRAPHQL_COMPRESS_MIN_BYTES: 'Gateway: GraphQL answers of at least this many bytes are compressed (brotli or gzip, as the client\'s Accept-Encoding allows); smaller ones are sent as they are (compressing them costs more CPU than it saves). Default 8192.',
  SHUTDOWN_GRACE_MS: 'Gateway and every subgraph: on SIGTERM/SIGINT, how long (ms) requests in flight may take to finish before their connections are cut; npm start gives each child this long plus 5 s before SIGKILL. Default 10000.',
  CI: 'When "true", tests that need a missing system part (MariaDB, Chromium) fail instead of being skipped.',
  NODE_ENV: '"production" makes the security settings mandatory (AUTH_ISSUER, AUTH_AUDIENCE, one token key source, GATEWAY_SIGNING_SECRET; start-up stops naming a missing one) and turns introspection off by default. Default: development, where built-in development secrets make npm start work unconfigured.',
  AUTH_JWT_SECRET: 'Gateway: HS256 secret (at least 32 bytes) that signs bearer tokens, for development and npm run token. Default in development: a built-in development secret. Use a JWKS in production.',
  AUTH_JWKS_FILE: 'Gateway: path of a JWKS file with the public keys (RS256/ES256) of the identity provider that signs bearer tokens.',
  AUTH_JWKS_URL: 'Gateway: URL of the identity provider\'s JWKS (RS256/ES256 public keys), fetched and cached.',
  AUTH_ISSUER: 'Gateway: required "iss" of bearer tokens. Default in development: jpg-development.',
  AUTH_AUDIENCE: 'Gateway: required "aud" of bearer tokens. Default in development: joint-procurement-graph.',
  AUTH_ROLES_CLAIM: 'Gateway: claim holding the caller\'s roles (array or space-separated string; a dotted path such as realm_access.roles is followed). Default roles.',
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: 'Gateway: longest bearer-token lifetime accepted, "exp" - "iat" (or "exp" - now when the token has no "iat"), in seconds. Default 86400 (24 h).',
  AUTH_ALLOW_ANONYMOUS_READ: 'Gateway: "true" lets requests without a token read (as analyst) for demos; writes still need a role. Default false: no token, 401.',
  GATEWAY_SIGNING_SECRET: 'Gateway and every subgraph: shared secret (at least 32 bytes, one per deployment) with which the gateway signs its requests to subgraphs. Default in development: a built-in development secret.',
  GATEWAY_SIGNING_PREVIOUS_SECRET: 'Subgraphs: the signing secret being replaced, still accepted (told apart by its key id) while the gateway moves to the new GATEWAY_SIGNING_SECRET; unset it once every gateway signs with the new one. Default unset.',
  GATEWAY_SIGNATURE_WINDOW_SECONDS: 'Subgraphs: how old (or how far in the future) a signed gateway request may be. Default 5.',
  SUBGRAPH_MAX_BODY_BYTES: 'Subgraphs: largest request body read, in bytes, after the signature headers were checked (a longer one gets 413 and is not read further). Default 5242880 (5 MiB).',
  REDIS_URL: 'Gateway and subgraphs: redis:// URL of the Redis that holds state shared by replicas and kept across restarts (replay nonces, persisted queries). Unset: each process keeps it in memory, and a subgraph refuses requests signed before it started.',
  REDIS_KEY_PREFIX: 'Gateway and subgraphs: prefix of every Redis key, so deployments can share one Redis. Default jpg:.',
  GRAPHQL_INTROSPECTION: 'Gateway: "true"/"false" to allow schema introspection. Default true in development, false in production.',
  GRAPHQL_MAX_DEPTH: 'Gateway: maximum selection depth of an operation. Default 12.',
  GRAPHQL_MAX_ALIASES: 'Gateway: maximum number of aliases in an operation. Default 20.',
  GRAPHQL_MAX_DIRECTIVES: 'Gateway: maximum number of directives in an operation. Default 25.',
  GRAPHQL_MAX_ROOT_FIELDS: 'Gateway: maximum number of root fields in an operation. Default 15.',
  GRAPHQL_MAX_TOKENS: 'Gateway: maximum number of lexical tokens in a document (parsing stops past it). Default 2000.',
  GRAPHQL_MAX_COST: 'Gateway: cost budget of an operation for a caller with no budgeted role (the "default" budget), by the IBM cost directives @cost/@listSize of the supergraph (README "Security"). Overrides the federation config\'s cost.budgets.default. Default 5000.',
  GRAPHQL_COST_BUDGETS: 'Gateway: cost budgets by role as name=maximum pairs, comma-separated, e.g. "analyst=25000,anonymous=2000"; names: default, anonymous, analyst, procurement, ministry. A caller gets its roles\' largest. Overrides the federation config\'s cost.budgets. Default default=5000,anonymous=5000,analyst=25000,procurement=25000,ministry=10000.',
  GRAPHQL_DEFAULT_LIST_SIZE: 'Gateway: how many items a list field without @listSize is assumed to return when costing an operation. Overrides the federation config\'s cost.defaultListSize. Default 10.',
  GRAPHQL_LIST_COST_FACTOR: 'Gateway: the former name of GRAPHQL_DEFAULT_LIST_SIZE, still read when that is unset.',
  GRAPHQL_MAX_BODY_BYTES: 'Gateway: maximum size of a request body in bytes. Default 102400.',
  GRAPHQL_MAX_BATCH: 'Gateway: maximum operations in one batched HTTP request; 1 turns batching off. Default 1.',
  PERSISTED_QUERIES_FILE: 'Gateway: path of a persisted-query manifest (apollo-persisted-query-manifest JSON). When set, only the operations it registers run. Default unset: any operation.',
} as const;

export type EnvName = keyof typeof ENVIRONMENT;

export function readEnv(name: EnvName, fallback?: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function requireEnv(name: EnvName): string {
  const value = readEnv(name);
  if (value === undefined) throw new Error(`Environment variable ${name} is required: ${ENVIRONMENT[name]}`);
  return value;
}

export function readPort(name: EnvName, fallback: number): number {
  const raw = readEnv(name);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Environment variable ${name} must be a port number 0-65535 (got "${raw}")`);
  return port;
}

export function readBoolean(name: EnvName, fallback: boolean): boolean {
  const raw = readEnv(name);
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`Environment variable ${name} must be true or false (got "${raw}")`);
}

export function readPositiveInteger(name: EnvName, fallback: number): number {
  const raw = readEnv(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`Environment variable ${name} must be a positive integer (got "${raw}")`);
  return value;
}

/** `--name value` or `--name=value` from argv. */
export function readArg(argv: readonly string[], name: string): string | undefined {
  const flag = `--${name}`;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
  }
  return undefined;
}
