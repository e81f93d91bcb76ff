/**
 * One member's country subgraph for the domain benchmark, in a process of its
 * own, as deployed (one service process per ministry): its database (created
 * by the federation that starts it) migrated and seeded, prints
 * `READY <url>`. Stops on SIGTERM/SIGINT and when the federation that started
 * it goes away.
 * Usage: node dist/bench/targets/domainMember.js <member> <mysql://server/database>
 */
import 'reflect-metadata';
import { startCountryService } from '../../services/country/service';

async function main(): Promise<void> {
  const [member, databaseUrl] = process.argv.slice(2);
  const service = await startCountryService({ member, databaseUrl, seed: true });
  const stop = () => void service.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Never outlives the federation that started it.
  process.on('disconnect', stop);
  console.log(`READY ${service.url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
