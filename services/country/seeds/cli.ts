/**
 * Replaces a member's records with the demo records, then exits:
 *   npm run seed:country -- --member XK     (DATABASE_URL as for start:country)
 */
import 'reflect-metadata';
import { redact } from '../../../lib/db/databaseUrl';
import { exitWithUsageIfAsked } from '../../../lib/config/usage';
import { readCountryDatabase } from '../config';
import { assertDatabaseOfMember, openCountryDatabase } from '../database';
import { seedDemoData } from '.';

const USAGE = `
Usage: npm run seed:country -- --member <CODE> [--database-url <url>]

Replaces the member's records with the demo records (XK, AL, HR, BG have them), then exits.
  --member, MEMBER              the member, required
  --database-url, DATABASE_URL  default sqlite:<DATA_DIR>/country-<code>.sqlite
  --help                        this text`;

async function main(): Promise<void> {
  exitWithUsageIfAsked(process.argv.slice(2), USAGE);
  const { member, databaseUrl } = readCountryDatabase(process.argv.slice(2));
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
