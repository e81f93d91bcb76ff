import { Field, ObjectType } from 'type-graphql';
import { Money } from '../../../lib/graphql/money.type';

/** One member's share of an order's money: jointly, alone, and the difference. */
@ObjectType({ description: "One member's share of an order: what it pays jointly, what it would pay alone, and what it saves." })
export class CountrySavings {
  countryCode: string;

  @Field(() => Money, { description: "The member's allocations at the lines' joint unit prices." })
  committed: Money;

  @Field(() => Money, { description: 'The same quantities at the prices the member would get ordering alone.' })
  individual: Money;

  @Field(() => Money, { description: 'individual − committed.' })
  savings: Money;

  @Field({ description: 'savings as a percentage of individual: a decimal string with two decimals, rounded half away from zero, e.g. "12.35" ("0.00" without allocations).' })
  savingsPercent: string;
}
