import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import { idColumn, inList, intColumn, references, textColumn, timestampColumn } from '../../../lib/db/columns';
import { createTableWithChecks } from '../../../lib/db/tables';

/**
 * The procurement database: member registry, catalogue with price tiers,
 * joint orders with participants, lines, allocations, approvals and
 * deliveries, and implementation plans. Written with the Table API so the same
 * migration runs on MariaDB and SQLite (checks included: see lib/db/tables.ts).
 * The workflow's rules are repeated as constraints wherever a single row (or a
 * foreign key) can express them.
 * Lists are written out, not imported: a migration is history.
 */
const CATEGORIES = ['SMALL_ARMS', 'ANTI_ARMOUR', 'AIR_DEFENCE', 'AMMUNITION', 'NIGHT_VISION', 'COMMUNICATIONS', 'VEHICLES', 'PROTECTION', 'UNMANNED', 'MEDICAL'];
const ORDER_STATUSES = ['DRAFT', 'IN_APPROVAL', 'APPROVED', 'PLACED', 'DELIVERING', 'COMPLETED', 'CANCELLED'];
const PLACED_STATUSES = ['PLACED', 'DELIVERING', 'COMPLETED'];
const DECISIONS = ['PENDING', 'APPROVED', 'REJECTED'];
const DELIVERY_STATUSES = ['SCHEDULED', 'IN_TRANSIT', 'DELIVERED'];
/** 9,999,999,999,999.99 in minor units: stays exact where SQLite hands integers back as doubles. */
const MAX_MINOR = '999999999999999';

const id = idColumn;
const memberCode = (name: string, isNullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '2', isNullable });
const text = textColumn;
const timestamp = timestampColumn;
const nsn: TableColumnOptions = text('nsn', 16);

