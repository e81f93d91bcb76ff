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
import { exitWithUsageIfAsked } from '../../lib/config/usage';
import { readArg, readEnv } from '../../lib/config/env';
import { serviceAddressInConfig } from '../../gateway/configAddress';
import { readCountryConfig } from './config';
import { startCountryService } from './service';

const USAGE = `
Usage: npm run start:country -- --member <CODE> [--port <n>] [--host <address>] [--database-url <url>] [--seed | --no-seed]

Starts one member's country subgraph.
  --member, MEMBER            the member served (two capital letters), required
  --port, PORT                default: the port of the member's URL in the federation config (GATEWAY_CONFIG,
                              default config/federation.json); XK 4011, AL 4012, HR 4013, BG 4014 without one
  --host, HOST                default: the host of that URL, else 127.0.0.1
  --database-url, DATABASE_URL  default sqlite:<DATA_DIR>/country-<code>.sqlite (DATA_DIR default data/)
  --seed                      replace the member's records with the demo records
  --no-seed                   never load them (default with NODE_ENV=production); otherwise they are loaded
                              into a database that holds none of the member's records
  --help                      this text`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  exitWithUsageIfAsked(argv, USAGE);
  const member = (readArg(argv, 'member') ?? readEnv('MEMBER'))?.toUpperCase();
  const config = readCountryConfig(argv, member ? serviceAddressInConfig({ member }) : undefined);
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
