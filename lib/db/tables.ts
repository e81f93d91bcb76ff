/**
 * TypeORM's MySQL driver drops a Table's `checks` without a word (it claims
 * MySQL has none), while MariaDB ≥ 10.2 and MySQL ≥ 8.0.16 enforce CHECK
 * constraints. Migrations create tables through here so their checks exist
 * on both backends: SQLite gets them inside CREATE TABLE, MySQL/MariaDB by
 * ALTER TABLE … ADD CONSTRAINT right after.
 */
import type { QueryRunner, Table } from 'typeorm';

export async function createTableWithChecks(queryRunner: QueryRunner, table: Table): Promise<void> {
  await queryRunner.createTable(table);
  const { driver } = queryRunner.connection;
  if (driver.options.type !== 'mysql' && driver.options.type !== 'mariadb') return;
  for (const check of table.checks) {
    if (!check.name) throw new Error(`A check of table ${table.name} needs a name: ${check.expression}`);
    await queryRunner.query(`ALTER TABLE ${driver.escape(table.name)} ADD CONSTRAINT ${driver.escape(check.name)} CHECK (${check.expression})`);
  }
}
