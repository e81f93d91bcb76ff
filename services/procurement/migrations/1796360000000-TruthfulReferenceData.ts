import { MigrationInterface, QueryRunner } from 'typeorm';
import { addColumnWithChecks, dropColumnWithChecks } from '../../../lib/db/tables';

/**
 * Reference data told truthfully. `nato_relation` can say NONE, which
 * `nato_status` could not (Kosovo is not in the Partnership for Peace, yet was
 * recorded as PARTNER); `nato_status` stays, read by the deprecated field.
 * STANAGs that do not apply to their items are removed (an empty standard:
 * none recorded). Values are written out: a migration is history.
 */
const NO_STANAG = [
  '1410-01-458-4218', // Javelin missile: STANAG 4569 is vehicle protection
  '1265-01-630-1820', // Javelin launch unit: likewise
  '1340-01-646-5150', // M72 LAW: likewise
  '1425-01-512-9650', // Stinger missile: STANAG 4671 is UAV airworthiness
  '1440-01-657-0311', // Stinger gripstock: likewise
  '2320-01-540-0883', // HMMWV M1152A1: an unarmoured carrier has no STANAG 4569 level
  '5855-01-629-5334', // AN/PVS-31A: STANAG 4347 is thermal imaging, not image intensification
  '5820-01-668-1427', // AN/PRC-163: no STANAG verified
  '5820-01-651-9832', // AN/PRC-117G: no STANAG verified
  '1550-01-691-2245', // Switchblade 300: no STANAG 4586 interface verified
];

export class TruthfulReferenceData1796360000000 implements MigrationInterface {
  name = 'TruthfulReferenceData1796360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addColumnWithChecks(queryRunner, 'member', { name: 'nato_relation', type: 'varchar(8)', isNullable: false, default: 'NONE' }, [
      { name: 'CHK_member_nato_relation', expression: "nato_relation IN ('MEMBER', 'ASPIRANT', 'PARTNER', 'NONE')" },
    ]);
    await queryRunner.query('UPDATE member SET nato_relation = nato_status');
    await queryRunner.query("UPDATE member SET nato_relation = 'NONE' WHERE code = 'XK'");
    await queryRunner.query(`UPDATE catalog_item SET standard = '' WHERE nsn IN (${NO_STANAG.map(() => '?').join(', ')})`, NO_STANAG);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropColumnWithChecks(queryRunner, 'member', 'nato_relation', ['CHK_member_nato_relation']);
  }
}
