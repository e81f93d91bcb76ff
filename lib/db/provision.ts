/**
 * Creates a service's own MySQL/MariaDB database and its own user, granted
 * that database only, through an administrator's connection, and returns the
 * URL the service connects with. Names follow docker-compose.yml: member XK
 * gets database `jpg_country_xk` and user `xk_ministry`, procurement gets
 * `jpg_procurement` and `procurement`.
 *
 * Idempotent: an existing database is kept with its data, an existing user
 * keeps its name but gets the known password again and loses every other
 * grant, so the user reaches its own database and nothing else.
 * The administrator's URL is used here only; services get their own URL.
 */
import crypto from 'node:crypto';
import mysql from 'mysql2/promise';
import { MEMBER_CODE } from '../reference/members';
import { readCredentials, saveCredential } from './credentialsFile';
import { parseDatabaseUrl } from './databaseUrl';

export interface ProvisionOptions {
  /** Put before every database and user name (lower-case letters, digits, `_`), e.g. `t3f9a_` for throwaway ones. Default none. */
  prefix?: string;
  /** The user's password. Default: the one `credentialsFile` keeps for the user, else a new random one. */
  password?: string;
  /** JSON file (mode 0600) keeping each user's password, so a second run sets the same one. Default: none (the password lives only in the returned URL). */
  credentialsFile?: string;
  /** Host part of the account. Default `%`, as the MySQL image's MYSQL_USER (services connect from other hosts). */
  userHost?: string;
}

export interface DatabaseAccount {
  database: string;
  user: string;
}

const NAME = /^[a-z0-9_]+$/;
/** MySQL 8 limits user names to 32 characters (MariaDB to 80); database names to 64. */
const MAX_USER = 32;
const MAX_DATABASE = 64;

/** `jpg_country_xk` / `xk_ministry` for member XK, as docker-compose.yml names them. */
export function memberAccount(code: string, prefix = ''): DatabaseAccount {
  if (!MEMBER_CODE.test(code)) throw new Error(`Member code "${code}" must be two capital letters`);
  return checkedAccount({ database: `${prefix}jpg_country_${code.toLowerCase()}`, user: `${prefix}${code.toLowerCase()}_ministry` }, prefix);
}

/** `jpg_<name>` / `<name>` for an unsharded subgraph: `jpg_procurement` / `procurement`. */
export function subgraphAccount(name: string, prefix = ''): DatabaseAccount {
  return checkedAccount({ database: `${prefix}jpg_${name}`, user: `${prefix}${name}` }, prefix);
}

function checkedAccount(account: DatabaseAccount, prefix: string): DatabaseAccount {
  if (prefix && !NAME.test(prefix)) throw new Error(`Database name prefix "${prefix}" may hold only lower-case letters, digits and _`);
  if (!NAME.test(account.database)) throw new Error(`Database name "${account.database}" may hold only lower-case letters, digits and _`);
  if (account.database.length > MAX_DATABASE) throw new Error(`Database name "${account.database}" is longer than ${MAX_DATABASE} characters`);
  if (account.user.length > MAX_USER) throw new Error(`Database user "${account.user}" is longer than ${MAX_USER} characters (shorten the prefix)`);
  return account;
}

/** Member `code`'s own database and user on the server `adminUrl` names; returns the member's DATABASE_URL. */
export function provisionMemberDatabase(adminUrl: string, code: string, options: ProvisionOptions = {}): Promise<string> {
  return provisionDatabase(adminUrl, memberAccount(code, options.prefix), options);
}

/** The database and user `account` names, created or brought back to the known state; returns its URL. */
export async function provisionDatabase(adminUrl: string, account: DatabaseAccount, options: ProvisionOptions = {}): Promise<string> {
  const server = parseDatabaseUrl(adminUrl);
  if (server.kind !== 'mysql') throw new Error('The administrator URL must be a mysql:// URL, e.g. mysql://root@127.0.0.1:3306');
  const userHost = options.userHost ?? '%';
  const password =
    options.password ?? (options.credentialsFile ? readCredentials(options.credentialsFile)[account.user] : undefined) ?? crypto.randomBytes(24).toString('base64url');

  const admin = await mysql.createConnection({ host: server.host, port: server.port, user: server.user, password: server.password });
  try {
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${account.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [account.user, userHost, password]);
    await admin.query('ALTER USER ?@? IDENTIFIED BY ?', [account.user, userHost, password]);
    await admin.query('REVOKE ALL PRIVILEGES, GRANT OPTION FROM ?@?', [account.user, userHost]);
    // In a GRANT's database name `_` is a wildcard: escaped, the grant names this database alone.
    await admin.query(`GRANT ALL PRIVILEGES ON \`${account.database.replace(/_/g, '\\_')}\`.* TO ?@?`, [account.user, userHost]);
  } finally {
    await admin.end();
  }
  if (options.credentialsFile && options.password === undefined) saveCredential(options.credentialsFile, account.user, password);

  const url = new URL(`mysql://${server.host}`);
  url.port = String(server.port);
  url.username = account.user;
  url.password = password;
  url.pathname = `/${account.database}`;
  return url.toString();
}
