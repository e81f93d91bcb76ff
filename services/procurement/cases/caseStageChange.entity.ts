import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { CaseStage } from './enums';

/** One step of a case's history. Append-only; the database admits only the next stage. */
@ObjectType({ description: "One step of a case's history: the stage it entered, when, and who acted." })
@Entity({ name: 'case_stage_change' })
export class CaseStageChange {
  @Field(() => ID, { description: 'The entry\'s id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Field(() => CaseStage, { nullable: true, description: 'The stage it left; null for the letter of request that opened the case.' })
  @Column({ name: 'from_stage', type: 'varchar', length: 12, nullable: true })
  fromStage: CaseStage | null;

  @Field(() => CaseStage, { description: 'The stage it entered.' })
  @Column({ name: 'to_stage', type: 'varchar', length: 12 })
  toStage: CaseStage;

  @Field(() => LocalDateScalar, { description: 'The day.' })
  @Column({ name: 'changed_on', type: 'date' })
  changedOn: string;

  @Column({ name: 'changed_by', type: 'varchar', length: 2 })
  changedBy: string;
}
