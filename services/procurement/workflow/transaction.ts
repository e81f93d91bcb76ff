/**
 * Every write runs in one transaction and either lands whole or changes
 * nothing. Concurrent writes to the same order are detected by its
 * `lock_version` (see `claimOrder`): the loser's transaction is rolled back and
 * run again on fresh data, a few times, before the client gets CONFLICT.
 *
 * SQLite has one connection per process, which TypeORM shares between
 * requests: two interleaved transactions would nest into each other. So on
 * SQLite writes queue up behind each other; MariaDB runs them in parallel.
 */
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ErrorCode, ruleBroken } from '../../../lib/errors';
import { isUniqueViolation } from '../../../lib/db/uniqueViolation';

/** Thrown inside a transaction when a row changed since it was read; the transaction is retried. */
export class StaleRowError extends Error {
  constructor(readonly what: string) {
    super(`${what} was changed by another request`);
  }
}

const MAX_ATTEMPTS = 4;
/** MariaDB: deadlock, lock wait timeout. SQLite: database busy. All mean "try again". */
const RETRYABLE_DRIVER_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

function queued<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return work();
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const next = previous.then(work, work);
  sqliteQueues.set(dataSource, next.catch(() => undefined));
  return next;
}

function isRetryable(error: unknown): error is Error {
  if (error instanceof StaleRowError) return true;
  const code = (error as { code?: unknown; driverError?: { code?: unknown } })?.driverError?.code ?? (error as { code?: unknown })?.code;
  return typeof code === 'string' && RETRYABLE_DRIVER_CODES.has(code);
}

export async function writeTransaction<T>(dataSource: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await queued(dataSource, () => dataSource.transaction(work));
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        const what = error instanceof StaleRowError ? error.what : 'The data';
        throw ruleBroken(ErrorCode.CONFLICT, `${what} was changed by other requests at the same moment, ${MAX_ATTEMPTS} times in a row; nothing was changed, reload and try again`);
      }
      // A short random pause so the competing requests do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 15 * attempt)));
    }
  }
}

/**
 * Inserts a row whose uniqueness the command has already checked; a
 * concurrent insert that won the race still hits the unique key, and gets the
 * same rule error as the check.
 */
export async function insertUnique<E extends ObjectLiteral>(tx: EntityManager, entity: EntityTarget<E>, row: E, duplicate: () => Error): Promise<E> {
  try {
    await tx.insert(entity, row);
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}
