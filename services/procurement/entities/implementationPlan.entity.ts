import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../../../lib/graphql/scalars';

/** The plan the ministries approve, covering one or more joint orders; it has versions. */
@ObjectType({ description: 'The plan the ministries approve for one or more joint orders, in versions.' })
@Entity({ name: 'implementation_plan' })
export class ImplementationPlan {
  @Field(() => ID, { description: 'The plan\'s id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field({ description: 'e.g. "IP-2026-01".' })
  @Column({ type: 'varchar', length: 20 })
  reference: string;

  @Field({ description: 'What the plan is for.' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => Int, { description: 'The current version, the one approvals count for.' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'lock_version', type: 'int', default: 0 })
  lockVersion: number;

  @Column({ name: 'created_by', type: 'varchar', length: 2 })
  createdBy: string;

  @Field(() => DateTimeScalar, { description: 'When version 1 was drafted (UTC).' })
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}
