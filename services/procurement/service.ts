/**
 * The procurement subgraph as a running service: database (migrated, with
 * reference data), schema, HTTP server. `npm start`, the gateway's tests and
 * this service's own tests all start it through `startProcurementService`.
 */
import type { RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../lib/db/dataSource';
import { StatementCounter } from '../../lib/db/statementCounter';
import type { Logger } from '../../lib/observability/logger';
import { serveWithDatabase } from '../../lib/http/serveWithDatabase';
import { startSubgraphServer } from '../../lib/http/subgraphServer';
import { clockFrom } from './clock';
import { createContext } from './context';
import { PROCUREMENT_ENTITIES } from './entities';
import { PROCUREMENT_MIGRATIONS } from './migrations';
import { buildProcurementSchema } from './schema';
import { seedDemoData, seedReferenceData } from './seeds';

export interface ProcurementServiceOptions {
  /** mysql://user:password@host:3306/database or sqlite:path */
  databaseUrl: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Adds the demo orders if the database has none. The catalogue and members are always ensured. */
  seed?: boolean;
  /** The clock; tests fix "today" for offer expiry and late deliveries. The demo orders are dated from its day. */
  now?: () => Date;
  /** Express middleware run before GraphQL, e.g. request-signature checks. */
  before?: RequestHandler[];
  /** Where its log lines go. Default: JSON lines on stdout, named procurement. */
  logger?: Logger;
}

export interface ProcurementService {
  url: string;
  port: number;
  dataSource: DataSource;
  /** Counts every SQL statement the service issues (batching proofs). */
  statements: StatementCounter;
  stop(): Promise<void>;
}

export async function startProcurementService(options: ProcurementServiceOptions): Promise<ProcurementService> {
  const statements = new StatementCounter();
  const dataSource = await openDatabase({ url: options.databaseUrl, entities: PROCUREMENT_ENTITIES, migrations: PROCUREMENT_MIGRATIONS, logger: statements });
  const server = await serveWithDatabase(dataSource, async () => {
    const clock = clockFrom(options.now);
    if (options.seed) await seedDemoData(dataSource, clock.today());
    else await seedReferenceData(dataSource);
    return startSubgraphServer({
      name: 'procurement',
      schema: await buildProcurementSchema(),
      context: async (_req, identity) => createContext(dataSource, clock, identity),
      port: options.port ?? 0,
      host: options.host,
      before: options.before,
      logger: options.logger,
      database: dataSource,
    });
  });
  return { url: server.url, port: server.port, dataSource, statements, stop: server.stop };
}
