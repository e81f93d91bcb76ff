import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A closed case is read-only in the database too, not only in the service
 * (cases/rules.ts answers CASE_CLOSED before it writes): triggers refuse any
 * UPDATE or DELETE of a CLOSED fms_case row, and any INSERT, UPDATE or DELETE
 * of the rows a case owns once it is closed: its document versions
 * (case_version), its payment schedule (case_payment) and its stage history
 * (case_stage_change). The one write a closed case still takes is the history
 * entry of its own closing, which closeCase inserts right after setting the
 * stage (and which UQ_case_stage_change_stage admits once).
 *
 * Whole rows are guarded, lock_version included: the service does not claim a
 * closed case (workflow/guards.ts claim, cases/lifecycle.ts openCase), and a
 * column added later to one of these tables is guarded without a change here.
 * MySQL/MariaDB: SIGNAL SQLSTATE 45000; SQLite: RAISE(ABORT). Lists are
 * written out, not imported: a migration is history.
 */
const OWNED = ['case_version', 'case_payment', 'case_stage_change'];
const MESSAGE = (table: string) => `CASE_CLOSED: ${table} rows of a CLOSED case are read-only`;
const closed = (caseId: string) => `EXISTS (SELECT 1 FROM fms_case WHERE id = ${caseId} AND stage = 'CLOSED')`;

interface Guard {
  name: string;
  table: string;
  event: 'INSERT' | 'UPDATE' | 'DELETE';
  /** True when the write touches a closed case. */
  when: string;
}

export const CLOSED_CASE_GUARDS: readonly Guard[] = [
  { name: 'TRG_fms_case_closed_update', table: 'fms_case', event: 'UPDATE', when: "OLD.stage = 'CLOSED'" },
  { name: 'TRG_fms_case_closed_delete', table: 'fms_case', event: 'DELETE', when: "OLD.stage = 'CLOSED'" },
  ...OWNED.flatMap((table): Guard[] => [
    // The entry that records the closing itself is written once the stage is CLOSED.
    { name: `TRG_${table}_closed_insert`, table, event: 'INSERT', when: table === 'case_stage_change' ? `${closed('NEW.case_id')} AND NEW.to_stage <> 'CLOSED'` : closed('NEW.case_id') },
    { name: `TRG_${table}_closed_update`, table, event: 'UPDATE', when: `${closed('OLD.case_id')} OR ${closed('NEW.case_id')}` },
    { name: `TRG_${table}_closed_delete`, table, event: 'DELETE', when: closed('OLD.case_id') },
  ]),
];

export class ClosedCasesReadOnly1796700000000 implements MigrationInterface {
  name = 'ClosedCasesReadOnly1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const mySql = ['mysql', 'mariadb'].includes(queryRunner.connection.driver.options.type);
    for (const guard of CLOSED_CASE_GUARDS) {
      const head = `CREATE TRIGGER ${guard.name} BEFORE ${guard.event} ON ${guard.table} FOR EACH ROW`;
      await queryRunner.query(
        mySql
          ? `${head} BEGIN IF ${guard.when} THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${MESSAGE(guard.table)}'; END IF; END`
          : `${head} WHEN ${guard.when} BEGIN SELECT RAISE(ABORT, '${MESSAGE(guard.table)}'); END`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const guard of [...CLOSED_CASE_GUARDS].reverse()) await queryRunner.query(`DROP TRIGGER IF EXISTS ${guard.name}`);
  }
}
