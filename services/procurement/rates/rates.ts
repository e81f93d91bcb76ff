/**
 * Reference exchange rates as data: each rate is recorded with its day and
 * its source, never typed into a computation. A published rate does not
 * change: recording it again with another value is refused.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { LessThanOrEqual } from 'typeorm';
import { badInput, ruleBroken } from '../../../lib/errors';
import { assertCurrency, EURO_PER_EURO_MICRO, formatRate, parseRate } from '../../../lib/money';
import type { ProcurementContext } from '../context';
import { writeTransaction } from '../workflow/transaction';
import { ExchangeRate } from './exchangeRate.entity';

export const RateRule = {
  RATE_EXISTS: 'RATE_EXISTS',
  RATE_MISSING: 'RATE_MISSING',
} as const;

export interface NewRate {
  currency: string;
  rateDate: string;
  /** Units of `currency` for one euro, a decimal string, e.g. "1.0389". */
  unitsPerEuro: string;
  source: string;
}

export async function recordExchangeRate(ctx: ProcurementContext, input: NewRate): Promise<ExchangeRate> {
  const currency = assertCurrency(input.currency, 'currency');
  if (currency === 'EUR') throw badInput('currency', 'rates are quoted against the euro: the euro itself is always 1');
  const perEuroMicro = parseRate(input.unitsPerEuro, 'unitsPerEuro');
  const source = input.source.trim();
  if (!source || source.length > 300) throw badInput('source', 'must say where the rate comes from, 1 to 300 characters');
  if (input.rateDate > ctx.clock.today()) throw badInput('rateDate', `must not be in the future (today is ${ctx.clock.today()})`);
  return writeTransaction(ctx.dataSource, async (tx) => {
    const existing = await tx.findOne(ExchangeRate, { where: { currency, rateDate: input.rateDate } });
    if (existing) {
      if (existing.perEuroMicro === perEuroMicro) return existing;
      throw ruleBroken(RateRule.RATE_EXISTS, `The ${currency} rate of ${input.rateDate} is recorded as ${formatRate(existing.perEuroMicro)} (${existing.source}); a published rate does not change`, { field: 'unitsPerEuro' });
    }
    const rate = tx.create(ExchangeRate, { currency, rateDate: input.rateDate, perEuroMicro, source });
    await tx.insert(ExchangeRate, rate);
    return rate;
  });
}

/** The euro, which needs no rate: one euro is one euro. */
export const EURO = 'EUR';

/**
 * The rate in force for `currency` on `day`: the latest published on or
 * before it (null for the euro). None at all is refused with RATE_MISSING.
 */
export async function rateOn(db: DataSource | EntityManager, currency: string, day: string): Promise<ExchangeRate | null> {
  if (currency === EURO) return null;
  const rate = await db.getRepository(ExchangeRate).findOne({ where: { currency, rateDate: LessThanOrEqual(day) }, order: { rateDate: 'DESC' } });
  if (!rate) throw ruleBroken(RateRule.RATE_MISSING, `No reference rate for ${currency} on or before ${day}: record one with recordExchangeRate`, { currency, rateDate: day });
  return rate;
}

/** Millionths of a unit per euro; the euro's own is exactly one. */
export function perEuro(rate: ExchangeRate | null): bigint {
  return rate ? rate.perEuroMicro : EURO_PER_EURO_MICRO;
}
