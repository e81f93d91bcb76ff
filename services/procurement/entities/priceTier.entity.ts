import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { minorUnitsTransformer } from '../../../lib/money';

/** A supplier's volume tier: from `minQuantity` units on, each costs `unitPrice`. */
@ObjectType({ description: 'A volume price: the unit price from minQuantity units on.' })
@Entity({ name: 'price_tier' })
export class PriceTier {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  nsn: string;

  @Field(() => Int, { description: 'The tier applies from this many units of the line (all members together).' })
  @PrimaryColumn({ name: 'min_quantity', type: 'int' })
  minQuantity: number;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: minorUnitsTransformer })
  unitPriceMinor: bigint;

  @Field(() => Int, { description: 'Days from placing the order to delivery at this tier.' })
  @Column({ name: 'lead_time_days', type: 'int' })
  leadTimeDays: number;
}
