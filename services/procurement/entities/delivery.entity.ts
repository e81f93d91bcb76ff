import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { DeliveryStatus } from '../types/enums';

/** A shipment of part of one member's allocation on one line. */
@ObjectType({ description: "A shipment of part of one member's allocation on one line." })
@Entity({ name: 'delivery' })
export class Delivery {
  @Field(() => ID, { description: 'The delivery\'s id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId: number;

  @Column({ name: 'line_id', type: 'int' })
  lineId: number;

  @Column({ name: 'allocation_id', type: 'int' })
  allocationId: number;

  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Field(() => Int, { description: 'How many units the shipment carries.' })
  @Column({ type: 'int' })
  quantity: number;

  @Field(() => LocalDateScalar, { description: 'The day it is planned to arrive.' })
  @Column({ name: 'planned_date', type: 'date' })
  plannedDate: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it arrived; null until delivered.' })
  @Column({ name: 'delivered_date', type: 'date', nullable: true })
  deliveredDate: string | null;

  @Field(() => DeliveryStatus, { description: 'SCHEDULED, IN_TRANSIT or DELIVERED.' })
  @Column({ type: 'varchar', length: 10 })
  status: DeliveryStatus;
}
