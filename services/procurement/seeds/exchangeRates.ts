/**
 * Reference exchange rates for the demo: units of a currency for one euro,
 * each with its source. The ECB's published euro reference rates where we
 * quote them; every other value is marked illustrative in its source, so
 * nobody mistakes it for a published rate.
 */
import type { DataSource } from 'typeorm';
import { parseRate } from '../../../lib/money';
import { ExchangeRate } from '../entities';

/*
 * The ECB's USD rates are the daily euro reference rate (US dollars for one
 * euro, EUR/USD) of the year's last business day, as the ECB's daily feed
 * (https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml, archived per
 * day) published it: 29 December 2023 USD 1.1050, 31 December 2024 USD 1.0389
 * (checked on 3 December 2026 against the archived feed of those days).
 * 30 December 2022 USD 1.0666 is the same series; no archived copy of that
 * day's feed was at hand to check it again. They are year-end rates, not the
 * ECB's annual averages (which are no one day's rate, and a rate here is
 * recorded for a day: exchange_rate.rate_date).
 */
const ECB = 'European Central Bank, euro foreign exchange reference rates (published value)';
const ILLUSTRATIVE_USD = "Illustrative value near the ECB's USD reference rate of the time (not a published rate)";
const ILLUSTRATIVE_ALL = "Illustrative value near the Bank of Albania's official rate (the ECB publishes no ALL reference rate; not a published rate)";

export const DEMO_RATES: ReadonlyArray<{ currency: string; rateDate: string; unitsPerEuro: string; source: string }> = [
  { currency: 'USD', rateDate: '2022-12-30', unitsPerEuro: '1.0666', source: ECB },
  { currency: 'USD', rateDate: '2023-12-29', unitsPerEuro: '1.1050', source: ECB },
  { currency: 'USD', rateDate: '2024-12-31', unitsPerEuro: '1.0389', source: ECB },
  { currency: 'USD', rateDate: '2025-12-31', unitsPerEuro: '1.1700', source: ILLUSTRATIVE_USD },
  { currency: 'USD', rateDate: '2026-06-30', unitsPerEuro: '1.1650', source: ILLUSTRATIVE_USD },
  { currency: 'ALL', rateDate: '2023-12-29', unitsPerEuro: '103.50', source: ILLUSTRATIVE_ALL },
  { currency: 'ALL', rateDate: '2024-12-31', unitsPerEuro: '98.20', source: ILLUSTRATIVE_ALL },
  { currency: 'ALL', rateDate: '2025-12-31', unitsPerEuro: '97.10', source: ILLUSTRATIVE_ALL },
  { currency: 'ALL', rateDate: '2026-06-30', unitsPerEuro: '96.80', source: ILLUSTRATIVE_ALL },
];

/** Adds the demo rates that are missing; a recorded rate is never overwritten. */
export async function seedExchangeRates(dataSource: DataSource): Promise<void> {
  const repository = dataSource.getRepository(ExchangeRate);
  for (const rate of DEMO_RATES) {
    if (await repository.existsBy({ currency: rate.currency, rateDate: rate.rateDate })) continue;
    await repository.insert({ currency: rate.currency, rateDate: rate.rateDate, perEuroMicro: parseRate(rate.unitsPerEuro), source: rate.source });
  }
}
