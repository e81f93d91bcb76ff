import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { minorUnitsTransformer } from '../../../lib/money';

/** One catalogue item in an order; its quantity is the sum of the members' allocations. */
@ObjectType({ description: 'One catalogue item of a joint order, priced on the combined quantity of its allocations.' })
@Entity({ name: 'order_line' })
export class OrderLine {
  @Field(() => ID, { description: 'The line\'s id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId: number;

  @Column({ type: 'varchar', length: 16 })
  nsn: string;

  /** The unit price agreed when the order was placed; null before (the price follows the tiers). */
  @Column({ name: 'agreed_unit_price_minor', type: 'bigint', nullable: true, transformer: minorUnitsTransformer })
  agreedUnitPriceMinor: bigint | null;
}
