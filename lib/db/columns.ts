/**
 * Column, check and foreign-key shorthands for migrations written with
 * TypeORM's Table API, the same on MariaDB and SQLite. They build options
 * only; what a migration creates stays written out in the migration.
 */
import type { TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/** A CHECK expression: `column` is one of `values`. */
export const inList = (column: string, values: readonly string[]): string => `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;

/** "integer", not "int": SQLite auto-increments only an INTEGER PRIMARY KEY (MariaDB reads it as INT). */
export const idColumn: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
export const intColumn = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'int', isNullable });
export const textColumn = (name: string, length: number, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable });
export const timestampColumn = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable });
export const dateColumn = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'date', isNullable });
/** Money in integer minor units. */
export const minorUnitsColumn = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable });

/** A foreign key that refuses to delete a row others point to. */
export const references = (name: string, columnNames: string[], referencedTableName: string, referencedColumnNames: string[]): TableForeignKeyOptions => ({
  name,
  columnNames,
  referencedTableName,
  referencedColumnNames,
  onDelete: 'RESTRICT',
});
