/**
 * Bulk reads and writes for imports of 100,000 rows: plain multi-row SQL
 * built from the entity's TypeORM metadata (its column names and value
 * transformers), because TypeORM's query builder and entity hydration cost
 * more than the database itself at that size. Same values as TypeORM would
 * write and read, on both backends.
 */
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/** Rows per statement: with ≤ 10 columns, far under both backends' bound-parameter limits (MySQL 65,535; SQLite 32,766). */
export const ROWS_PER_STATEMENT = 1000;

const isMySql = (manager: EntityManager): boolean => ['mysql', 'mariadb'].includes(manager.connection.driver.options.type);

function toDatabase(column: ColumnMetadata, value: unknown): unknown {
  const stored = column.transformer && !Array.isArray(column.transformer) ? column.transformer.to(value) : value;
  // better-sqlite3 binds no booleans; MariaDB reads 1/0 the same.
  return typeof stored === 'boolean' ? Number(stored) : stored === undefined ? null : stored;
}

function fromDatabase(column: ColumnMetadata, value: unknown): unknown {
  const read = column.type === 'boolean' && value !== null ? Boolean(Number(value)) : value;
  return column.transformer && !Array.isArray(column.transformer) ? column.transformer.from(read) : read;
}

export interface InsertOptions {
  /** Upsert: on a clash with this unique key (database column names), set these columns from the new row instead. */
  onConflict?: { key: readonly string[]; update: readonly string[] };
}

/**
 * Inserts `rows` (entity property names; columns absent from the first row,
 * e.g. a generated id, are left to the database) in multi-row INSERTs of
 * ROWS_PER_STATEMENT, through `manager` (so inside its transaction).
 */
export async function insertRows<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, rows: readonly Partial<Row>[], options: InsertOptions = {}): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const { driver } = manager.connection;
  const columns = metadata.columns.filter((column) => column.propertyName in rows[0]);
  const names = columns.map((column) => driver.escape(column.databaseName)).join(', ');
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  let conflict = '';
  if (options.onConflict) {
    const { key, update } = options.onConflict;
    conflict = isMySql(manager)
      ? ` ON DUPLICATE KEY UPDATE ${update.map((c) => `${driver.escape(c)} = VALUES(${driver.escape(c)})`).join(', ')}`
      : ` ON CONFLICT (${key.map((c) => driver.escape(c)).join(', ')}) DO UPDATE SET ${update.map((c) => `${driver.escape(c)} = excluded.${driver.escape(c)}`).join(', ')}`;
  }
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
    const values = batch.flatMap((row) => columns.map((column) => toDatabase(column, row[column.propertyName])));
    await manager.query(`INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES ${batch.map(() => placeholders).join(', ')}${conflict}`, values);
  }
}

/** Every row whose `column` (database name) equals `value`, as entities' plain property objects, ordered by the primary key. */
export async function selectRowsWhere<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, column: string, value: unknown): Promise<Row[]> {
  const metadata = manager.connection.getMetadata(entity);
  const { driver } = manager.connection;
  const order = metadata.primaryColumns.map((c) => driver.escape(c.databaseName)).join(', ');
  const raw = (await manager.query(`SELECT * FROM ${driver.escape(metadata.tableName)} WHERE ${driver.escape(column)} = ? ORDER BY ${order}`, [value])) as Record<string, unknown>[];
  return raw.map((record) => Object.fromEntries(metadata.columns.map((c) => [c.propertyName, fromDatabase(c, record[c.databaseName])])) as Row);
}
