import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { addCheck, compareExactly, concatSql, createTableWithChecks, dropCheck } from '../../../lib/db/tables';

/**
 * The audit trail (every write: who, when, before and after) and natural keys
 * so that entering or importing a record again changes it instead of adding a
 * duplicate: a holding is one line per item + formation + status, a
 * requirement has the ministry's own `reference`, a budget its year (already
 * its primary key).
 *
 * Existing databases: duplicate holding lines (same item, formation and
 * status, possible before this key) are merged into the oldest line with the
 * quantities added up — the same stock, counted once; existing requirements
 * get the reference "REQ-<id>". Keys compare exactly on both backends (MariaDB's
 * default collation would call "Brigade" and "brigade" one formation).
 */
const HOLDING_KEY = ['country_code', 'nsn', 'unit', 'status'];
const UNIT = 'VARCHAR(120) NOT NULL';
const REFERENCE = 'VARCHAR(40) NOT NULL';

interface HoldingLine {
  id: number;
  country_code: string;
  nsn: string;
  unit: string;
  status: string;
  quantity: number;
}

async function mergeDuplicateHoldings(queryRunner: QueryRunner): Promise<void> {
  const lines = (await queryRunner.query('SELECT id, country_code, nsn, unit, status, quantity FROM holding ORDER BY id')) as HoldingLine[];
  const first = new Map<string, HoldingLine>();
  for (const line of lines) {
    const key = JSON.stringify([line.country_code, line.nsn, line.unit, line.status]);
    const kept = first.get(key);
    if (!kept) {
      first.set(key, { ...line, quantity: Number(line.quantity) });
      continue;
    }
    kept.quantity += Number(line.quantity);
    await queryRunner.query('UPDATE holding SET quantity = ? WHERE id = ?', [kept.quantity, kept.id]);
    await queryRunner.query('DELETE FROM holding WHERE id = ?', [line.id]);
  }
}

export class AddAuditTrailAndNaturalKeys1767312000000 implements MigrationInterface {
  name = 'AddAuditTrailAndNaturalKeys1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'audit_entry',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'country_code', type: 'varchar', length: '2', isNullable: false },
          { name: 'at', type: 'varchar', length: '24', isNullable: false },
          { name: 'subject', type: 'varchar', length: '200', isNullable: false },
          { name: 'role', type: 'varchar', length: '64', isNullable: false },
          { name: 'action', type: 'varchar', length: '40', isNullable: false },
          { name: 'record_type', type: 'varchar', length: '16', isNullable: false },
          { name: 'record_key', type: 'varchar', length: '40', isNullable: false },
          { name: 'before_json', type: 'text', isNullable: true },
          { name: 'after_json', type: 'text', isNullable: true },
        ],
        checks: [
          { name: 'CHK_audit_entry_record_type', expression: "record_type IN ('Holding', 'Requirement', 'Budget', 'Ministry')" },
          { name: 'CHK_audit_entry_change', expression: 'before_json IS NOT NULL OR after_json IS NOT NULL' },
          { name: 'CHK_audit_entry_who', expression: "subject <> '' AND role <> '' AND action <> ''" },
        ],
        indices: [{ name: 'IDX_audit_entry_country_id', columnNames: ['country_code', 'id'] }],
      }),
    );

    await compareExactly(queryRunner, 'holding', 'unit', UNIT);
    await mergeDuplicateHoldings(queryRunner);
    await queryRunner.createIndex('holding', new TableIndex({ name: 'UQ_holding_item_unit_status', columnNames: HOLDING_KEY, isUnique: true }));

    await queryRunner.addColumn('requirement', new TableColumn({ name: 'reference', type: 'varchar', length: '40', isNullable: true }));
    await queryRunner.query(`UPDATE requirement SET reference = ${concatSql(queryRunner, "'REQ-'", 'id')}`);
    await queryRunner.changeColumn(
      'requirement',
      'reference',
      new TableColumn({ name: 'reference', type: 'varchar', length: '40', isNullable: false }),
    );
    await compareExactly(queryRunner, 'requirement', 'reference', REFERENCE);
    await addCheck(queryRunner, 'requirement', 'CHK_requirement_reference', "reference <> ''");
    await queryRunner.createIndex('requirement', new TableIndex({ name: 'UQ_requirement_reference', columnNames: ['country_code', 'reference'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('requirement', 'UQ_requirement_reference');
    await dropCheck(queryRunner, 'requirement', 'CHK_requirement_reference');
    await queryRunner.dropColumn('requirement', 'reference');
    await queryRunner.dropIndex('holding', 'UQ_holding_item_unit_status');
    await compareExactly(queryRunner, 'holding', 'unit', UNIT, false);
    await queryRunner.dropTable('audit_entry');
  }
}
