import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createTableWithChecks } from '../../../lib/db/tables';

/**
 * The member's database: ministry, holdings, requirements, budgets. Written
 * with the Table API so the same migration runs on MariaDB and SQLite; the
 * rules the service enforces are repeated here as constraints, so no client
 * can bypass them. Lists are written out (not imported) because a migration is
 * history: a new catalogue category needs a new migration.
 */
const inList = (column: string, values: readonly string[]): string => `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;

const CATEGORIES = ['SMALL_ARMS', 'ANTI_ARMOUR', 'AIR_DEFENCE', 'AMMUNITION', 'NIGHT_VISION', 'COMMUNICATIONS', 'VEHICLES', 'PROTECTION', 'UNMANNED', 'MEDICAL'];
const HOLDING_STATUSES = ['OPERATIONAL', 'MAINTENANCE', 'RESERVE'];
const PRIORITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const REQUIREMENT_STATUSES = ['DRAFT', 'SUBMITTED', 'FULFILLED', 'WITHDRAWN'];
/** 9,999,999,999,999.99 in minor units: stays exact where SQLite hands integers back as doubles. */
const MAX_MINOR = '999999999999999';

const memberCode = { name: 'country_code', type: 'varchar', length: '2', isNullable: false };
// 'integer': SQLite allows AUTOINCREMENT only on INTEGER PRIMARY KEY; MariaDB reads it as INT.
const generatedId = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
const nsn = { name: 'nsn', type: 'varchar', length: '16', isNullable: false };

export class CreateCountrySchema1767225600000 implements MigrationInterface {
  name = 'CreateCountrySchema1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'ministry',
        columns: [
          { ...memberCode, isPrimary: true },
          { name: 'name', type: 'varchar', length: '200', isNullable: false },
          { name: 'minister', type: 'varchar', length: '120', isNullable: false },
          { name: 'headquarters', type: 'varchar', length: '200', isNullable: false },
        ],
        checks: [{ name: 'CHK_ministry_text', expression: "name <> '' AND minister <> '' AND headquarters <> ''" }],
      }),
    );

    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'holding',
        columns: [
          generatedId,
          memberCode,
          nsn,
          { name: 'category', type: 'varchar', length: '32', isNullable: false },
          { name: 'quantity', type: 'int', isNullable: false },
          { name: 'unit', type: 'varchar', length: '120', isNullable: false },
          { name: 'status', type: 'varchar', length: '16', isNullable: false },
          { name: 'nato_standard', type: 'boolean', isNullable: false },
        ],
        checks: [
          { name: 'CHK_holding_quantity', expression: 'quantity > 0' },
          { name: 'CHK_holding_nsn', expression: 'LENGTH(nsn) = 16' },
          { name: 'CHK_holding_category', expression: inList('category', CATEGORIES) },
          { name: 'CHK_holding_status', expression: inList('status', HOLDING_STATUSES) },
          { name: 'CHK_holding_unit', expression: "unit <> ''" },
        ],
        indices: [{ name: 'IDX_holding_country_category', columnNames: ['country_code', 'category'] }],
      }),
    );

    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'requirement',
        columns: [
          generatedId,
          memberCode,
          nsn,
          { name: 'quantity', type: 'int', isNullable: false },
          { name: 'priority', type: 'varchar', length: '8', isNullable: false },
          { name: 'needed_by', type: 'date', isNullable: false },
          { name: 'status', type: 'varchar', length: '10', isNullable: false },
          { name: 'justification', type: 'varchar', length: '2000', isNullable: true },
        ],
        checks: [
          { name: 'CHK_requirement_quantity', expression: 'quantity > 0' },
          { name: 'CHK_requirement_nsn', expression: 'LENGTH(nsn) = 16' },
          { name: 'CHK_requirement_priority', expression: inList('priority', PRIORITIES) },
          { name: 'CHK_requirement_status', expression: inList('status', REQUIREMENT_STATUSES) },
        ],
        indices: [{ name: 'IDX_requirement_country_status_priority', columnNames: ['country_code', 'status', 'priority'] }],
      }),
    );

    // One budget per member and year: the primary key.
    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'budget',
        columns: [
          { ...memberCode, isPrimary: true },
          { name: 'year', type: 'int', isPrimary: true, isNullable: false },
          { name: 'currency', type: 'varchar', length: '3', isNullable: false },
          { name: 'defence_total_minor', type: 'bigint', isNullable: false },
          { name: 'procurement_minor', type: 'bigint', isNullable: false },
        ],
        checks: [
          { name: 'CHK_budget_year', expression: 'year BETWEEN 2000 AND 2100' },
          { name: 'CHK_budget_currency', expression: 'LENGTH(currency) = 3' },
          { name: 'CHK_budget_amounts', expression: `procurement_minor >= 0 AND procurement_minor <= defence_total_minor AND defence_total_minor <= ${MAX_MINOR}` },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['budget', 'requirement', 'holding', 'ministry']) await queryRunner.dropTable(table);
  }
}
