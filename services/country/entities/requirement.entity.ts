import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { Priority, RequirementStatus } from '../types/enums';

/** Something the ministry needs to buy: the input to joint orders. */
@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: 'A quantity of a catalogue item the ministry needs, by a date.' })
@Entity({ name: 'requirement' })
@Index('IDX_requirement_country_status_priority', ['countryCode', 'status', 'priority'])
export class Requirement {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => ID, { description: 'The member that needs it (part of the key: the gateway routes on it).' })
  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Column({ type: 'varchar', length: 16 })
  nsn: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  quantity: number;

  @Field(() => Priority)
  @Column({ type: 'varchar', length: 8 })
  priority: Priority;

  /** 'YYYY-MM-DD' on both backends (see lib/db/dataSource.ts). */
  @Field(() => LocalDateScalar)
  @Column({ name: 'needed_by', type: 'date' })
  neededBy: string;

  @Field(() => RequirementStatus)
  @Column({ type: 'varchar', length: 10 })
  status: RequirementStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  justification: string | null;
}
