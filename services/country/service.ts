/**
 * One member's country subgraph: its database (migrated, checked to be this
 * member's), optional demo records, and the HTTP server. The gateway's tests
 * and `npm start` start members through `startCountryService`.
 */
import type { RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { StatementCounter } from '../../lib/db/statementCounter';
import type { Logger } from '../../lib/observability/logger';
import { serveWithDatabase } from '../../lib/http/serveWithDatabase';
import { startSubgraphServer } from '../../lib/http/subgraphServer';
import { todayOf } from '../../lib/reference/demoCalendar';
import { contextFactory } from './context';
import { assertDatabaseOfMember, openCountryDatabase } from './database';
import { assertMemberCode } from './member';
import { buildCountrySchema } from './schema';
import { seedDemoData, SeedOutcome } from './seeds';

export interface CountryServiceOptions {
  /** ISO code of the member this process serves, e.g. "XK". */
  member: string;
  /** mysql://user:password@host:3306/database or sqlite:path (see lib/db/databaseUrl.ts). */
  databaseUrl: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * Demo records: true loads them when the member's database holds none
   * (first start); 'reset' replaces whatever it holds. Default: none.
   */
  seed?: boolean | 'reset';
  /** The clock the demo records are dated by (their day is today's); tests fix it. */
  now?: () => Date;
  /** Express middleware run before GraphQL, e.g. request-signature checks. */
  before?: RequestHandler[];
  /** Where its log lines go. Default: JSON lines on stdout, named country-<member>. */
  logger?: Logger;
}

export interface CountryService {
  member: string;
  url: string;
  port: number;
  dataSource: DataSource;
  /** Counts the SQL statements the service issues (reset it before measuring). */
  statements: StatementCounter;
  /** What seeding did at start ('not-asked' without the seed option). */
  seeded: SeedOutcome | 'not-asked';
  stop(): Promise<void>;
}

export async function startCountryService(options: CountryServiceOptions): Promise<CountryService> {
  const { member } = options;
  assertMemberCode(member);
  const statements = new StatementCounter();
  const dataSource = await openCountryDatabase(options.databaseUrl, statements);
  let seeded: SeedOutcome | 'not-asked' = 'not-asked';
  const server = await serveWithDatabase(dataSource, async () => {
    await assertDatabaseOfMember(dataSource, member, options.databaseUrl);
    if (options.seed) seeded = await seedDemoData(dataSource, member, { reset: options.seed === 'reset', today: todayOf(options.now?.()) });
    return startSubgraphServer({
      name: `country-${member}`,
      // The gateway signs each member's requests for its code (gateway/security/gatewaySecurity.ts).
      signatureTarget: member,
      schema: await buildCountrySchema(),
      context: contextFactory(member, dataSource),
      port: options.port ?? 0,
      host: options.host,
      before: options.before,
      logger: options.logger,
      database: dataSource,
      health: () => ({ member }),
    });
  });
  statements.reset();
  return { member, url: server.url, port: server.port, dataSource, statements, seeded, stop: server.stop };
}
