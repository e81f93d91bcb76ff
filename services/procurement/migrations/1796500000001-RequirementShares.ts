import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createTableWithChecks } from '../../../lib/db/tables';

/**
 * The requirements ministries share with procurement, so allocations can be
 * linked to them (checked: same member, same item, within the quantity) and
 * pooling candidates found. Allocations already linked stay as they are; their
 * ministries share the requirements to have them counted.
 */
export class RequirementShares1796500000001 implements MigrationInterface {
  name = 'RequirementShares1796500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'requirement_share',
        columns: [
          { name: 'country_code', type: 'varchar', length: '2', isPrimary: true },
          { name: 'requirement_id', type: 'varchar', length: '32', isPrimary: true },
          { name: 'reference', type: 'varchar', length: '40' },
          { name: 'nsn', type: 'varchar', length: '16' },
          { name: 'quantity', type: 'int' },
          { name: 'needed_by', type: 'date' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'shared_at', type: 'datetime' },
        ],
        checks: [
          { name: 'CHK_requirement_share_quantity', expression: 'quantity >= 1 AND quantity <= 1000000' },
          { name: 'CHK_requirement_share_status', expression: "status IN ('DRAFT', 'SUBMITTED', 'FULFILLED', 'WITHDRAWN')" },
          { name: 'CHK_requirement_share_id', expression: "LENGTH(requirement_id) >= 1" },
        ],
        foreignKeys: [
          { name: 'FK_requirement_share_member', columnNames: ['country_code'], referencedTableName: 'member', referencedColumnNames: ['code'], onDelete: 'RESTRICT' },
          { name: 'FK_requirement_share_item', columnNames: ['nsn'], referencedTableName: 'catalog_item', referencedColumnNames: ['nsn'], onDelete: 'RESTRICT' },
        ],
        indices: [{ name: 'IDX_requirement_share_nsn', columnNames: ['nsn', 'status'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('requirement_share');
  }
}
