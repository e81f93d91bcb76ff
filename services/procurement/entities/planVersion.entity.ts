import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar } from '../../../lib/graphql/scalars';

/** One version of an implementation plan's text. */
@ObjectType({ description: 'One version of an implementation plan.' })
@Entity({ name: 'plan_version' })
export class PlanVersion {
  @PrimaryColumn({ name: 'plan_id', type: 'int' })
  planId: number;

  @Field(() => Int, { description: 'The version number, from 1.' })
  @PrimaryColumn({ type: 'int' })
  version: number;

  @Field({ description: 'The text of this version.' })
  @Column({ type: 'varchar', length: 4000 })
  summary: string;

  @Column({ name: 'created_by', type: 'varchar', length: 2 })
  createdBy: string;

  @Field(() => DateTimeScalar, { description: 'When this version was written (UTC).' })
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
