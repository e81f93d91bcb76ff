/**
 * `npm start`: the whole federation on this machine, from the federation
 * config (GATEWAY_CONFIG, default config/federation.json):
 *   1. procurement and every member's country subgraph, each in its own
 *      process on the port its URL in the config names, each on its own
 *      embedded SQLite file in DATA_DIR (default data/), migrated and seeded
 *      with the demo records on first run;
 *   2. once each answers /health, the gateway;
 *   3. the URLs to open, and a development token for each role (procurement,
 *      analyst, each member's ministry) to send as `Authorization: Bearer …`.
 * With `--mysql <admin URL>` (or START_MYSQL_URL) the services run on
 * MySQL/MariaDB instead, one database and one user each (scripts/mysqlFederation.ts).
 * Ctrl-C (SIGINT) or SIGTERM is forwarded to every child, the gateway first,
 * and waited for (./childProcesses.ts). A service that dies
 * is reported; the gateway goes on serving the others (and the dead one's
 * part as unavailable). If the gateway dies, everything stops.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readArg, readEnv } from '../lib/config/env';
import { exitWithUsageIfAsked } from '../lib/config/usage';
import { isListening, portHolder } from '../lib/http/ports';
import { redact } from '../lib/db/databaseUrl';
import { isProduction, readAuthConfig } from '../lib/security/config';
import { mintDevelopmentTokens } from '../lib/security/tokens';
import { DEFAULT_CONFIG_FILE, FederationConfig, loadFederationConfig, SubgraphConfig } from '../gateway/config';
import { ChildSpec, Supervisor } from './childProcesses';
import { CREDENTIALS_FILE, provisionFederationDatabases } from './mysqlFederation';

const DIST = path.resolve(__dirname, '..');

/** The service code each subgraph of the config is started from. */
const SERVICE_SCRIPTS: Record<string, string> = {
  procurement: path.join(DIST, 'services', 'procurement', 'index.js'),
  country: path.join(DIST, 'services', 'country', 'index.js'),
};

function address(url: string): { host: string; port: string; healthUrl: string } {
  const u = new URL(url);
  return { host: u.hostname, port: u.port || '80', healthUrl: new URL('/health', u).toString() };
}

function scriptFor(subgraph: SubgraphConfig): string {
  const script = SERVICE_SCRIPTS[subgraph.name];
  if (!script) throw new Error(`npm start does not know which service serves subgraph "${subgraph.name}" (known: ${Object.keys(SERVICE_SCRIPTS).join(', ')}); start it yourself and use npm run start:gateway`);
  return script;
}

/**
 * One process per unsharded subgraph and per member of a sharded one, each on
 * the URL `databaseUrls` gives for its name (subgraph name or member code),
 * else on its own SQLite file in `dataDir`.
 */
export function serviceSpecs(config: FederationConfig, dataDir: string, databaseUrls: Record<string, string> = {}): ChildSpec[] {
  const specs: ChildSpec[] = [];
  for (const subgraph of config.subgraphs) {
    const script = scriptFor(subgraph);
    if (subgraph.sharded) {
      for (const [code, { url }] of Object.entries(subgraph.sharded.members)) {
        const { host, port, healthUrl } = address(url);
        const databaseUrl = databaseUrls[code] ?? `sqlite:${path.join(dataDir, `${subgraph.name}-${code.toLowerCase()}.sqlite`)}`;
        specs.push({ name: code, script, args: ['--member', code], env: { PORT: port, HOST: host, DATABASE_URL: databaseUrl }, healthUrl });
      }
    } else {
      const { host, port, healthUrl } = address(subgraph.url!);
      const databaseUrl = databaseUrls[subgraph.name] ?? `sqlite:${path.join(dataDir, `${subgraph.name}.sqlite`)}`;
      specs.push({ name: subgraph.name, script, env: { PORT: port, HOST: host, DATABASE_URL: databaseUrl }, healthUrl });
    }
  }
  return specs;
}

