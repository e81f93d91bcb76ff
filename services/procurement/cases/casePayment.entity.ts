import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { MinorUnits, minorUnitsTransformer } from '../../../lib/money';
import { PaymentKind } from './enums';

/** One payment of a case's schedule: the initial deposit (first) or an instalment. */
@ObjectType({ description: "One payment of a case's schedule: the initial deposit (always the first) or an instalment." })
@Entity({ name: 'case_payment' })
export class CasePayment {
  @Field(() => ID, { description: "The payment's id." })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Field(() => Int, { description: 'Its place in the schedule, from 1 (the initial deposit).' })
  @Column({ type: 'int' })
  sequence: number;

  @Field(() => PaymentKind, { description: 'Initial deposit or instalment.' })
  @Column({ type: 'varchar', length: 16 })
  kind: PaymentKind;

  @Field(() => LocalDateScalar, { description: 'The day it is due.' })
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: minorUnitsTransformer })
  amountMinor: MinorUnits;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it was paid; null while unpaid.' })
  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn: string | null;
}
