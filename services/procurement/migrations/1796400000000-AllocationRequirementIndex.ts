import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The allocations that point at a member's requirement (`Requirement.allocations`,
 * one query per batch: `country_code = ? AND requirement_id = ?` pairs) are
 * found by index, not by scanning every allocation of the member.
 */
export class AllocationRequirementIndex1796400000000 implements MigrationInterface {
  name = 'AllocationRequirementIndex1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('allocation', new TableIndex({ name: 'IDX_allocation_requirement', columnNames: ['country_code', 'requirement_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('allocation', 'IDX_allocation_requirement');
  }
}