const USAGE = `Usage: npm start [-- --mysql <admin URL>] [--mysql-prefix <prefix>]

Starts the whole federation of the federation config (GATEWAY_CONFIG, default
config/federation.json): every subgraph and member in its own process, then the gateway.

  (default)              each service on its own SQLite file in DATA_DIR (default data/)
  --mysql <admin URL>    on MySQL/MariaDB instead (or START_MYSQL_URL), e.g. mysql://root@127.0.0.1:3306:
                         creates one database and one user per member (jpg_country_xk / xk_ministry, ...)
                         and one for procurement (jpg_procurement / procurement), each user granted its own
                         database only; passwords are generated once and kept in DATA_DIR/${CREDENTIALS_FILE}.
                         The services get only their own user's URL.
  --mysql-prefix <p>     put <p> before every database and user name (or START_MYSQL_PREFIX)
  --help                 this text`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  exitWithUsageIfAsked(argv, USAGE);
  const mysqlAdminUrl = readArg(argv, 'mysql') ?? readEnv('START_MYSQL_URL');
  const mysqlPrefix = readArg(argv, 'mysql-prefix') ?? readEnv('START_MYSQL_PREFIX');
  // The administrator's URL is for provisioning here only: no child inherits it.
  delete process.env.START_MYSQL_URL;
  const configFile = path.resolve(readEnv('GATEWAY_CONFIG', DEFAULT_CONFIG_FILE)!);
  const config = loadFederationConfig(configFile);
  const dataDir = path.resolve(readEnv('DATA_DIR', 'data')!);

  const stopAll = async (exitCode: number) => {
    if (!supervisor.isStopping) console.log('Stopping the federation…');
    await supervisor.stopAll();
    console.log('Stopped.');
    process.exit(exitCode);
  };
  const supervisor = new Supervisor((child, code, signal) => {
    console.error(`!! ${child.spec.name} exited unexpectedly (${signal ?? `exit code ${code}`}).`);
    if (child.spec.name === 'gateway') void stopAll(1);
    else console.error(`!! The gateway answers for ${child.spec.name} as unavailable until it runs again (it takes it back by itself).`);
  });
  supervisor.handleSignals(() => {
    console.log('Stopped.');
    process.exit(0);
  });

  // Every port first, before any database or process: a port already held stops npm start with nothing started.
  const taken = await takenPorts([
    ...serviceSpecs(config, dataDir).map((s) => ({ name: s.name, host: s.env.HOST, port: Number(s.env.PORT) })),
    { name: 'gateway', host: config.gateway.host, port: config.gateway.port },
  ]);
  if (taken.length > 0) {
    console.error(taken.map((t) => `Port ${t.port} (${t.name}) on ${t.host} is already in use by ${t.holder}.`).join('\n'));
    console.error('Nothing was started. Stop what holds it (an earlier npm start?), or move the service in the federation config.');
    process.exit(1);
  }
  fs.mkdirSync(dataDir, { recursive: true });

  // Every service's log as readable lines on this console (unless LOG_FORMAT says otherwise); children inherit it.
  process.env.LOG_FORMAT ??= 'text';
  try {
    let databaseUrls: Record<string, string> = {};
    if (mysqlAdminUrl) {
      databaseUrls = await provisionFederationDatabases(mysqlAdminUrl, config, { prefix: mysqlPrefix, dataDir });
      console.log(`Starting the federation from ${path.relative(process.cwd(), configFile) || configFile} on MySQL/MariaDB, one database and user each:`);
      for (const [name, url] of Object.entries(databaseUrls)) console.log(`  ${name.padEnd(12)} ${redact(url)}`);
      console.log(`  (passwords in ${path.join(dataDir, CREDENTIALS_FILE)})`);
    } else {
      console.log(`Starting the federation from ${path.relative(process.cwd(), configFile) || configFile}; databases in ${path.relative(process.cwd(), dataDir) || dataDir}/`);
    }
    const specs = serviceSpecs(config, dataDir, databaseUrls);
    const services = supervisor.startWave(specs);
    await Promise.all(services.map((c) => c.waitUntilHealthy()));

    const gatewayOrigin = `http://${config.gateway.host}:${config.gateway.port}`;
    const [gateway] = supervisor.startWave([
      { name: 'gateway', script: path.join(DIST, 'gateway', 'index.js'), env: { GATEWAY_CONFIG: configFile, LOG_FORMAT: 'text', PORT: String(config.gateway.port), HOST: config.gateway.host }, healthUrl: `${gatewayOrigin}/ready` },
    ]);
    await gateway.waitUntilHealthy();
    printWelcome(gatewayOrigin);
    console.log((await developmentTokenLines(gatewayOrigin, memberCodes(config))).join('\n'));
  } catch (error) {
    console.error(`npm start failed: ${(error as Error).message}`);
    await stopAll(1);
  }
}

async function takenPorts(services: Array<{ name: string; host: string; port: number }>): Promise<Array<{ name: string; host: string; port: number; holder: string }>> {
  const listening = await Promise.all(services.map((s) => (s.port === 0 ? false : isListening(s.host, s.port))));
  return services.filter((_, i) => listening[i]).map((s) => ({ ...s, holder: portHolder(s.port) }));
}

function printWelcome(origin: string): void {
  console.log(
    [
      '',
      'The federation is up:',
      `  GraphQL endpoint   ${origin}/graphql`,
      `  Playground         ${origin}/playground/`,
      `  Dashboard          ${origin}/dashboard/`,
      `  Health, readiness  ${origin}/health  ${origin}/ready`,
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

function memberCodes(config: FederationConfig): string[] {
  return config.subgraphs.flatMap((s) => Object.keys(s.sharded?.members ?? {}));
}

/**
 * A ready token per role, signed with the gateway's token secret (the public
 * development one unless AUTH_JWT_SECRET is set). None in production, nor
 * when tokens come from an identity provider (JWKS): those come from it.
 */
export async function developmentTokenLines(origin: string, members: readonly string[]): Promise<string[]> {
  const { verifier } = readAuthConfig();
  if (isProduction() || verifier.keys.kind !== 'secret') return ['Tokens: use the ones your identity provider issues (Authorization: Bearer <token>).', ''];
  const tokens = await mintDevelopmentTokens(members, { secret: verifier.keys.secret, issuer: verifier.issuer, audience: verifier.audience, rolesClaim: verifier.rolesClaim, expiresInSeconds: 12 * 3600 });
  return [
    'Development tokens (12 h; more with npm run token). Send one as a header, or paste it into the dashboard or playground:',
    '  curl -H "Authorization: Bearer <token>" -H "content-type: application/json" \\',
    `       -d '{"query":"{ members { code } }"}' ${origin}/graphql`,
    ...Object.entries(tokens).map(([role, token]) => `  ${role.padEnd(14)} ${token}`),
    '',
  ];
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
