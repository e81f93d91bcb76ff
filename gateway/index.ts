/**
 * Runs the gateway: `npm run start:gateway [-- --supergraph <file>]`, or
 * `node dist/gateway/index.js` (flags and variables in ./startup.ts).
 * Ctrl-C (SIGINT) or SIGTERM stops it gracefully (lib/process/stopOnSignals.ts).
 */
// First: before anything loads @apollo/gateway (see the module).
import './plainApolloExports';
import { applyGatewayHeapSizing } from './heapSizing';
import { setupTracing } from '../lib/observability/tracing';
import { stopOnSignals } from '../lib/process/stopOnSignals';
import { exitWithUsageIfAsked } from '../lib/config/usage';
import { createGatewayLogger } from './logger';
import { startGateway } from './server';
import { readGatewayStartup } from './startup';

const USAGE = `
Usage: npm run start:gateway [-- --config <file>] [--supergraph <file>] [--port <n>] [--host <address>]

Starts the gateway.
  --config, GATEWAY_CONFIG   the federation config (default config/federation.json); watched: member changes
                             apply without a restart
  --supergraph <file>        serve this Federation 2 supergraph instead of composing the config's SDLs
  --port, PORT               default the config's gateway.port (4000)
  --host, HOST               default the config's gateway.host (127.0.0.1)
  --help                     this text
Every variable, with its default: lib/config/env.ts.`;

// Peak RSS under load is garbage the old generation keeps between full collections: capped (see the module).
applyGatewayHeapSizing();

async function main(): Promise<void> {
  exitWithUsageIfAsked(process.argv.slice(2), USAGE);
  const logger = createGatewayLogger();
  // Off unless OTEL_TRACES_EXPORTER names an exporter; registered before anything makes a span.
  const tracing = setupTracing({ serviceName: 'gateway' });
  const startup = readGatewayStartup(process.argv.slice(2));
  const gateway = await startGateway({ config: startup.config, supergraphFile: startup.supergraphFile, port: startup.port, host: startup.host, logger, watchConfig: startup.configFromFile });
  logger.info(`config ${startup.config.origin}; health ${gateway.origin}/health, readiness ${gateway.origin}/ready`);

  stopOnSignals(
    async () => {
      await gateway.stop();
      await tracing.shutdown().catch(() => undefined);
    },
    { name: 'the gateway', log: logger },
  );
}

main().catch((error) => {
  console.error(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
