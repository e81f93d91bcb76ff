/**
 * A TypeORM logger that counts the SQL statements a service issues, so tests
 * can prove batching (N entities cost a constant number of queries). It also
 * reports query errors (at debug level, LOG_LEVEL=debug), which TypeORM would
 * otherwise print nowhere.
 */
import type { Logger } from 'typeorm';
import { currentLogger } from '../observability/logger';

const BOOKKEEPING = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA)/i;

/** A long-running service counts forever; it keeps only the latest statements' text. */
const KEPT_STATEMENTS = 2000;

export class StatementCounter implements Logger {
  private statements: string[] = [];
  private counted = 0;

  reset(): void {
    this.statements = [];
    this.counted = 0;
  }

  get count(): number {
    return this.counted;
  }

  /** The latest statements (at most KEPT_STATEMENTS), oldest first. */
  get recorded(): readonly string[] {
    return this.statements;
  }

  logQuery(query: string): void {
    // Transaction bookkeeping is not a data query; count only real statements.
    if (BOOKKEEPING.test(query.trim())) return;
    this.counted++;
    this.statements.push(query);
    if (this.statements.length > KEPT_STATEMENTS) this.statements.splice(0, this.statements.length - KEPT_STATEMENTS);
  }

  logQueryError(error: string | Error, query: string): void {
    // Usually expected (a constraint doing its job, answered with its own code): debug, with the statement (placeholders, no values).
    currentLogger().debug({ statement: query.slice(0, 2000) }, `SQL statement failed: ${error instanceof Error ? error.message : error}`);
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') currentLogger().warn(`database: ${String(message)}`);
  }
}
