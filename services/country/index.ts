/**
 * Runs one member's country subgraph:
 *   node dist/services/country/index.js --member XK [--port 4011] [--seed | --no-seed]
 * (or `npm run start:country -- --member XK`). DATABASE_URL picks the database
 * (default sqlite:data/country-<member>.sqlite). Migrates; loads demo records
 * on first start (an empty database), or replaces them with --seed.
 */
import 'reflect-metadata';
import { redact } from '../../lib/db/databaseUrl';
import { createLogger } from '../../lib/observability/logger';
import { setupTracing } from '../../lib/observability/tracing';
import { stopOnSignals } from '../../lib/process/stopOnSignals';
import { readCountryConfig } from './config';
import { startCountryService } from './service';

async function main(): Promise<void> {
  const config = readCountryConfig(process.argv.slice(2));
  const logger = createLogger({ name: `country-${config.member}` });
  // Off unless OTEL_TRACES_EXPORTER names an exporter.
  const tracing = setupTracing({ serviceName: `country-${config.member}` });
  const service = await startCountryService({
    logger,
    member: config.member,
    databaseUrl: config.databaseUrl,
    port: config.port,
    host: config.host,
    seed: config.seed,
  });
  logger.info(`country subgraph of ${service.member} on ${service.url} (database ${redact(config.databaseUrl)}; demo records: ${service.seeded})`);

  stopOnSignals(
    async () => {
      await service.stop();
      await tracing.shutdown().catch(() => undefined);
    },
    { name: `the country subgraph of ${service.member}`, log: logger },
  );
}

main().catch((error) => {
  console.error(`country subgraph failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
