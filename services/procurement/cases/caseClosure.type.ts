import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { Money } from '../../../lib/graphql/money.type';

/** A closed case's final figures. */
@ObjectType({ description: "A closed case's final figures: the actual cost against the estimate in force." })
export class CaseClosure {
  @Field(() => LocalDateScalar, { description: 'The day the case was closed.' })
  closedOn: string;

  @Field(() => Money, { description: 'The estimate of the version in force at closure.' })
  estimate: Money;

  @Field(() => Money, { description: 'The goods delivered at the placed order\'s unit prices, plus the final bill\'s additional charges.' })
  actualCost: Money;

  @Field(() => Money, { description: 'actualCost − estimate: positive when the case cost more than estimated.' })
  variance: Money;

  @Field(() => String, { nullable: true, description: 'variance as a percentage of the estimate, two decimals, halves away from zero (e.g. "1.25").' })
  variancePercent: string | null;

  @Field(() => Money, { description: 'actualCost − what was paid: positive is still owed by the purchaser, negative is owed back to it.' })
  balance: Money;
}
