/**
 * Exact money. Amounts live in integer minor units (cents) as `bigint` and
 * cross the API as decimal strings ("1250000.00"); no binary floating point
 * ever touches a figure.
 */
import { ValueTransformer } from 'typeorm';
import { badInput } from './errors';

/** Minor units per major unit for the currencies we trade in (all have 2 decimals). */
const MINOR_DIGITS = 2;
const SCALE = 10n ** BigInt(MINOR_DIGITS);
const DECIMAL = /^-?\d{1,16}(\.\d{1,2})?$/;
const CURRENCY = /^[A-Z]{3}$/;

export type MinorUnits = bigint;

/** Parses a decimal string into minor units; `field` names the input in the error. */
export function parseAmount(value: string, field = 'amount'): MinorUnits {
  const text = String(value).trim();
  if (!DECIMAL.test(text)) {
    throw badInput(field, `must be a decimal amount with at most 2 decimal places, like "1250000.00" (got "${value}")`);
  }
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const minor = BigInt(whole) * SCALE + BigInt(fraction.padEnd(MINOR_DIGITS, '0'));
  return negative ? -minor : minor;
}

/** Formats minor units as a decimal string with exactly two decimals. */
export function formatAmount(minor: MinorUnits): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const whole = abs / SCALE;
  const fraction = (abs % SCALE).toString().padStart(MINOR_DIGITS, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

export function assertCurrency(value: string, field = 'currency'): string {
  if (!CURRENCY.test(value)) throw badInput(field, `must be an ISO 4217 code like "EUR" or "USD" (got "${value}")`);
  return value;
}

/** The GraphQL-facing shape of an amount: `Money { amount, currency }`. */
export interface MoneyValue {
  amount: string;
  currency: string;
}

export function money(minor: MinorUnits, currency: string): MoneyValue {
  return { amount: formatAmount(minor), currency };
}

/**
 * `part` as a percentage of `whole`, e.g. savings of individual cost: a
 * decimal string with two decimals, rounded half away from zero ("12.35");
 * "0.00" when `whole` is zero. Exact: integer arithmetic only.
 */
export function percentOf(part: MinorUnits, whole: MinorUnits): string {
  if (whole === 0n) return formatAmount(0n);
  const negative = part < 0n !== whole < 0n && part !== 0n;
  const [p, w] = [part < 0n ? -part : part, whole < 0n ? -whole : whole];
  // Hundredths of a percent: p / w × 100 × 100, rounded half up on the magnitude.
  const hundredths = (p * 10000n * 2n + w) / (2n * w);
  return formatAmount(negative ? -hundredths : hundredths);
}

export function sumMinor(values: Iterable<MinorUnits>): MinorUnits {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/**
 * TypeORM column transformer for `bigint` minor-unit columns. MariaDB hands
 * `bigint` back as a string and SQLite as a number; both become `bigint` here.
 */
export const minorUnitsTransformer: ValueTransformer = {
  to: (value: MinorUnits | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | number | bigint | null) => (value === null || value === undefined ? null : BigInt(value)),
};

/**
 * Exchange rates as exact decimals: units of a currency per euro, held in
 * millionths (the ECB publishes at most 4 decimals for most currencies).
 */
const RATE_DIGITS = 6;
const RATE_SCALE = 10n ** BigInt(RATE_DIGITS);
const RATE = /^\d{1,9}(\.\d{1,6})?$/;

/** The euro itself, in millionths per euro. */
export const EURO_PER_EURO_MICRO = RATE_SCALE;

export function parseRate(value: string, field = 'rate'): bigint {
  const text = String(value).trim();
  if (!RATE.test(text)) throw badInput(field, `must be a positive decimal with at most 6 decimal places, like "1.0389" (got "${value}")`);
  const [whole, fraction = ''] = text.split('.');
  const micro = BigInt(whole) * RATE_SCALE + BigInt(fraction.padEnd(RATE_DIGITS, '0'));
  if (micro <= 0n) throw badInput(field, `must be greater than zero (got "${value}")`);
  return micro;
}

/** A rate in millionths as a decimal string, keeping at least 4 decimals: 1038900 → "1.0389". */
export function formatRate(micro: bigint): string {
  const fraction = (micro % RATE_SCALE).toString().padStart(RATE_DIGITS, '0').replace(/0+$/, '').padEnd(4, '0');
  return `${micro / RATE_SCALE}.${fraction}`;
}

/** a / b rounded to the nearest integer, halves away from zero (b > 0). */
function divideRounded(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  const twiceRest = 2n * (a % b);
  if (twiceRest >= b) return quotient + 1n;
  if (-twiceRest >= b) return quotient - 1n;
  return quotient;
}

/**
 * Converts an amount between two currencies through their euro rates, the way
 * the EU's conversion rules (Regulation 1103/97) do it: across the euro with
 * the rates as published, no rounding on the way, and the result rounded once
 * to the target's minor unit, halves away from zero.
 * amount_to = amount_from × perEuro_to / perEuro_from.
 */
export function convertMinor(amount: MinorUnits, fromPerEuroMicro: bigint, toPerEuroMicro: bigint): MinorUnits {
  return divideRounded(amount * toPerEuroMicro, fromPerEuroMicro);
}
