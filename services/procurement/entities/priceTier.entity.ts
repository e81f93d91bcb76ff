import { Field, Int, ObjectType } from 'type-graphql';
import type { MinorUnits } from '../../../lib/money';

/**
 * A supplier's volume tier: from `minQuantity` units on, each costs `unitPrice`.
 * Not a table: tiers are read from an item's price versions (price_version,
 * catalogue/priceVersions.ts); the old price_tier table is gone (migration
 * 1796700000001-DropPriceTier).
 */
@ObjectType({ description: 'A volume price: the unit price from minQuantity units on.' })
export class PriceTier {
  nsn: string;

  @Field(() => Int, { description: 'The tier applies from this many units of the line (all members together).' })
  minQuantity: number;

  unitPriceMinor: MinorUnits;

  @Field(() => Int, { description: 'Days from placing the order to delivery at this tier.' })
  leadTimeDays: number;
}
