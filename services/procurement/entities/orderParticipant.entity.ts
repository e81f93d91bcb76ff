import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member taking part in an order: it may allocate, and it must approve. */
@Entity({ name: 'order_participant' })
export class OrderParticipant {
  @PrimaryColumn({ name: 'order_id', type: 'int' })
  orderId: number;

  @PrimaryColumn({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Column({ name: 'joined_at', type: 'datetime' })
  joinedAt: Date;
}
