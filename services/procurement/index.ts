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
import path from 'node:path';
import { describeTarget, parseDatabaseUrl } from '../../lib/db/databaseUrl';
import { readEnv, readPort } from '../../lib/config/env';
import { exitWithUsageIfAsked } from '../../lib/config/usage';
import { isProduction } from '../../lib/security/config';
import { serviceAddressInConfig } from '../../gateway/configAddress';
import { createLogger } from '../../lib/observability/logger';
import { setupTracing } from '../../lib/observability/tracing';
import { stopOnSignals } from '../../lib/process/stopOnSignals';
import { startProcurementService } from './service';

const USAGE = `
Usage: npm run start:procurement [-- --seed | --no-seed]

Starts the shared procurement subgraph.
  DATABASE_URL   default sqlite:<DATA_DIR>/procurement.sqlite (DATA_DIR default data/)
  PORT, HOST     default: the procurement subgraph's URL in the federation config (GATEWAY_CONFIG,
                 default config/federation.json), else 4001 on 127.0.0.1
  --seed         add the demo orders to a database without orders (the default, except with NODE_ENV=production)
  --no-seed      never add them
  --help         this text`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  exitWithUsageIfAsked(argv, USAGE);
  const databaseUrl = readEnv('DATABASE_URL', `sqlite:${path.join(readEnv('DATA_DIR', 'data')!, 'procurement.sqlite')}`) as string;
  const configured = serviceAddressInConfig({ subgraph: 'procurement' });
  const logger = createLogger({ name: 'procurement' });
  // Off unless OTEL_TRACES_EXPORTER names an exporter.
  const tracing = setupTracing({ serviceName: 'procurement' });
  const service = await startProcurementService({
    logger,
    databaseUrl,
    // PORT wins over the config, the config over the default.
    port: configured && readEnv('PORT') === undefined ? configured.port : readPort('PORT', 4001),
    host: readEnv('HOST', configured?.host ?? '127.0.0.1'),
    // Demo orders in production only when asked for.
    seed: argv.includes('--seed') || (!argv.includes('--no-seed') && !isProduction()),
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
