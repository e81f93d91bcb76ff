import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createTableWithChecks } from '../../../lib/db/tables';

/**
 * Price tiers in versions: every item's tiers as they stand become its
 * version 1 (from the start), and each later change by the procurement
 * office adds a version effective from a later day. Never updated or
 * deleted: the catalogue's price audit trail. price_tier keeps version 1.
 */
export class PriceVersions1796600000000 implements MigrationInterface {
  name = 'PriceVersions1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'price_version',
        columns: [
          // "integer": SQLite auto-increments only an INTEGER PRIMARY KEY.
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'nsn', type: 'varchar', length: '16' },
          { name: 'version', type: 'int' },
          { name: 'effective_from', type: 'date' },
          { name: 'tiers', type: 'varchar', length: '4000' },
          { name: 'changed_at', type: 'datetime' },
          { name: 'changed_by', type: 'varchar', length: '200' },
          { name: 'reason', type: 'varchar', length: '500' },
        ],
        uniques: [
          { name: 'UQ_price_version_number', columnNames: ['nsn', 'version'] },
          { name: 'UQ_price_version_day', columnNames: ['nsn', 'effective_from'] },
        ],
        checks: [
          { name: 'CHK_price_version_number', expression: 'version >= 1' },
          { name: 'CHK_price_version_reason', expression: 'LENGTH(reason) >= 1' },
        ],
        foreignKeys: [{ name: 'FK_price_version_item', columnNames: ['nsn'], referencedTableName: 'catalog_item', referencedColumnNames: ['nsn'], onDelete: 'RESTRICT' }],
      }),
    );
    const rows: { nsn: string; min_quantity: number | string; unit_price_minor: number | string; lead_time_days: number | string }[] = await queryRunner.query(
      'SELECT nsn, min_quantity, unit_price_minor, lead_time_days FROM price_tier ORDER BY nsn, min_quantity',
    );
    const byItem = new Map<string, { minQuantity: number; unitPriceMinor: string; leadTimeDays: number }[]>();
    for (const row of rows) {
      const tiers = byItem.get(row.nsn) ?? [];
      tiers.push({ minQuantity: Number(row.min_quantity), unitPriceMinor: String(row.unit_price_minor), leadTimeDays: Number(row.lead_time_days) });
      byItem.set(row.nsn, tiers);
    }
    // A UTC datetime as text: SQLite binds no Date (a Date failed there on a database with tiers).
    const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
    for (const [nsn, tiers] of byItem) {
      await queryRunner.query(
        "INSERT INTO price_version (nsn, version, effective_from, tiers, changed_at, changed_by, reason) VALUES (?, 1, '1970-01-01', ?, ?, 'catalogue', 'The catalogue''s tiers as loaded')",
        [nsn, JSON.stringify(tiers), now],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('price_version');
  }
}
