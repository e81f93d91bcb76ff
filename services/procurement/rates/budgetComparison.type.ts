import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../../lib/graphql/money.type';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { CURRENCIES } from '../listSizes';
import { ExchangeRate } from './exchangeRate.entity';

/** A member's commitments in one fiscal year against its procurement budget, both in one currency. */
@ObjectType({
  description:
    "A member's commitments in one fiscal year against its procurement budget, in one currency. Committed is what its cases' payment schedules fall due in that year. Amounts are converted across the euro with the reference rates listed (the latest on or before rateDate), each currency's total rounded once to the cent, halves away from zero.",
})
export class BudgetComparison {
  @Field(() => Int, { description: 'The fiscal year (the member\'s budget year; calendar years for every member today).' })
  fiscalYear: number;

  @Field({ description: 'The ISO 4217 currency everything below is compared in.' })
  currency: string;

  @Field(() => LocalDateScalar, { description: 'The day whose reference rates are used (the latest published on or before it).' })
  rateDate: string;

  @Field(() => Money, { nullable: true, description: "The year's procurement budget as the member set it; null when it has none for the year or the caller may not read it." })
  budgetAsSet: Money | null;

  @Field(() => Money, { nullable: true, description: 'budgetAsSet converted into currency; null with it.' })
  budget: Money | null;

  @Directive(CURRENCIES)
  @Field(() => [Money], { description: 'The payments falling due in the year, one total per currency they are scheduled in.' })
  committedAsScheduled: Money[];

  @Field(() => Money, { description: 'Those payments converted into currency (each total converted once) and added up.' })
  committed: Money;

  @Field(() => Money, { nullable: true, description: 'budget − committed; null without a budget.' })
  remaining: Money | null;

  @Field(() => String, { nullable: true, description: 'committed as a percentage of budget, two decimals, halves away from zero; null without a (non-zero) budget.' })
  committedPercent: string | null;

  @Directive(CURRENCIES)
  @Field(() => [ExchangeRate], { description: 'The reference rates used, with their dates and sources (none needed for the euro).' })
  rates: ExchangeRate[];
}
