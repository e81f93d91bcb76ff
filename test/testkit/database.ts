/**
 * Throwaway databases for tests: one per call, random suffix, dropped after.
 * On MariaDB/MySQL when TEST_DATABASE_URL names a server, else SQLite files in
 * a temp folder. Demo data is never touched.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '../../lib/db/databaseUrl';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export type Backend = { kind: 'mysql'; serverUrl: string } | { kind: 'sqlite' };

export function testBackend(): Backend {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? { kind: 'mysql', serverUrl: serverUrl.replace(/\/+$/, '') } : { kind: 'sqlite' };
}

export function describeBackend(backend: Backend = testBackend()): string {
  return backend.kind === 'mysql'
    ? `MySQL/MariaDB at ${backend.serverUrl.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@')}`
    : 'embedded SQLite (set TEST_DATABASE_URL=mysql://root@127.0.0.1:3306 to test on MariaDB)';
}

async function adminConnection(serverUrl: string) {
  const t = parseDatabaseUrl(`${serverUrl}/mysql`);
  if (t.kind !== 'mysql') throw new Error('TEST_DATABASE_URL must be a mysql:// URL');
  return mysql.createConnection({ host: t.host, port: t.port, user: t.user, password: t.password });
}

/** `label` makes the database recognisable (e.g. "country_xk"). */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const suffix = crypto.randomBytes(4).toString('hex');
  const name = `jpgt_${label.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_${suffix}`.slice(0, 60);
  const backend = testBackend();
  if (backend.kind === 'mysql') {
    const admin = await adminConnection(backend.serverUrl);
    try {
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    } finally {
      await admin.end();
    }
    return {
      url: `${backend.serverUrl}/${name}`,
      drop: async () => {
        const conn = await adminConnection(backend.serverUrl);
        try {
          await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
        } finally {
          await conn.end();
        }
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-test-'));
  return {
    url: `sqlite:${path.join(dir, `${name}.sqlite`)}`,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Fails loudly when the configured server does not answer: never a silent fallback. */
export async function assertBackendReachable(): Promise<void> {
  const backend = testBackend();
  if (backend.kind !== 'mysql') return;
  try {
    const conn = await adminConnection(backend.serverUrl);
    await conn.query('SELECT 1');
    await conn.end();
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL=${backend.serverUrl} is set but the server does not answer: ${(error as Error).message}`);
  }
}

/** A plain mysql2 connection with the user, password and database of a mysql:// URL. */
export async function connectMysql(url: string): Promise<mysql.Connection> {
  const t = parseDatabaseUrl(url);
  if (t.kind !== 'mysql') throw new Error(`${url.split(':')[0]}: a mysql:// URL is expected`);
  return mysql.createConnection({ host: t.host, port: t.port, user: t.user, password: t.password, database: t.database || undefined });
}

/** Drops throwaway databases and their users (accounts of lib/db/provision.ts, host `%`). */
export async function dropDatabaseAccounts(serverUrl: string, accounts: readonly { database: string; user: string }[]): Promise<void> {
  const admin = await connectMysql(serverUrl);
  try {
    for (const { database, user } of accounts) {
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await admin.query('DROP USER IF EXISTS ?@?', [user, '%']);
    }
  } finally {
    await admin.end();
  }
}
