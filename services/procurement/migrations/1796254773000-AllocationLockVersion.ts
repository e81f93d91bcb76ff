import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumnWithChecks, dropColumnWithChecks } from '../../../lib/db/tables';

/**
 * Each allocation gets its own optimistic concurrency token: a member's
 * change of its allocation claims that row, not the whole order, so members
 * working on one order no longer turn each other away.
 */
export class AllocationLockVersion1796254773000 implements MigrationInterface {
  name = 'AllocationLockVersion1796254773000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addColumnWithChecks(queryRunner, 'allocation', { name: 'lock_version', type: 'int', isNullable: false, default: 0 }, [
      { name: 'CHK_allocation_lock_version', expression: 'lock_version >= 0' },
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropColumnWithChecks(queryRunner, 'allocation', 'lock_version', ['CHK_allocation_lock_version']);
  }
}
