/**
 * `jpg import` of 100,000 holding rows into a member's database: the file is
 * generated (every row a distinct item + formation + status), imported into a
 * throwaway database through the same code as the CLI, imported again (no
 * change expected), and exported. Runs on the MariaDB/MySQL server of
 * BENCH_DATABASE_URL (an administrator URL, default mysql://root@127.0.0.1:3306;
 * a member database and user are provisioned as `npm start -- --mysql` does,
 * and dropped after), or on a temporary SQLite file when that server does
 * not answer.
 *
 * Knobs: BENCH_DATABASE_URL, BENCH_IMPORT_ROWS (default 100000).
 * Alone: `npm run bench:import`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import mysql from 'mysql2/promise';
import { readEnv } from '../lib/config/env';
import { exitWithUsageIfAsked } from '../lib/config/usage';
import { parseDatabaseUrl } from '../lib/db/databaseUrl';
import { memberAccount, provisionMemberDatabase } from '../lib/db/provision';
import { CATALOG } from '../lib/reference/catalog';
import { exportCsv, importCsvFile } from '../services/country/transfer/memberFiles';

const ROWS = Number(readEnv('BENCH_IMPORT_ROWS', '100000'));
const STATUSES = ['OPERATIONAL', 'MAINTENANCE', 'RESERVE'];

function holdingsCsv(rows: number): string {
  const lines = ['nsn,unit,status,quantity,natoStandard'];
  const perUnit = CATALOG.length * STATUSES.length;
  for (let i = 0; i < rows; i++) {
    const item = CATALOG[i % CATALOG.length];
    const status = STATUSES[Math.floor(i / CATALOG.length) % STATUSES.length];
    lines.push(`${item.nsn},Formation ${Math.floor(i / perUnit) + 1},${status},${(i % 997) + 1},${i % 10 !== 0}`);
  }
  return `${lines.join('\n')}\n`;
}

interface BenchDatabase {
  url: string;
  backend: string;
  drop(): Promise<void>;
}

async function throwawayDatabase(folder: string): Promise<BenchDatabase> {
  const adminUrl = readEnv('BENCH_DATABASE_URL', 'mysql://root@127.0.0.1:3306')!;
  const prefix = `jpgb${crypto.randomBytes(3).toString('hex')}_`;
  let url: string;
  try {
    url = await provisionMemberDatabase(adminUrl, 'XK', { prefix });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { url: `sqlite:${path.join(folder, 'country-xk.sqlite')}`, backend: `SQLite (MySQL/MariaDB at BENCH_DATABASE_URL refused: ${why})`, drop: async () => {} };
  }
  const target = parseDatabaseUrl(adminUrl);
  if (target.kind !== 'mysql') throw new Error('BENCH_DATABASE_URL must be a mysql:// URL');
  return {
    url,
    backend: `MariaDB/MySQL at ${target.host}:${target.port}, the member's own user`,
    drop: async () => {
      const admin = await mysql.createConnection({ host: target.host, port: target.port, user: target.user, password: target.password });
      const { database, user } = memberAccount('XK', prefix);
      try {
        await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
        await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
      } finally {
        await admin.end();
      }
    },
  };
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

export async function benchImportHoldings(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-bench-import-'));
  const database = await throwawayDatabase(folder);
  try {
    const file = path.join(folder, 'holdings.csv');
    fs.writeFileSync(file, holdingsCsv(ROWS));
    console.log(`Import benchmark: ${ROWS} holding rows (${(fs.statSync(file).size / 1e6).toFixed(1)} MB CSV) into ${database.backend}`);
    const run = async (what: string, work: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      const outcome = await work();
      const took = seconds(start);
      return { step: what, seconds: took.toFixed(2), 'rows/s': Math.round(ROWS / took), outcome: JSON.stringify(outcome) };
    };
    const options = { member: 'XK', databaseUrl: database.url, kind: 'holdings' as const, file, replace: false, operator: 'bench' };
    const results = [
      await run('first import (all new)', () => importCsvFile(options)),
      await run('same file again (no change)', () => importCsvFile(options)),
      await run('export', async () => ({ rows: (await exportCsv(options)).rows })),
    ];
    console.table(results);
  } finally {
    await database.drop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

const USAGE = `
Usage: npm run bench:import

Generates BENCH_IMPORT_ROWS (default 100000) holding rows as CSV and times jpg import of them into a throwaway
member database (on BENCH_DATABASE_URL, default mysql://root@127.0.0.1:3306, else a temporary SQLite file),
the same file again, and the export; prints the table. Part of npm run bench too.
  --help   this text (runs nothing)`;

if (require.main === module) {
  exitWithUsageIfAsked(process.argv.slice(2), USAGE);
  benchImportHoldings().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
