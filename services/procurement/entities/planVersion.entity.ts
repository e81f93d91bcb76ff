import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar } from '../../../lib/graphql/scalars';

/** One version of an implementation plan's text. */
@ObjectType({ description: 'One version of an implementation plan.' })
@Entity({ name: 'plan_version' })
export class PlanVersion {
  @PrimaryColumn({ name: 'plan_id', type: 'int' })
  planId: number;

  @Field(() => Int)
  @PrimaryColumn({ type: 'int' })
  version: number;

  @Field()
  @Column({ type: 'varchar', length: 4000 })
  summary: string;

  @Column({ name: 'created_by', type: 'varchar', length: 2 })
  createdBy: string;

  @Field(() => DateTimeScalar)
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
