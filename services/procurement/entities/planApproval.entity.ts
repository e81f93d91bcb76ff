import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import { Decision } from '../types/enums';

/** A ministry's decision on one version of an implementation plan. Append-only. */
@ObjectType({ description: "A ministry's decision on one version of an implementation plan." })
@Entity({ name: 'plan_approval' })
export class PlanApproval {
  @Field(() => ID, { description: 'The decision\'s id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'plan_id', type: 'int' })
  planId: number;

  @Field(() => Int, { description: 'The plan version decided on.' })
  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Field(() => Decision, { description: 'APPROVED or REJECTED.' })
  @Column({ type: 'varchar', length: 8 })
  decision: Decision;

  @Field({ description: 'The official who decided.' })
  @Column({ name: 'decided_by', type: 'varchar', length: 120 })
  decidedBy: string;

  @Field(() => String, { nullable: true, description: 'Why; always present on a rejection.' })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  comment: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was decided (UTC).' })
  @Column({ name: 'decided_at', type: 'datetime' })
  decidedAt: Date;
}
