/**
 * The gateway of the domain benchmark's federation, in its own process (so it
 * has a core to itself, as a deployment gives it its own machine): the
 * federation config as JSON in argv, prints `READY <gateway url>`.
 * Usage: node dist/bench/targets/domainGateway.js '<federation config JSON>'
 */
import 'reflect-metadata';
import path from 'node:path';
import { parseFederationConfig } from '../../gateway/config';
import { applyGatewayHeapSizing } from '../../gateway/heapSizing';
import { createGatewayLogger } from '../../gateway/logger';
import { startGateway } from '../../gateway/server';

const ROOT = path.resolve(__dirname, '..', '..', '..');

// As every gateway process runs (gateway/index.ts).
applyGatewayHeapSizing();

async function main(): Promise<void> {
  const config = parseFederationConfig(JSON.parse(process.argv[2]), { origin: 'bench domain federation', baseDir: ROOT });
  const gateway = await startGateway({ config, port: 0, host: '127.0.0.1', logger: createGatewayLogger({ level: 'warn' }), webApps: false });
  const stop = () => void gateway.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Never outlives the federation that started it.
  process.on('disconnect', stop);
  console.log(`READY ${gateway.url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