export class CreateProcurementSchema1767225600001 implements MigrationInterface {
  name = 'CreateProcurementSchema1767225600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'member',
        columns: [
          { ...memberCode('code'), isPrimary: true },
          text('name', 100),
          text('nato_status', 8),
          text('membership', 8),
          timestamp('admitted_at', true),
        ],
        checks: [
          // Compared as bytes: MariaDB's case-insensitive collation would find 'xk' = 'XK'.
          { name: 'CHK_member_code', expression: 'LENGTH(code) = 2 AND HEX(code) = HEX(UPPER(code))' },
          { name: 'CHK_member_name', expression: "name <> ''" },
          { name: 'CHK_member_nato_status', expression: inList('nato_status', ['MEMBER', 'ASPIRANT', 'PARTNER']) },
          { name: 'CHK_member_membership', expression: inList('membership', ['MEMBER', 'INVITED']) },
          // A full member has an admission date; an invited one does not yet.
          { name: 'CHK_member_admitted', expression: "(membership = 'MEMBER') = (admitted_at IS NOT NULL)" },
        ],
      }),
    );

    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'catalog_item',
        columns: [{ ...nsn, isPrimary: true }, text('name', 200), text('category', 32), text('supplier', 120), text('standard', 60), text('currency', 3)],
        checks: [
          { name: 'CHK_catalog_item_nsn', expression: 'LENGTH(nsn) = 16' },
          { name: 'CHK_catalog_item_category', expression: inList('category', CATEGORIES) },
          { name: 'CHK_catalog_item_currency', expression: 'LENGTH(currency) = 3' },
        ],
        indices: [
          { name: 'IDX_catalog_item_category', columnNames: ['category'] },
          { name: 'IDX_catalog_item_supplier', columnNames: ['supplier'] },
        ],
      }),
    );

    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'price_tier',
        columns: [
          { ...nsn, isPrimary: true },
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

    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'implementation_plan',
        columns: [
          id,
          text('reference', 20),
          text('title', 200),
          { ...intColumn('version'), default: 1 },
          { ...intColumn('lock_version'), default: 0 },
          memberCode('created_by'),
          timestamp('created_at'),
        ],
        uniques: [{ name: 'UQ_implementation_plan_reference', columnNames: ['reference'] }],
        checks: [
          { name: 'CHK_implementation_plan_version', expression: 'version >= 1' },
          { name: 'CHK_implementation_plan_title', expression: "title <> ''" },
        ],
        foreignKeys: [references('FK_implementation_plan_creator', ['created_by'], 'member', ['code'])],
      }),
    );

    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'plan_version',
        columns: [
          { ...intColumn('plan_id'), isPrimary: true },
          { ...intColumn('version'), isPrimary: true },
          text('summary', 4000),
          memberCode('created_by'),
          timestamp('created_at'),
        ],
        checks: [{ name: 'CHK_plan_version_summary', expression: "summary <> ''" }],
        foreignKeys: [
          references('FK_plan_version_plan', ['plan_id'], 'implementation_plan', ['id']),
          references('FK_plan_version_creator', ['created_by'], 'member', ['code']),
        ],
      }),
    );

    // Append-only: the service inserts decisions and never updates them.
    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'plan_approval',
        columns: [id, intColumn('plan_id'), intColumn('version'), memberCode('country_code'), text('decision', 8), text('decided_by', 120), text('comment', 2000, true), timestamp('decided_at')],
        checks: [
          { name: 'CHK_plan_approval_decision', expression: inList('decision', ['APPROVED', 'REJECTED']) },
          { name: 'CHK_plan_approval_reason', expression: "decision <> 'REJECTED' OR comment IS NOT NULL" },
        ],
        foreignKeys: [
          references('FK_plan_approval_version', ['plan_id', 'version'], 'plan_version', ['plan_id', 'version']),
          references('FK_plan_approval_member', ['country_code'], 'member', ['code']),
        ],
        indices: [{ name: 'IDX_plan_approval_plan', columnNames: ['plan_id', 'version'] }],
      }),
    );

    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'joint_order',
        columns: [
          id,
          text('reference', 20),
          text('title', 200),
          text('supplier', 120),
          text('currency', 3),
          text('status', 12),
          text('model', 20),
          memberCode('lead_nation_code', true),
          text('case_reference', 12),
          { name: 'offer_expires_on', type: 'date', isNullable: false },
          // The version ministries approve: bumped when lines or allocations change after a submission.
          { ...intColumn('version'), default: 1 },
          // Optimistic concurrency: every write to the order or its parts bumps it, checked in the UPDATE.
          { ...intColumn('lock_version'), default: 0 },
          memberCode('created_by'),
          timestamp('created_at'),
          timestamp('placed_at', true),
          timestamp('completed_at', true),
          timestamp('cancelled_at', true),
          text('cancellation_reason', 2000, true),
          intColumn('plan_id', true),
        ],
        uniques: [
          { name: 'UQ_joint_order_reference', columnNames: ['reference'] },
          { name: 'UQ_joint_order_case_reference', columnNames: ['case_reference'] },
        ],
        checks: [
          { name: 'CHK_joint_order_status', expression: inList('status', ORDER_STATUSES) },
          { name: 'CHK_joint_order_model', expression: inList('model', ['COORDINATED_NATIONAL', 'LEAD_NATION']) },
          { name: 'CHK_joint_order_lead_nation', expression: "(model = 'LEAD_NATION') = (lead_nation_code IS NOT NULL)" },
          { name: 'CHK_joint_order_title', expression: "title <> ''" },
          { name: 'CHK_joint_order_currency', expression: 'LENGTH(currency) = 3' },
          { name: 'CHK_joint_order_version', expression: 'version >= 1 AND lock_version >= 0' },
          { name: 'CHK_joint_order_placed', expression: `(placed_at IS NOT NULL) = (${inList('status', PLACED_STATUSES)})` },
          { name: 'CHK_joint_order_completed', expression: "(completed_at IS NOT NULL) = (status = 'COMPLETED')" },
          { name: 'CHK_joint_order_cancelled', expression: "(status = 'CANCELLED') = (cancelled_at IS NOT NULL AND cancellation_reason IS NOT NULL)" },
        ],
        foreignKeys: [
          references('FK_joint_order_lead_nation', ['lead_nation_code'], 'member', ['code']),
          references('FK_joint_order_creator', ['created_by'], 'member', ['code']),
          references('FK_joint_order_plan', ['plan_id'], 'implementation_plan', ['id']),
        ],
        indices: [{ name: 'IDX_joint_order_status', columnNames: ['status'] }],
      }),
    );

    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'order_participant',
        columns: [{ ...intColumn('order_id'), isPrimary: true }, { ...memberCode('country_code'), isPrimary: true }, timestamp('joined_at')],
        foreignKeys: [
          references('FK_order_participant_order', ['order_id'], 'joint_order', ['id']),
          references('FK_order_participant_member', ['country_code'], 'member', ['code']),
        ],
        indices: [{ name: 'IDX_order_participant_member', columnNames: ['country_code'] }],
      }),
    );

    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'order_line',
        columns: [id, intColumn('order_id'), nsn, { name: 'agreed_unit_price_minor', type: 'bigint', isNullable: true }],
        uniques: [
          { name: 'UQ_order_line_item', columnNames: ['order_id', 'nsn'] },
          // Lets allocations and deliveries prove by foreign key that their line belongs to their order.
          { name: 'UQ_order_line_in_order', columnNames: ['id', 'order_id'] },
        ],
        checks: [{ name: 'CHK_order_line_price', expression: `agreed_unit_price_minor IS NULL OR (agreed_unit_price_minor > 0 AND agreed_unit_price_minor <= ${MAX_MINOR})` }],
        foreignKeys: [
          references('FK_order_line_order', ['order_id'], 'joint_order', ['id']),
          references('FK_order_line_item', ['nsn'], 'catalog_item', ['nsn']),
        ],
      }),
    );

    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'allocation',
        columns: [
          id,
          intColumn('order_id'),
          intColumn('line_id'),
          memberCode('country_code'),
          intColumn('quantity'),
          text('requirement_id', 32, true),
          { name: 'agreed_individual_unit_price_minor', type: 'bigint', isNullable: true },
        ],
        uniques: [
          { name: 'UQ_allocation_member_line', columnNames: ['line_id', 'country_code'] },
          { name: 'UQ_allocation_for_delivery', columnNames: ['id', 'line_id', 'country_code'] },
        ],
        checks: [
          { name: 'CHK_allocation_quantity', expression: 'quantity > 0' },
          { name: 'CHK_allocation_price', expression: `agreed_individual_unit_price_minor IS NULL OR (agreed_individual_unit_price_minor > 0 AND agreed_individual_unit_price_minor <= ${MAX_MINOR})` },
        ],
        foreignKeys: [
          references('FK_allocation_line', ['line_id', 'order_id'], 'order_line', ['id', 'order_id']),
          // Only a participant of the order can hold an allocation in it.
          references('FK_allocation_participant', ['order_id', 'country_code'], 'order_participant', ['order_id', 'country_code']),
        ],
        indices: [
          { name: 'IDX_allocation_member', columnNames: ['country_code'] },
          { name: 'IDX_allocation_order', columnNames: ['order_id'] },
        ],
      }),
    );

    // Append-only: a new decision is a new row; PENDING rows open each round of approval.
    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'approval',
        columns: [
          id,
          intColumn('order_id'),
          memberCode('country_code'),
          intColumn('version'),
          text('decision', 8),
          text('decided_by', 120, true),
          text('comment', 2000, true),
          timestamp('requested_at'),
          timestamp('decided_at', true),
        ],
        checks: [
          { name: 'CHK_approval_decision', expression: inList('decision', DECISIONS) },
          { name: 'CHK_approval_decided', expression: "(decision = 'PENDING') = (decided_at IS NULL) AND (decision = 'PENDING') = (decided_by IS NULL)" },
          { name: 'CHK_approval_reason', expression: "decision <> 'REJECTED' OR comment IS NOT NULL" },
          { name: 'CHK_approval_version', expression: 'version >= 1' },
        ],
        foreignKeys: [references('FK_approval_participant', ['order_id', 'country_code'], 'order_participant', ['order_id', 'country_code'])],
        indices: [{ name: 'IDX_approval_order_version', columnNames: ['order_id', 'version'] }],
      }),
    );

    await createTableWithChecks(
      queryRunner,
      new Table({
        name: 'delivery',
        columns: [
          id,
          intColumn('order_id'),
          intColumn('line_id'),
          intColumn('allocation_id'),
          memberCode('country_code'),
          intColumn('quantity'),
          { name: 'planned_date', type: 'date', isNullable: false },
          { name: 'delivered_date', type: 'date', isNullable: true },
          text('status', 10),
        ],
        checks: [
          { name: 'CHK_delivery_quantity', expression: 'quantity > 0' },
          { name: 'CHK_delivery_status', expression: inList('status', DELIVERY_STATUSES) },
          { name: 'CHK_delivery_delivered', expression: "(status = 'DELIVERED') = (delivered_date IS NOT NULL)" },
        ],
        foreignKeys: [
          references('FK_delivery_line', ['line_id', 'order_id'], 'order_line', ['id', 'order_id']),
          // The delivery's member and line are the allocation's own.
          references('FK_delivery_allocation', ['allocation_id', 'line_id', 'country_code'], 'allocation', ['id', 'line_id', 'country_code']),
        ],
        indices: [{ name: 'IDX_delivery_order', columnNames: ['order_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['delivery', 'approval', 'allocation', 'order_line', 'order_participant', 'joint_order', 'plan_approval', 'plan_version', 'implementation_plan', 'price_tier', 'catalog_item', 'member']) {
      await queryRunner.dropTable(table);
    }
  }
}
