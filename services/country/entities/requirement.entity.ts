import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { Priority, RequirementStatus } from '../types/enums';
import { MemberItemRecord } from './memberItemRecord';

/** Something the ministry needs to buy: the input to joint orders. */
@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: 'A quantity of a catalogue item the ministry needs, by a date.' })
@Entity({ name: 'requirement' })
@Index('IDX_requirement_country_status_priority', ['countryCode', 'status', 'priority'])
@Index('UQ_requirement_reference', ['countryCode', 'reference'], { unique: true })
export class Requirement extends MemberItemRecord {
  /** The natural key: importing or creating with a reference the member already uses changes that requirement, never adds a second. */
  @Field({ description: "The ministry's own reference for it (e.g. a file number), unique within the member." })
  @Column({ type: 'varchar', length: 40 })
  reference: string;

  @Field(() => Priority, { description: 'How urgently it must be met.' })
  @Column({ type: 'varchar', length: 8 })
  priority: Priority;

  /** 'YYYY-MM-DD' on both backends (see lib/db/dataSource.ts). */
  @Field(() => LocalDateScalar, { description: 'The date by which it must be met.' })
  @Column({ name: 'needed_by', type: 'date' })
  neededBy: string;

  @Field(() => RequirementStatus, { description: 'Where it stands: DRAFT → SUBMITTED → FULFILLED, or WITHDRAWN.' })
  @Column({ type: 'varchar', length: 10 })
  status: RequirementStatus;

  @Field(() => String, { nullable: true, description: 'Why it is needed; always present for CRITICAL requirements.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  justification: string | null;
}
