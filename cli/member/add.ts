/**
 * `jpg member add <CODE>`: a new member joins the running federation.
 *
 *   1. checks: the code is new to the config, procurement answers, the port is free;
 *   2. its database: a SQLite file (default DATA_DIR/country-<code>.sqlite), the --database URL given,
 *      or with --mysql <admin URL> a MySQL database and user granted that database only (lib/db/provision.ts);
 *      migrated, optionally seeded with demo records, optionally given its ministry record;
 *   3. admits it in procurement (through procurement's own service, signed as the gateway signs, as procurement);
 *   4. adds it to the federation config file (a watching gateway takes it without a restart);
 *   5. prints the command that starts its service.
 */
import os from 'node:os';
import path from 'node:path';
import { readEnv } from '../../lib/config/env';
import { provisionMemberDatabase } from '../../lib/db/provision';
import { redact } from '../../lib/db/databaseUrl';
import { isBlockedPort } from '../../lib/http/blockedPorts';
import { readSigningConfig } from '../../lib/security/config';
import { identityOf } from '../../lib/security/roles';
import { signedGraphQL } from '../../lib/security/signedGraphQL';
import { CREDENTIALS_FILE } from '../../scripts/mysqlFederation';
import { Ministry } from '../../services/country/entities';
import { openCountryDatabase, assertDatabaseOfMember } from '../../services/country/database';
import { DEMO_DATA, seedDemoData } from '../../services/country/seeds';
import { editMembers, readConfig, shardedSubgraph } from '../federationConfig';
import { CheckFailed, OutputFormat, progress, result, resultJson, UsageError } from '../output';
import { isListening } from '../../lib/http/ports';

export interface MemberAddOptions {
  name: string;
  countryName?: string;
  natoRelation: string;
  /** The earlier, hidden name of natoRelation. */
  natoStatus?: string;
  database?: string;
  mysql?: string;
  mysqlPrefix?: string;
  port?: number;
  seed?: string;
  minister?: string;
  headquarters?: string;
  config: string;
  format: OutputFormat;
}

const ADMIT = `mutation Admit($code: ID!, $name: String!, $natoRelation: NatoRelation!) {
  admitMember(code: $code, name: $name, natoRelation: $natoRelation) { code membership }
}`;

export async function runMemberAdd(code: string, options: MemberAddOptions): Promise<void> {
  if (options.seed !== undefined && options.seed !== 'demo') throw new UsageError(`--seed: the only record set is "demo" (got "${options.seed}")`);
  if (options.seed === 'demo' && !DEMO_DATA[code]) throw new UsageError(`--seed demo: there are demo records for ${Object.keys(DEMO_DATA).join(', ')} only, not ${code}`);
  if (options.database && options.mysql) throw new UsageError('--database and --mysql both choose the database: give one');
  if ((options.minister === undefined) !== (options.headquarters === undefined)) throw new UsageError('--minister and --headquarters go together (the ministry record needs both)');

  const config = readConfig(options.config);
  const country = shardedSubgraph(config);
  if (country.sharded.members[code]) throw new CheckFailed(`${code} is already in the federation config ${config.origin} (at ${country.sharded.members[code].url})`);
  const procurement = config.subgraphs.find((s) => s.name === 'procurement' && s.url);
  if (!procurement?.url) throw new Error(`Federation config ${config.origin} has no procurement subgraph with a url to admit ${code} in`);

  const existing = Object.values(country.sharded.members).map((m) => new URL(m.url));
  const host = existing[0]?.hostname ?? '127.0.0.1';
  const port = options.port ?? (await firstFreePort(host, existing));
  if (isBlockedPort(port)) throw new UsageError(`--port ${port}: browsers and fetch clients refuse that port; choose another`);
  if (await isListening(host, port)) throw new CheckFailed(`port ${port} on ${host} is already in use: choose another with --port`);
  const url = `http://${host}:${port}/graphql`;

  // Fail before changing anything if procurement cannot admit the member.
  const secret = readSigningConfig().secret;
  const caller = identityOf(`jpg:${os.userInfo().username}`, ['procurement']);
  progress(`checking procurement at ${procurement.url}`);
  const health = await fetch(new URL('/health', procurement.url)).catch((error: Error) => error);
  if (health instanceof Error || !health.ok) throw new Error(`procurement at ${procurement.url} does not answer (${health instanceof Error ? (health.cause as Error | undefined)?.message ?? health.message : `HTTP ${health.status}`}); start it first`);

  const dataDir = path.resolve(readEnv('DATA_DIR', 'data')!);
  let databaseUrl: string;
  if (options.mysql) {
    progress(`creating MySQL database and user for ${code}`);
    databaseUrl = await provisionMemberDatabase(options.mysql, code, { prefix: options.mysqlPrefix, credentialsFile: path.join(dataDir, CREDENTIALS_FILE) });
  } else {
    databaseUrl = options.database ?? `sqlite:${path.join(dataDir, `country-${code.toLowerCase()}.sqlite`)}`;
  }
  progress(`migrating ${redact(databaseUrl)}`);
  const dataSource = await openCountryDatabase(databaseUrl);
  let seeded = 'no';
  try {
    await assertDatabaseOfMember(dataSource, code, databaseUrl);
    if (options.seed === 'demo') seeded = await seedDemoData(dataSource, code, { reset: false });
    if (options.minister !== undefined && options.headquarters !== undefined) {
      await dataSource.getRepository(Ministry).save({ countryCode: code, name: options.name, minister: options.minister, headquarters: options.headquarters });
    }
  } finally {
    await dataSource.destroy();
  }

  progress(`admitting ${code} in procurement`);
  const admitted = await signedGraphQL<{ admitMember: { code: string; membership: string } | null }>(
    procurement.url,
    ADMIT,
    { code, name: options.countryName ?? options.name, natoRelation: options.natoStatus ?? options.natoRelation },
    { secret, target: 'procurement', as: caller },
  );
  const refusal = admitted.errors?.[0];
  const alreadyMember = refusal?.extensions?.code === 'MEMBER_EXISTS' && /already a member/.test(refusal.message);
  if (refusal && !alreadyMember) throw new Error(`procurement refused to admit ${code}: ${refusal.message} (${String(refusal.extensions?.code ?? `HTTP ${admitted.status}`)})`);

  progress(`adding ${code} at ${url} to ${config.origin}`);
  editMembers(config.origin, (members) => {
    members[code] = { url };
  });

  // Exact whatever the shell's environment: its own port, address and database.
  const start = `PORT=${port}${host === '127.0.0.1' ? '' : ` HOST=${host}`} DATABASE_URL='${databaseUrl}' npm run start:country -- --member ${code} --no-seed`;
  const summary = { code, url, database: redact(databaseUrl), seeded, admitted: alreadyMember ? 'already a member' : 'admitted', config: config.origin, start };
  if (options.format === 'json') resultJson(summary);
  else
    result(
      [
        `Member ${code} added: database ${summary.database}${seeded === 'seeded' ? ' (demo records)' : ''}, ${summary.admitted} in procurement, ${url} in ${config.origin}.`,
        'Start its service (the gateway takes it into service as soon as it answers):',
        `  ${start}`,
      ].join('\n'),
    );
}

/** After the highest member port, the first one that is not blocked, not another member's and not listening. */
async function firstFreePort(host: string, existing: URL[]): Promise<number> {
  const taken = new Set(existing.map((u) => Number(u.port)));
  let port = Math.max(4010, ...taken) + 1;
  while (taken.has(port) || isBlockedPort(port) || (await isListening(host, port))) port++;
  return port;
}
