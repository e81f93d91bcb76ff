/**
 * TypeORM's MySQL driver drops a Table's `checks` without a word (it claims
 * MySQL has none), while MariaDB ≥ 10.2 and MySQL ≥ 8.0.16 enforce CHECK
 * constraints. Migrations create tables through here so their checks exist
 * on both backends: SQLite gets them inside CREATE TABLE, MySQL/MariaDB by
 * ALTER TABLE … ADD CONSTRAINT right after.
 */
import { QueryRunner, Table, TableCheck } from 'typeorm';

const isMySql = (queryRunner: QueryRunner): boolean => ['mysql', 'mariadb'].includes(queryRunner.connection.driver.options.type);

export async function createTableWithChecks(queryRunner: QueryRunner, table: Table): Promise<void> {
  await queryRunner.createTable(table);
  const { driver } = queryRunner.connection;
  if (!isMySql(queryRunner)) return;
  for (const check of table.checks) {
    if (!check.name) throw new Error(`A check of table ${table.name} needs a name: ${check.expression}`);
    await queryRunner.query(`ALTER TABLE ${driver.escape(table.name)} ADD CONSTRAINT ${driver.escape(check.name)} CHECK (${check.expression})`);
  }
}

/**
 * Adds a named CHECK to an existing table on both backends: MySQL/MariaDB by
 * ALTER TABLE, SQLite (which cannot alter a constraint) by TypeORM rebuilding
 * the table with it.
 */
export async function addCheck(queryRunner: QueryRunner, table: string, name: string, expression: string): Promise<void> {
  if (isMySql(queryRunner)) {
    const { driver } = queryRunner.connection;
    await queryRunner.query(`ALTER TABLE ${driver.escape(table)} ADD CONSTRAINT ${driver.escape(name)} CHECK (${expression})`);
  } else {
    await queryRunner.createCheckConstraint(table, new TableCheck({ name, expression }));
  }
}

/** Drops a CHECK added by `addCheck`. */
export async function dropCheck(queryRunner: QueryRunner, table: string, name: string): Promise<void> {
  if (isMySql(queryRunner)) {
    const { driver } = queryRunner.connection;
    await queryRunner.query(`ALTER TABLE ${driver.escape(table)} DROP CONSTRAINT ${driver.escape(name)}`);
  } else {
    await queryRunner.dropCheckConstraint(table, name);
  }
}

/** A plain column added to an existing table: no key, no generation, at most a default. */
export interface AddedColumn {
  name: string;
  type: 'int' | 'bigint' | `varchar(${number})`;
  isNullable: boolean;
  /** A number, or a text literal (quoted here). */
  default?: number | string;
}

/**
 * Adds a column to an existing table, with the checks that guard it. On
 * SQLite by ALTER TABLE ADD COLUMN, the checks as column constraints: TypeORM
 * would rebuild the table, which fails once other tables' rows point to it.
 */
export async function addColumnWithChecks(queryRunner: QueryRunner, table: string, column: AddedColumn, checks: Array<{ name: string; expression: string }>): Promise<void> {
  const { driver } = queryRunner.connection;
  const defaultValue = typeof column.default === 'string' ? `'${column.default.replace(/'/g, "''")}'` : column.default;
  const definition = [driver.escape(column.name), column.type, column.isNullable ? 'NULL' : 'NOT NULL', defaultValue === undefined ? '' : `DEFAULT ${defaultValue}`];
  if (isMySql(queryRunner)) {
    await queryRunner.query(`ALTER TABLE ${driver.escape(table)} ADD COLUMN ${definition.filter(Boolean).join(' ')}`);
    for (const check of checks) await addCheck(queryRunner, table, check.name, check.expression);
    return;
  }
  const constraints = checks.map((check) => `CONSTRAINT ${driver.escape(check.name)} CHECK (${check.expression})`);
  await queryRunner.query(`ALTER TABLE ${driver.escape(table)} ADD COLUMN ${[...definition, ...constraints].filter(Boolean).join(' ')}`);
}

/** Undoes `addColumnWithChecks` (SQLite drops a column's own checks with it). */
export async function dropColumnWithChecks(queryRunner: QueryRunner, table: string, column: string, checkNames: string[]): Promise<void> {
  if (isMySql(queryRunner)) for (const name of checkNames) await dropCheck(queryRunner, table, name);
  await queryRunner.query(`ALTER TABLE ${queryRunner.connection.driver.escape(table)} DROP COLUMN ${queryRunner.connection.driver.escape(column)}`);
}

/**
 * Makes a text column compare exactly (case and accents count), as SQLite
 * always does: MariaDB's default collation would call "Brigade" and "brigade"
 * the same key. `definition` is the column's type and nullability, e.g.
 * "VARCHAR(120) NOT NULL". Nothing to do on SQLite. `exact: false` gives the
 * column back the table's default collation (a migration's down).
 */
export async function compareExactly(queryRunner: QueryRunner, table: string, column: string, definition: string, exact = true): Promise<void> {
  if (!isMySql(queryRunner)) return;
  const { driver } = queryRunner.connection;
  const [type, ...rest] = definition.split(' ');
  const collation = exact ? ' CHARACTER SET utf8mb4 COLLATE utf8mb4_bin' : '';
  await queryRunner.query(`ALTER TABLE ${driver.escape(table)} MODIFY ${driver.escape(column)} ${type}${collation} ${rest.join(' ')}`);
}

/** SQL concatenating its parts (text or column expressions) on the backend in use. */
export function concatSql(queryRunner: QueryRunner, ...parts: string[]): string {
  return isMySql(queryRunner) ? `CONCAT(${parts.join(', ')})` : parts.join(' || ');
}
