/**
 * Start-up configuration of one member's process, from the command line or
 * the environment (documented in lib/config/env.ts). Fails fast naming the
 * missing or bad setting.
 */
import path from 'node:path';
import { readArg, readEnv, readPort } from '../../lib/config/env';
import { MEMBERS } from '../../lib/reference/members';
import { isProduction } from '../../lib/security/config';
import { assertMemberCode } from './member';

export interface CountryConfig {
  member: string;
  databaseUrl: string;
  port: number;
  host: string;
  /** true: demo records on first start; 'reset': replace with demo records; false: never. */
  seed: boolean | 'reset';
}

/** XK 4011, AL 4012, HR 4013, BG 4014: the order of lib/reference/members.ts. */
export function defaultCountryPort(member: string): number | undefined {
  const index = MEMBERS.findIndex((m) => m.code === member);
  return index < 0 ? undefined : 4011 + index;
}

export function defaultCountryDatabaseUrl(member: string): string {
  return `sqlite:${path.join(readEnv('DATA_DIR', 'data')!, `country-${member.toLowerCase()}.sqlite`)}`;
}

/** The member and its database: all `seed:country` needs. */
export function readCountryDatabase(argv: readonly string[]): { member: string; databaseUrl: string } {
  const member = (readArg(argv, 'member') ?? readEnv('MEMBER'))?.toUpperCase();
  if (!member) throw new Error('Which member? Pass --member XK (or set MEMBER=XK).');
  assertMemberCode(member);
  return { member, databaseUrl: readArg(argv, 'database-url') ?? readEnv('DATABASE_URL') ?? defaultCountryDatabaseUrl(member) };
}

/**
 * `configured`: where the federation config says this member answers (its port and host are the defaults,
 * so a member restarted by hand comes back where the gateway calls it).
 */
export function readCountryConfig(argv: readonly string[], configured?: { host: string; port: number }): CountryConfig {
  const { member, databaseUrl } = readCountryDatabase(argv);
  const portArg = readArg(argv, 'port');
  const port = portArg !== undefined ? Number(portArg) : readPort('PORT', configured?.port ?? defaultCountryPort(member) ?? -1);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Member ${member} is not in the federation config and has no default port: pass --port N (or set PORT).`);
  }

  return {
    member,
    databaseUrl,
    port,
    host: readArg(argv, 'host') ?? readEnv('HOST') ?? configured?.host ?? '127.0.0.1',
    // Demo records in production only when asked for (--seed).
    seed: argv.includes('--seed') ? 'reset' : argv.includes('--no-seed') || isProduction() ? false : true,
  };
}
