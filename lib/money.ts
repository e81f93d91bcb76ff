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
