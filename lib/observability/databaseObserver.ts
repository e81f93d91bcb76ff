/**
 * What a subgraph's database does, seen through a TypeORM subscriber (its
 * beforeQuery/afterQuery events fire for every statement) and the pool:
 *
 *   jpg_db_queries_total{statement, outcome}        counter (select, insert, update, delete, transaction, other; ok, error)
 *   jpg_db_query_duration_seconds{statement}        histogram
 *   jpg_db_connections{state}                       gauge: MySQL pool idle / in_use; SQLite open (its one connection)
 *   jpg_db_pool_max_connections                     gauge
 *   jpg_db_pool_waiting_requests                    gauge: callers queued for a MySQL connection
 *
 * Each statement is also a `db.query` span (./tracing.ts) under the request
 * that issued it.
 */
import type { AfterQueryEvent, BeforeQueryEvent, DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { counter, gauge, histogram, Registry } from './metrics';
import { startDatabaseSpan, endDatabaseSpan, DatabaseSpan } from './tracing';

const STATEMENTS = ['select', 'insert', 'update', 'delete'];
const TRANSACTION = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i;

export function statementKind(query: string): string {
  const text = query.trimStart();
  if (TRANSACTION.test(text)) return 'transaction';
  const word = /^\w+/.exec(text)?.[0].toLowerCase() ?? '';
  return STATEMENTS.includes(word) ? word : 'other';
}

/** mysql2's pool keeps its counts in underscored fields; read them defensively (absent: no gauge). */
interface Mysql2Pool {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

export function observeDatabase(dataSource: DataSource, registry: Registry): void {
  const queries = counter(registry, { name: 'jpg_db_queries_total', help: 'SQL statements run, by kind and outcome', labelNames: ['statement', 'outcome'] });
  const duration = histogram(registry, { name: 'jpg_db_query_duration_seconds', help: 'Time a SQL statement took', labelNames: ['statement'] });
  const kind = dataSource.options.type;
  const pool = (): Mysql2Pool | undefined => (kind === 'mysql' || kind === 'mariadb' ? ((dataSource.driver as unknown as { pool?: Mysql2Pool }).pool ?? undefined) : undefined);

  gauge(registry, {
    name: 'jpg_db_connections',
    help: 'Database connections: MySQL pool idle and in_use; SQLite open',
    labelNames: ['state'],
    collect() {
      this.reset();
      const mysql = pool();
      if (mysql?._allConnections && mysql._freeConnections) {
        this.set({ state: 'idle' }, mysql._freeConnections.length);
        this.set({ state: 'in_use' }, mysql._allConnections.length - mysql._freeConnections.length);
      } else if (kind === 'better-sqlite3') {
        this.set({ state: 'open' }, dataSource.isInitialized ? 1 : 0);
      }
    },
  });
  gauge(registry, {
    name: 'jpg_db_pool_max_connections',
    help: 'Most connections the pool opens (SQLite: 1)',
    collect() {
      this.set(kind === 'better-sqlite3' ? 1 : (pool()?.config?.connectionLimit ?? 0));
    },
  });
  gauge(registry, {
    name: 'jpg_db_pool_waiting_requests',
    help: 'Callers waiting for a free MySQL pool connection',
    collect() {
      this.set(pool()?._connectionQueue?.length ?? 0);
    },
  });

  // A query runner runs one statement at a time; keep each one's start until its afterQuery.
  const running = new WeakMap<QueryRunner | object, Array<{ started: bigint; span: DatabaseSpan }>>();
  const keyOf = (event: BeforeQueryEvent | AfterQueryEvent) => event.queryRunner ?? dataSource;
  const subscriber: EntitySubscriberInterface = {
    beforeQuery(event: BeforeQueryEvent) {
      const key = keyOf(event);
      const stack = running.get(key) ?? [];
      stack.push({ started: process.hrtime.bigint(), span: startDatabaseSpan(event.query, kind, statementKind(event.query)) });
      running.set(key, stack);
    },
    afterQuery(event: AfterQueryEvent) {
      const start = running.get(keyOf(event))?.pop();
      const statement = statementKind(event.query);
      queries.inc({ statement, outcome: event.success ? 'ok' : 'error' });
      if (!start) return;
      duration.observe({ statement }, Number(process.hrtime.bigint() - start.started) / 1e9);
      endDatabaseSpan(start.span, event.success ? undefined : event.error);
    },
  };
  dataSource.subscribers.push(subscriber);
}
