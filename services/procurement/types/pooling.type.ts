import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { MEMBERS } from '../listSizes';
import { Money } from '../../../lib/graphql/money.type';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { Requirement } from './requirement.type';

/** One member's part of a pooling candidate. */
@ObjectType({ description: "One member's part of a pooling candidate: what is left of its requirement, priced pooled and alone." })
export class PoolingShare {
  countryCode: string;
  nsn: string;

  @Field(() => Requirement, { description: "The member's requirement, resolved by its country subgraph." })
  requirement: Requirement;

  @Field(() => Int, { description: 'What is left of the requirement after the allocations already serving it.' })
  quantity: number;

  @Field(() => LocalDateScalar, { description: 'Its need-by date, as the ministry shared it.' })
  neededBy: string;

  @Field(() => Money, { description: 'quantity at the unit price the combined quantity reaches.' })
  pooledCost: Money;

  @Field(() => Money, { description: 'The unit price of the tier the member reaches buying its quantity alone.' })
  aloneUnitPrice: Money;

  @Field(() => Money, { description: 'quantity at aloneUnitPrice.' })
  aloneCost: Money;

  @Field(() => Money, { description: 'aloneCost − pooledCost.' })
  savings: Money;

  @Field({ description: 'savings as a percentage of aloneCost, exact to two decimals.' })
  savingsPercent: string;
}

/** Requirements of several members for one item that no allocation covers yet, priced together. */
@ObjectType({ description: 'Open requirements of several members for the same item, not yet allocated: what buying them together would cost and save.' })
export class PoolingCandidate {
  nsn: string;

  @Field(() => Int, { description: "The members' remaining quantities added up." })
  combinedQuantity: number;

  @Field(() => Int, { description: 'The minimum quantity of the volume tier the combined quantity reaches.' })
  tierMinQuantity: number;

  @Field(() => Money, { description: 'The unit price of that tier.' })
  unitPrice: Money;

  @Field(() => Money, { description: 'The combined quantity at unitPrice.' })
  pooledCost: Money;

  @Field(() => Money, { description: 'What the members would pay each buying its own quantity alone.' })
  aloneCost: Money;

  @Field(() => Money, { description: 'aloneCost − pooledCost.' })
  savings: Money;

  @Field({ description: 'savings as a percentage of aloneCost, exact to two decimals.' })
  savingsPercent: string;

  @Directive(MEMBERS)
  @Field(() => [PoolingShare], { description: 'Each member taking part, by code.' })
  members: PoolingShare[];
}
