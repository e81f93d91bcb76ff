/** Which database `jpg import` / `jpg export` open: the member's own, named as its service would find it. */
import { Option } from 'commander';
import { defaultCountryDatabaseUrl } from '../services/country/config';

/** `--database <url>`, else DATABASE_URL, else the member's SQLite file as start:country opens it. */
export function memberDatabaseOption(): Option {
  return new Option('--database <url>', "the member's DATABASE_URL (mysql://… or sqlite:…); default sqlite:<DATA_DIR>/country-<code>.sqlite").env('DATABASE_URL');
}

export function resolveMemberDatabase(member: string, database: string | undefined): string {
  return database ?? defaultCountryDatabaseUrl(member);
}
