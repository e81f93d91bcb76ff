/**
 * A TypeORM logger that counts the SQL statements a service issues, so tests
 * can prove batching (N entities cost a constant number of queries). It also
 * reports query errors, which TypeORM would otherwise print nowhere.
 */
import type { Logger } from 'typeorm';

const BOOKKEEPING = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA)/i;

export class StatementCounter implements Logger {
  private statements: string[] = [];

  reset(): void {
    this.statements = [];
  }

  get count(): number {
    return this.statements.length;
  }

  get recorded(): readonly string[] {
    return this.statements;
  }

  logQuery(query: string): void {
    // Transaction bookkeeping is not a data query; count only real statements.
    if (!BOOKKEEPING.test(query.trim())) this.statements.push(query);
  }

  logQueryError(error: string | Error, query: string): void {
    if (process.env.LOG_SQL_ERRORS) console.error('[db error]', error, query);
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') console.warn('[db warn]', message);
  }
}
