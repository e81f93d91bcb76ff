/**
 * `Money { amount, currency }`, shared by every subgraph (hence @shareable):
 * `amount` is an exact decimal string computed in integer minor units.
 */
import { Directive, Field, ObjectType } from 'type-graphql';
import { formatAmount, MinorUnits } from '../money';

@Directive('@shareable')
@ObjectType({ description: 'An exact amount of money: a decimal string and an ISO 4217 currency.' })
export class Money {
  @Field({ description: 'Exact decimal string with two decimals, e.g. "1250000.00".' })
  amount: string;

  @Field({ description: 'ISO 4217 currency code, e.g. "USD".' })
  currency: string;

  static of(minor: MinorUnits, currency: string): Money {
    return Object.assign(new Money(), { amount: formatAmount(minor), currency });
  }
}
