import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { MinorUnits, minorUnitsTransformer } from '../../../lib/money';
import { CaseStage } from './enums';

/**
 * One purchaser's case in a joint order: what US Foreign Military Sales calls
 * a case, signed by that country alone in its letter of offer and acceptance.
 * A joint order groups its participants' cases.
 */
@ObjectType({ description: "One purchaser's case in a joint order (FMS: its own letter of offer and acceptance, signed by that country alone)." })
@Entity({ name: 'fms_case' })
export class Case {
  @Field(() => ID, { description: 'The case\'s id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId: number;

  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Field({ description: 'The case designator: purchaser, implementing agency, case, e.g. "AL-B-ZAM"; unique.' })
  @Column({ type: 'varchar', length: 12 })
  reference: string;

  @Field(() => CaseStage, { description: 'Where the case stands.' })
  @Column({ type: 'varchar', length: 12 })
  stage: CaseStage;

  @Field(() => Int, { description: 'The current version of the case document: 0 while only requested, 1 the first offer, then each re-offer, amendment and modification.' })
  @Column({ type: 'int', default: 0 })
  version: number;

  @Field(() => LocalDateScalar, { description: 'The day of the letter of request.' })
  @Column({ name: 'requested_on', type: 'date' })
  requestedOn: string;

  @Field({ description: "The letter of request's own reference, as the purchaser numbered it." })
  @Column({ name: 'request_reference', type: 'varchar', length: 60 })
  requestReference: string;

  @Field({ description: 'The official who signed the letter of request.' })
  @Column({ name: 'requested_by', type: 'varchar', length: 120 })
  requestedBy: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the purchaser signed its offer; null before.' })
  @Column({ name: 'accepted_on', type: 'date', nullable: true })
  acceptedOn: string | null;

  @Field(() => String, { nullable: true, description: 'The signatory of the accepted offer; null before.' })
  @Column({ name: 'accepted_by', type: 'varchar', length: 120, nullable: true })
  acceptedBy: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the case was closed; null while open. A closed case is read-only.' })
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  /** The estimate in force when the case closed (its effective version's). */
  @Column({ name: 'estimate_at_closure_minor', type: 'bigint', nullable: true, transformer: minorUnitsTransformer })
  estimateAtClosureMinor: MinorUnits | null;

  @Column({ name: 'actual_cost_minor', type: 'bigint', nullable: true, transformer: minorUnitsTransformer })
  actualCostMinor: MinorUnits | null;

  @Column({ name: 'lock_version', type: 'int', default: 0 })
  lockVersion: number;
}
