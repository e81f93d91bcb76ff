/**
 * CLI: starts the procurement subgraph.
 *   DATABASE_URL  default sqlite:data/procurement.sqlite
 *   PORT          default 4001
 *   HOST          default 127.0.0.1
 * The catalogue and members are always ensured. The demo orders are added when
 * the database has no orders yet (so `--seed` changes nothing on a used
 * database); `--no-seed` leaves an empty database empty of orders.
 */
import 'reflect-metadata';
import { describeTarget, parseDatabaseUrl } from '../../lib/db/databaseUrl';
import { readEnv, readPort } from '../../lib/config/env';
import { createLogger } from '../../lib/observability/logger';
import { setupTracing } from '../../lib/observability/tracing';
import { stopOnSignals } from '../../lib/process/stopOnSignals';
import { startProcurementService } from './service';

async function main(): Promise<void> {
  const databaseUrl = readEnv('DATABASE_URL', 'sqlite:data/procurement.sqlite') as string;
  const logger = createLogger({ name: 'procurement' });
  // Off unless OTEL_TRACES_EXPORTER names an exporter.
  const tracing = setupTracing({ serviceName: 'procurement' });
  const service = await startProcurementService({
    logger,
    databaseUrl,
    port: readPort('PORT', 4001),
    host: readEnv('HOST', '127.0.0.1'),
    seed: !process.argv.includes('--no-seed'),
  });
  logger.info(`procurement subgraph on ${service.url} (${describeTarget(parseDatabaseUrl(databaseUrl))})`);

  stopOnSignals(
    async () => {
      await service.stop();
      await tracing.shutdown().catch(() => undefined);
    },
    { name: 'the procurement subgraph', log: logger },
  );
}

main().catch((error) => {
  console.error('procurement: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
