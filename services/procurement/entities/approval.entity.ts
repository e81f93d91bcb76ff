import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import { ApprovalDecision } from '../types/enums';

/**
 * One entry of an order's approval history. Append-only: a submission adds a
 * PENDING entry per participant, each decision adds another; none is changed.
 */
@ObjectType({ description: "A ministry's decision (or pending request) on one version of a joint order." })
@Entity({ name: 'approval' })
export class Approval {
  @Field(() => ID, { description: 'The approval entry\'s id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId: number;

  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Field(() => Int, { description: 'The order version this entry applies to.' })
  @Column({ type: 'int' })
  version: number;

  @Field(() => ApprovalDecision, { description: 'PENDING until the ministry decides, then APPROVED or REJECTED.' })
  @Column({ type: 'varchar', length: 8 })
  decision: ApprovalDecision;

  @Field(() => String, { nullable: true, description: 'The official who decided.' })
  @Column({ name: 'decided_by', type: 'varchar', length: 120, nullable: true })
  decidedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Why; always present on a rejection.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  comment: string | null;

  @Field(() => DateTimeScalar, { description: 'When the decision was asked for (UTC).' })
  @Column({ name: 'requested_at', type: 'datetime' })
  requestedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the ministry decided; null while PENDING.' })
  @Column({ name: 'decided_at', type: 'datetime', nullable: true })
  decidedAt: Date | null;
}
