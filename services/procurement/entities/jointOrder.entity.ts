import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, LocalDateScalar } from '../../../lib/graphql/scalars';
import { JointOrderStatus, PurchasingModel } from '../types/enums';

/** One combined order of several members from one supplier. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'One combined order of several members from one supplier, priced on the combined quantities.' })
@Entity({ name: 'joint_order' })
export class JointOrder {
  @Field(() => ID, { description: 'The order\'s id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Field({ description: 'Our reference, e.g. "JPO-2026-0003".' })
  @Column({ type: 'varchar', length: 20 })
  reference: string;

  @Field({ description: 'What is bought and why, e.g. "Javelin anti-armour capability 2026".' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field({ description: 'The supplier every line comes from, as named in the catalogue.' })
  @Column({ type: 'varchar', length: 120 })
  supplier: string;

  @Field({ description: 'The one ISO 4217 currency of every figure of this order.' })
  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => JointOrderStatus, { description: 'Where the order stands in its life cycle.' })
  @Column({ type: 'varchar', length: 12 })
  status: JointOrderStatus;

  @Field(() => PurchasingModel, { description: 'Who buys: each member for itself, or one lead nation for all.' })
  @Column({ type: 'varchar', length: 20 })
  model: PurchasingModel;

  @Column({ name: 'lead_nation_code', type: 'varchar', length: 2, nullable: true })
  leadNationCode: string | null;

  @Field({
    description: 'The joint designator, e.g. "AL-B-ZAF": the base of each purchaser\'s own case reference.',
    deprecationReason: 'In FMS each purchaser signs its own case: use cases { reference } (one per member).',
  })
  @Column({ name: 'case_reference', type: 'varchar', length: 12 })
  caseReference: string;

  @Field(() => LocalDateScalar, { description: "The supplier's offer lapses after this day; the order can be placed up to and including it." })
  @Column({ name: 'offer_expires_on', type: 'date' })
  offerExpiresOn: string;

  @Field(() => Int, { description: 'The version ministries approve; changing lines or allocations after a submission makes a new one.' })
  @Column({ type: 'int', default: 1 })
  version: number;

  /** Optimistic concurrency token, bumped by every change of the order's terms or state (workflow/guards.ts). */
  @Column({ name: 'lock_version', type: 'int', default: 0 })
  lockVersion: number;

  @Column({ name: 'created_by', type: 'varchar', length: 2 })
  createdBy: string;

  @Field(() => DateTimeScalar, { description: 'When the order was opened (UTC).' })
  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was placed with the supplier; null before.' })
  @Column({ name: 'placed_at', type: 'datetime', nullable: true })
  placedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the last unit was delivered; null before.' })
  @Column({ name: 'completed_at', type: 'datetime', nullable: true })
  completedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was cancelled; null unless cancelled.' })
  @Column({ name: 'cancelled_at', type: 'datetime', nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled; null unless cancelled.' })
  @Column({ name: 'cancellation_reason', type: 'varchar', length: 2000, nullable: true })
  cancellationReason: string | null;

  @Column({ name: 'plan_id', type: 'int', nullable: true })
  planId: number | null;
}
