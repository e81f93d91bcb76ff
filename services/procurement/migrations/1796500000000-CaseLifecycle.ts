import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { dateColumn, idColumn, inList, intColumn, minorUnitsColumn, references, textColumn } from '../../../lib/db/columns';
import { createTableWithChecks } from '../../../lib/db/tables';

/**
 * Each purchaser's own case in a joint order, as US Foreign Military Sales
 * runs it: letter of request, offer (LOA) in versions, acceptance, implementation
 * with amendments and modifications, deliveries, closure. Its payment schedule.
 * Reference exchange rates, each with its source. The lifecycle's rules are
 * repeated here wherever a row, a key or a foreign key can say them: a lapsed
 * offer cannot carry an acceptance, a stage is entered once and only from the
 * stage before it, a closed case has its actual cost.
 * Lists are written out, not imported: a migration is history.
 */
const STAGES = ['REQUESTED', 'OFFERED', 'ACCEPTED', 'IMPLEMENTING', 'DELIVERING', 'CLOSED'];
const SIGNED_STAGES = ['ACCEPTED', 'IMPLEMENTING', 'DELIVERING', 'CLOSED'];
/** Every allowed stage change, as "from>to"; the first entry has no "from". */
const TRANSITIONS = ['REQUESTED>OFFERED', 'OFFERED>ACCEPTED', 'ACCEPTED>IMPLEMENTING', 'IMPLEMENTING>DELIVERING', 'DELIVERING>CLOSED'];
const MAX_MINOR = '999999999999999';

const id = idColumn;
const text = textColumn;
const day = dateColumn;
const minor = minorUnitsColumn;
const amountCheck = (name: string, column: string, nullable = false): { name: string; expression: string } => ({
  name,
  expression: `${nullable ? `${column} IS NULL OR ` : ''}(${column} >= 0 AND ${column} <= ${MAX_MINOR})`,
});

