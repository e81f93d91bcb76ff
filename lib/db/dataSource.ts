/**
 * The one place a TypeORM DataSource is configured, for every service and both
 * backends. Schema changes come only from committed migrations: `synchronize`
 * is never on.
 */
import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { DataSource, DataSourceOptions, Logger, MixedList, EntitySchema } from 'typeorm';
import { parseDatabaseUrl, DatabaseTarget } from './databaseUrl';

export interface DataSourceSpec {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** Receives every SQL statement (used by the statement-counting tests). */
  logger?: Logger;
}

export function dataSourceOptions(spec: DataSourceSpec): DataSourceOptions {
  const target: DatabaseTarget = parseDatabaseUrl(spec.url);
  const common = {
    entities: spec.entities,
    migrations: spec.migrations,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logger: spec.logger,
    logging: spec.logger ? (['query', 'error'] as const) : (['error'] as const),
  };
  if (target.kind === 'mysql') {
    if (!target.database) throw new Error('A MySQL database URL must name the database: mysql://user:password@host:3306/database');
    return {
      ...common,
      logging: [...common.logging],
      type: 'mysql',
      host: target.host,
      port: target.port,
      username: target.user,
      password: target.password,
      database: target.database,
      charset: 'utf8mb4',
      timezone: 'Z',
      // DATE columns come back as 'YYYY-MM-DD' on both backends, never shifted by a time zone.
      dateStrings: ['DATE'],
      // Four concurrent requests per member are normal; keep the pool small per service.
      poolSize: 10,
      // mysql2 captures a stack trace (new Error()) on every statement by default, to append the caller's frames to
      // an error's stack: 1.4 % of a member's CPU on a one-statement read. TypeORM's QueryFailedError says which
      // statement failed, and Node's async stack traces still lead back to the resolver that issued it.
      trace: false,
    };
  }
  if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
  return {
    ...common,
    logging: [...common.logging],
    type: 'better-sqlite3',
    database: target.file,
    enableWAL: target.file !== ':memory:',
    timeout: 5000,
  };
}

export function createDataSource(spec: DataSourceSpec): DataSource {
  return new DataSource(dataSourceOptions(spec));
}

/** How long a replica waits for another one's migrations before it gives up. */
const MIGRATION_LOCK_SECONDS = 120;

/** Opens the DataSource and applies pending migrations; closes it again if they fail. */
export async function openDatabase(spec: DataSourceSpec): Promise<DataSource> {
  const dataSource = createDataSource(spec);
  await dataSource.initialize();
  try {
    await oneMigratorAtATime(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/**
 * Replicas of a service starting together would each run the same migrations
 * (and fail on "table already exists"): on MySQL/MariaDB a named lock per
 * database makes them take turns, and the later ones find nothing pending.
 * SQLite needs none: one process owns its file.
 */
async function oneMigratorAtATime<T>(dataSource: DataSource, migrate: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'mysql') return migrate();
  // A lock name is at most 64 characters; the database name alone is unique on the server.
  const lock = `jpg-migrate:${String(dataSource.options.database)}`.slice(0, 64);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ got }] = (await runner.query('SELECT GET_LOCK(?, ?) AS got', [lock, MIGRATION_LOCK_SECONDS])) as { got: number | string | null }[];
    if (Number(got) !== 1) throw new Error(`Database ${String(dataSource.options.database)}: another process kept migrating it for ${MIGRATION_LOCK_SECONDS} s; not starting`);
    try {
      return await migrate();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lock]);
    }
  } finally {
    await runner.release();
  }
}
