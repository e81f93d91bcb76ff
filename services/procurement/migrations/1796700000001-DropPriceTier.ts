import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { intColumn, references, textColumn } from '../../../lib/db/columns';
import { createTableWithChecks } from '../../../lib/db/tables';

/**
 * price_tier goes: prices are versioned (price_version, 1796600000000-PriceVersions,
 * which copied every item's tiers into its version 1) and nothing reads or
 * writes price_tier any more. Before it is dropped, an item that has tiers
 * there but no price version (one entered by hand since) gets them as its
 * version 1, so no price is lost. Down builds the table again, as the first
 * migration made it, from each item's version 1, which is what it held.
 */
const MAX_MINOR = '999999999999999';

interface StoredTier {
  minQuantity: number;
  unitPriceMinor: string;
  leadTimeDays: number;
}

export class DropPriceTier1796700000001 implements MigrationInterface {
  name = 'DropPriceTier1796700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows: { nsn: string; min_quantity: number | string; unit_price_minor: number | string; lead_time_days: number | string }[] = await queryRunner.query(
      'SELECT nsn, min_quantity, unit_price_minor, lead_time_days FROM price_tier WHERE nsn NOT IN (SELECT nsn FROM price_version) ORDER BY nsn, min_quantity',
    );
    const byItem = new Map<string, StoredTier[]>();
    for (const row of rows) {
      const tiers = byItem.get(row.nsn) ?? [];
      tiers.push({ minQuantity: Number(row.min_quantity), unitPriceMinor: String(row.unit_price_minor), leadTimeDays: Number(row.lead_time_days) });
      byItem.set(row.nsn, tiers);
    }
    // A UTC datetime as text: SQLite binds no Date (as the entities store it: timezone 'Z' on MySQL too).
    const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
    for (const [nsn, tiers] of byItem) {
      await queryRunner.query(
        "INSERT INTO price_version (nsn, version, effective_from, tiers, changed_at, changed_by, reason) VALUES (?, 1, '1970-01-01', ?, ?, 'catalogue', 'The catalogue''s tiers as loaded (carried over from price_tier)')",
        [nsn, JSON.stringify(tiers), now],
      );
    }
    await queryRunner.dropTable('price_tier');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'price_tier',
        columns: [
          { ...textColumn('nsn', 16), isPrimary: true },
          { ...intColumn('min_quantity'), isPrimary: true },
          { name: 'unit_price_minor', type: 'bigint', isNullable: false },
          intColumn('lead_time_days'),
        ],
        checks: [
          { name: 'CHK_price_tier_min_quantity', expression: 'min_quantity >= 1' },
          { name: 'CHK_price_tier_price', expression: `unit_price_minor > 0 AND unit_price_minor <= ${MAX_MINOR}` },
          { name: 'CHK_price_tier_lead_time', expression: 'lead_time_days > 0' },
        ],
        foreignKeys: [references('FK_price_tier_item', ['nsn'], 'catalog_item', ['nsn'])],
      }),
    );
    const versions: { nsn: string; tiers: string }[] = await queryRunner.query('SELECT nsn, tiers FROM price_version WHERE version = 1 ORDER BY nsn');
    for (const { nsn, tiers } of versions) {
      for (const tier of JSON.parse(tiers) as StoredTier[]) {
        await queryRunner.query('INSERT INTO price_tier (nsn, min_quantity, unit_price_minor, lead_time_days) VALUES (?, ?, ?, ?)', [nsn, tier.minQuantity, tier.unitPriceMinor, tier.leadTimeDays]);
      }
    }
  }
}