export class CaseLifecycle1796500000000 implements MigrationInterface {
  name = 'CaseLifecycle1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // "case" is an SQL keyword.
    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'fms_case',
        columns: [
          id,
          intColumn('order_id'),
          text('country_code', 2),
          text('reference', 12),
          text('stage', 12),
          // The current version of the case's document: 0 while only requested, then the offer and every change.
          { ...intColumn('version'), default: 0 },
          day('requested_on'),
          text('request_reference', 60),
          text('requested_by', 120),
          day('accepted_on', true),
          text('accepted_by', 120, true),
          day('closed_on', true),
          minor('estimate_at_closure_minor', true),
          minor('actual_cost_minor', true),
          { ...intColumn('lock_version'), default: 0 },
        ],
        uniques: [
          { name: 'UQ_fms_case_reference', columnNames: ['reference'] },
          // One case per purchaser and joint order.
          { name: 'UQ_fms_case_purchaser', columnNames: ['order_id', 'country_code'] },
        ],
        checks: [
          { name: 'CHK_fms_case_stage', expression: inList('stage', STAGES) },
          // The purchaser's own designator: its country code first, e.g. "AL-B-ZAM".
          { name: 'CHK_fms_case_reference', expression: "LENGTH(reference) = 8 AND SUBSTR(reference, 1, 2) = country_code AND SUBSTR(reference, 3, 1) = '-' AND SUBSTR(reference, 5, 1) = '-'" },
          { name: 'CHK_fms_case_version', expression: "version >= 0 AND lock_version >= 0 AND (stage = 'REQUESTED') = (version = 0)" },
          { name: 'CHK_fms_case_request', expression: "request_reference <> '' AND requested_by <> ''" },
          // Signed from acceptance on, with the date and the signatory.
          { name: 'CHK_fms_case_accepted', expression: `(${inList('stage', SIGNED_STAGES)}) = (accepted_on IS NOT NULL) AND (accepted_on IS NULL) = (accepted_by IS NULL) AND (accepted_on IS NULL OR accepted_on >= requested_on)` },
          // Closed: the day, and the actual cost against the estimate then in force.
          { name: 'CHK_fms_case_closed', expression: "(stage = 'CLOSED') = (closed_on IS NOT NULL) AND (closed_on IS NULL) = (actual_cost_minor IS NULL) AND (closed_on IS NULL) = (estimate_at_closure_minor IS NULL) AND (closed_on IS NULL OR closed_on >= accepted_on)" },
          amountCheck('CHK_fms_case_actual', 'actual_cost_minor', true),
          amountCheck('CHK_fms_case_estimate', 'estimate_at_closure_minor', true),
        ],
        foreignKeys: [
          // Only a participant of the joint order has a case in it.
          references('FK_fms_case_participant', ['order_id', 'country_code'], 'order_participant', ['order_id', 'country_code']),
        ],
        indices: [{ name: 'IDX_fms_case_member', columnNames: ['country_code'] }],
      }),
    );

    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'case_version',
        columns: [
          { ...intColumn('case_id'), isPrimary: true },
          { ...intColumn('version'), isPrimary: true },
          text('kind', 12),
          day('issued_on'),
          day('expires_on', true),
          minor('estimate_minor'),
          text('currency', 3),
          text('description', 2000),
          text('decision', 8, true),
          day('decided_on', true),
          text('decided_by', 120, true),
          text('comment', 2000, true),
        ],
        checks: [
          { name: 'CHK_case_version_number', expression: 'version >= 1' },
          { name: 'CHK_case_version_kind', expression: inList('kind', ['OFFER', 'REOFFER', 'AMENDMENT', 'MODIFICATION']) },
          { name: 'CHK_case_version_first', expression: "(version = 1) = (kind = 'OFFER')" },
          { name: 'CHK_case_version_description', expression: "description <> ''" },
          amountCheck('CHK_case_version_estimate', 'estimate_minor'),
          // What the purchaser signs has a date by which it must; a modification needs no signature.
          { name: 'CHK_case_version_expiry', expression: "(kind = 'MODIFICATION') = (expires_on IS NULL) AND (expires_on IS NULL OR expires_on >= issued_on)" },
          { name: 'CHK_case_version_decision', expression: `decision IS NULL OR (${inList('decision', ['APPROVED', 'REJECTED'])} AND kind <> 'MODIFICATION')` },
          { name: 'CHK_case_version_decided', expression: '(decision IS NULL) = (decided_on IS NULL) AND (decision IS NULL) = (decided_by IS NULL)' },
          { name: 'CHK_case_version_reason', expression: "decision IS NULL OR decision <> 'REJECTED' OR comment IS NOT NULL" },
          // A lapsed offer or amendment cannot be signed: only decided within its validity.
          { name: 'CHK_case_version_in_time', expression: 'decided_on IS NULL OR (decided_on >= issued_on AND decided_on <= expires_on)' },
        ],
        foreignKeys: [references('FK_case_version_case', ['case_id'], 'fms_case', ['id'])],
      }),
    );

    // Append-only history: each stage entered once, and only from the one before it.
    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'case_stage_change',
        columns: [id, intColumn('case_id'), text('from_stage', 12, true), text('to_stage', 12), day('changed_on'), text('changed_by', 2)],
        uniques: [{ name: 'UQ_case_stage_change_stage', columnNames: ['case_id', 'to_stage'] }],
        checks: [
          {
            name: 'CHK_case_stage_change_step',
            expression: `(from_stage IS NULL AND to_stage = 'REQUESTED') OR (${TRANSITIONS.map((t) => {
              const [from, to] = t.split('>');
              return `(from_stage = '${from}' AND to_stage = '${to}')`;
            }).join(' OR ')})`,
          },
        ],
        foreignKeys: [
          references('FK_case_stage_change_case', ['case_id'], 'fms_case', ['id']),
          references('FK_case_stage_change_member', ['changed_by'], 'member', ['code']),
        ],
      }),
    );

    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'case_payment',
        columns: [id, intColumn('case_id'), intColumn('sequence'), text('kind', 16), day('due_on'), minor('amount_minor'), text('currency', 3), day('paid_on', true)],
        uniques: [{ name: 'UQ_case_payment_sequence', columnNames: ['case_id', 'sequence'] }],
        checks: [
          { name: 'CHK_case_payment_kind', expression: inList('kind', ['INITIAL_DEPOSIT', 'INSTALMENT']) },
          // The initial deposit opens the schedule; everything after it is an instalment.
          { name: 'CHK_case_payment_sequence', expression: "sequence >= 1 AND (sequence = 1) = (kind = 'INITIAL_DEPOSIT')" },
          { name: 'CHK_case_payment_amount', expression: `amount_minor > 0 AND amount_minor <= ${MAX_MINOR}` },
        ],
        foreignKeys: [references('FK_case_payment_case', ['case_id'], 'fms_case', ['id'])],
      }),
    );

    // Reference rates against the euro, as the ECB publishes them: units of `currency` for one euro.
    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'exchange_rate',
        columns: [
          { ...text('currency', 3), isPrimary: true },
          { ...day('rate_date'), isPrimary: true },
          // The rate in millionths: 1.0389 is 1038900. Exact, never a float.
          { name: 'per_euro_micro', type: 'bigint', isNullable: false },
          text('source', 300),
        ],
        checks: [
          { name: 'CHK_exchange_rate_currency', expression: "LENGTH(currency) = 3 AND currency <> 'EUR'" },
          { name: 'CHK_exchange_rate_rate', expression: `per_euro_micro > 0 AND per_euro_micro <= ${MAX_MINOR}` },
          { name: 'CHK_exchange_rate_source', expression: "source <> ''" },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['exchange_rate', 'case_payment', 'case_stage_change', 'case_version', 'fms_case']) await queryRunner.dropTable(table);
  }
}
