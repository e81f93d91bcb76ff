/**
 * Replaces a member's records with the demo records, then exits:
 *   npm run seed:country -- --member XK     (DATABASE_URL as for start:country)
 */
import 'reflect-metadata';
import { redact } from '../../../lib/db/databaseUrl';
import { readCountryConfig } from '../config';
import { assertDatabaseOfMember, openCountryDatabase } from '../database';
import { seedDemoData } from '.';

async function main(): Promise<void> {
  const { member, databaseUrl } = readCountryConfig(process.argv.slice(2));
  const dataSource = await openCountryDatabase(databaseUrl);
  try {
    await assertDatabaseOfMember(dataSource, member, databaseUrl);
    const outcome = await seedDemoData(dataSource, member, { reset: true });
    console.log(`${member} (${redact(databaseUrl)}): ${outcome}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
