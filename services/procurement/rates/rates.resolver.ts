/**
 * Exchange rates in the graph, and a member's commitments compared with its
 * budget in one currency (`Country.budgetComparison`, which @requires the
 * member's budgets from its own country subgraph).
 */
import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Between, FindOptionsWhere } from 'typeorm';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { formatRate } from '../../../lib/money';
import { ProcurementContext, write } from '../context';
import { EXCHANGE_RATES } from '../listSizes';
import { Member } from '../entities';
import { BudgetComparison } from './budgetComparison.type';
import { compareBudget } from './budgetComparison';
import { ExchangeRate } from './exchangeRate.entity';
import { recordExchangeRate } from './rates';
import { RequiredBudget } from './requiredBudget.type';

@ArgsType()
class RecordExchangeRateArgs {
  @Field({ description: 'The ISO 4217 currency quoted against the euro, e.g. "USD".' })
  currency: string;

  @Field(() => LocalDateScalar, { description: 'The day the rate was published for; not in the future.' })
  rateDate: string;

  @Field({ description: 'Units of the currency for one euro, an exact decimal with at most 6 decimals, e.g. "1.0389".' })
  unitsPerEuro: string;

  @Field({ description: 'Where the rate comes from, e.g. "ECB euro foreign exchange reference rates"; say so when a value is illustrative.' })
  source: string;
}

/** A member as procurement receives it for `budgetComparison`: with the budgets its own subgraph sent along. */
type MemberWithBudgets = Member & { budgets?: RequiredBudget[] | null };

@Resolver(() => ExchangeRate)
export class ExchangeRateResolver {
  @Directive(EXCHANGE_RATES)
  @Query(() => [ExchangeRate], { description: 'Recorded reference rates, by currency and day; optionally one currency, within dates.' })
  async exchangeRates(
    @Ctx() ctx: ProcurementContext,
    @Arg('currency', () => String, { nullable: true, description: 'Only this currency.' }) currency?: string | null,
    @Arg('from', () => LocalDateScalar, { nullable: true, description: 'From this day on.' }) from?: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true, description: 'Up to this day.' }) to?: string | null,
  ): Promise<ExchangeRate[]> {
    const where: FindOptionsWhere<ExchangeRate> = { ...(currency ? { currency } : {}), ...(from || to ? { rateDate: Between(from ?? '0000-01-01', to ?? '9999-12-31') } : {}) };
    return ctx.dataSource.getRepository(ExchangeRate).find({ where, order: { currency: 'ASC', rateDate: 'ASC' } });
  }

  @Mutation(() => ExchangeRate, { nullable: true, description: 'Records a reference rate with its source; the same rate again changes nothing, another value for a recorded day is refused (RATE_EXISTS).' })
  async recordExchangeRate(@Args(() => RecordExchangeRateArgs) input: RecordExchangeRateArgs, @Ctx() ctx: ProcurementContext): Promise<ExchangeRate> {
    return write(ctx, () => recordExchangeRate(ctx, input));
  }

  @FieldResolver(() => String, { description: 'Units of the currency for one euro, an exact decimal string, e.g. "1.0389".' })
  unitsPerEuro(@Root() rate: ExchangeRate): string {
    return formatRate(rate.perEuroMicro);
  }
}

@Resolver(() => Member)
export class MemberBudgetResolver {
  @Directive('@external')
  @FieldResolver(() => [RequiredBudget], { nullable: true, description: "The member's budgets, from its own country subgraph." })
  budgets(@Root() member: MemberWithBudgets): RequiredBudget[] | null {
    return member.budgets ?? null;
  }

  @Directive('@requires(fields: "budgets { year procurement { amount currency } }")')
  @FieldResolver(() => BudgetComparison, {
    description: "The member's commitments in a fiscal year (its cases' payments due that year) against its procurement budget, in one currency at the recorded reference rates. The budget part is null for a caller who may not read the member's budget.",
  })
  async budgetComparison(
    @Root() member: MemberWithBudgets,
    @Ctx() ctx: ProcurementContext,
    @Arg('fiscalYear', () => Int, { description: 'The fiscal (budget) year.' }) fiscalYear: number,
    @Arg('currency', () => String, { defaultValue: 'EUR', description: 'The ISO 4217 currency to compare in.' }) currency: string,
    @Arg('rateDate', () => LocalDateScalar, { nullable: true, description: "Use the rates in force on this day (the latest on or before it); default today." }) rateDate?: string | null,
  ): Promise<BudgetComparison> {
    return compareBudget(ctx, member.code, member.budgets, { fiscalYear, currency, rateDate });
  }
}

