/** Which database `jpg import` / `jpg export` open: the member's own, named as its service would find it. */
import fs from 'node:fs';
import { Option } from 'commander';
import { defaultCountryDatabaseUrl } from '../services/country/config';
import { UsageError } from './output';

/** `--database <url>`, else DATABASE_URL, else the member's SQLite file as start:country opens it. */
export function memberDatabaseOption(): Option {
  return new Option('--database <url>', "the member's DATABASE_URL (mysql://… or sqlite:…); default sqlite:<DATA_DIR>/country-<code>.sqlite").env('DATABASE_URL');
}

/**
 * The default SQLite file must exist already: opening it would create an empty database, so a mistyped code
 * (`jpg export XY`) would write a file and answer with nothing instead of an error.
 */
export function resolveMemberDatabase(member: string, database: string | undefined): string {
  if (database) return database;
  const url = defaultCountryDatabaseUrl(member);
  const file = url.slice('sqlite:'.length);
  if (!fs.existsSync(file)) {
    throw new UsageError(`<CODE> ${member}: no database at ${file} (start the member's service once to create it, or give --database)`);
  }
  return url;
}
