/**
 * Every write runs in one transaction and either lands whole or changes
 * nothing. What a write claims is in guards.ts: a change of an order's terms
 * claims the order's `lock_version`, a member's change of its own part shares
 * the order and claims only that part. A claim that lost a race, a deadlock or
 * a lock wait timeout rolls the transaction back and runs it again on fresh
 * data, after a jittered, exponentially growing pause, until the attempts or
 * the time budget run out; then the client gets CONFLICT.
 *
 * MariaDB runs writes in parallel at READ COMMITTED: every statement sees what
 * was committed before it, so a write that waited for a lock reads what the
 * lock holder wrote (REPEATABLE READ would keep it on the snapshot of its
 * first read). SQLite has one connection per process, which TypeORM shares
 * between requests: two interleaved transactions would nest into each other.
 * So on SQLite writes queue up behind each other.
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

/** Enough for a burst of members on one order; the time budget stops it first when it takes long. */
const MAX_ATTEMPTS = 10;
const RETRY_BUDGET_MS = 3000;
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 250;

/** "Full jitter": a random pause up to a ceiling that doubles per attempt, so competitors spread out instead of colliding again in lockstep. */
function pauseBefore(attempt: number): number {
  return Math.floor(Math.random() * Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** attempt));
}

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
  const started = Date.now();
  const rowLocks = dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
  for (let attempt = 1; ; attempt++) {
    try {
      return await queued(dataSource, () => (rowLocks ? dataSource.transaction('READ COMMITTED', work) : dataSource.transaction(work)));
    } catch (error) {
      if (!isRetryable(error)) throw error;
      const pause = pauseBefore(attempt);
      if (attempt >= MAX_ATTEMPTS || Date.now() - started + pause > RETRY_BUDGET_MS) {
        const what = error instanceof StaleRowError ? error.what : 'The data';
        throw ruleBroken(ErrorCode.CONFLICT, `${what} was changed by other requests at the same moment, ${attempt} times in a row; nothing was changed, reload and try again`);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
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
