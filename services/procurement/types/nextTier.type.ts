import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../../lib/graphql/money.type';
import { PriceTier } from '../entities';

/** The volume tier above a line's quantity, and what reaching it would change, so members can decide whether to add units. */
@ObjectType({ description: "The next volume tier above an order line's quantity and what reaching it would change." })
export class NextTier {
  @Field(() => PriceTier, { description: 'The tier: its minimum quantity (the threshold), unit price and lead time.' })
  tier: PriceTier;

  @Field(() => Int, { description: "Units the line still needs to reach the tier (the tier's minQuantity − the line's quantity)." })
  unitsMissing: number;

  @Field(() => Money, {
    description: "The line's current quantity × (its unit price − the tier's): what the units already on the line would save at the tier's price.",
  })
  savingsOnCurrentQuantity: Money;

  @Field(() => Money, {
    description: "The line's value at the threshold and the tier's price minus its value now: what reaching the tier adds in all (negative when more units cost less).",
  })
  additionalCost: Money;
}
