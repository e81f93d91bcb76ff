import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../../../lib/graphql/scalars';

/** The kinds of record a write can change. */
export type AuditedRecord = 'Holding' | 'Requirement' | 'Budget' | 'Ministry';

/**
 * One change to one record, kept in the member's own database and written in
 * the same transaction as the change itself (audit/auditTrail.ts): a write
 * that rolls back leaves no entry, and no write commits without one.
 */
@ObjectType({ description: "One change to one of the ministry's records: who made it, when, and the record before and after." })
@Entity({ name: 'audit_entry' })
@Index('IDX_audit_entry_country_id', ['countryCode', 'id'])
export class AuditEntry {
  @Field(() => ID, { description: 'Increasing with time within the member: a later change has a larger id.' })
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  /** ISO 8601 in UTC ("2026-12-02T23:40:00.000Z"), so it sorts as text on both backends. */
  @Field(() => DateTimeScalar, { description: 'When the change was committed (UTC).' })
  @Column({ type: 'varchar', length: 24 })
  at: string;

  @Field({ description: 'Who made it: the subject of the caller\'s token, or the operator who ran a `jpg import` on the database.' })
  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Field({ description: 'The role it was made under: "ministry:<CODE>" through the graph, "operator" for a `jpg import`.' })
  @Column({ type: 'varchar', length: 64 })
  role: string;

  @Field({ description: 'What was done: the mutation\'s name (e.g. "recordHolding") or "import" for a `jpg import`.' })
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Field({ description: 'The kind of record changed: Holding, Requirement, Budget or Ministry.' })
  @Column({ name: 'record_type', type: 'varchar', length: 16 })
  recordType: AuditedRecord;

  @Field({ description: "Which record: a holding's or requirement's id, a budget's year, the member's code for the ministry." })
  @Column({ name: 'record_key', type: 'varchar', length: 40 })
  recordKey: string;

  @Field(() => String, { nullable: true, description: 'The record before the change, as JSON with its GraphQL field names; null when it was created.' })
  @Column({ name: 'before_json', type: 'text', nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The record after the change, as JSON with its GraphQL field names; null when it was deleted.' })
  @Column({ name: 'after_json', type: 'text', nullable: true })
  after: string | null;
}
