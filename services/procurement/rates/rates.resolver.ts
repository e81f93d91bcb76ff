/**
 * Exchange rates in the graph: the recorded reference rates, and recording
 * one (the procurement office's). What they are used for is in
 * budgetComparison.resolver.ts.
 */
import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Between, FindOptionsWhere } from 'typeorm';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { formatRate } from '../../../lib/money';
import { ProcurementContext, write } from '../context';
import { EXCHANGE_RATES } from '../listSizes';
import { ExchangeRate } from './exchangeRate.entity';
import { recordExchangeRate } from './rates';

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
