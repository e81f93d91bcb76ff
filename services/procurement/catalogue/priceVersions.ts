/**
 * Catalogue maintenance: the procurement office changes an item's price
 * tiers from a future day on, as a new version; every version stays
 * (price_version), so an order is priced with the version in effect on the
 * day it was opened and earlier orders keep their prices. A placed order has
 * its prices frozen anyway (workflow/placement.ts).
 */
import type { EntityManager } from 'typeorm';
import { badInput, notFound, ruleBroken } from '../../../lib/errors';
import { parseAmount } from '../../../lib/money';
import type { ProcurementContext } from '../context';
import { CatalogItem, PriceTier, PriceVersion } from '../entities';
import { insertUnique, writeTransaction } from '../workflow/transaction';
import { Rule } from '../workflow/rules';

/** Version 1 applies from the start of the catalogue. */
export const FIRST_VERSION_FROM = '1970-01-01';

interface StoredTier {
  minQuantity: number;
  unitPriceMinor: string;
  leadTimeDays: number;
}

export function storeTiers(tiers: readonly { minQuantity: number; unitPriceMinor: bigint; leadTimeDays: number }[]): string {
  return JSON.stringify(tiers.map((t): StoredTier => ({ minQuantity: t.minQuantity, unitPriceMinor: t.unitPriceMinor.toString(), leadTimeDays: t.leadTimeDays })));
}

/** A version's tiers as PriceTier values, smallest quantity first. */
export function tiersOf(version: PriceVersion): PriceTier[] {
  return (JSON.parse(version.tiers) as StoredTier[])
    .map((t) => Object.assign(new PriceTier(), { nsn: version.nsn, minQuantity: t.minQuantity, unitPriceMinor: BigInt(t.unitPriceMinor), leadTimeDays: t.leadTimeDays }))
    .sort((a, b) => a.minQuantity - b.minQuantity);
}

/** The version in effect on `day` ("YYYY-MM-DD"): the latest that took effect on or before it. */
export function versionOn(versions: readonly PriceVersion[], day: string): PriceVersion | null {
  let found: PriceVersion | null = null;
  for (const v of versions) if (v.effectiveFrom <= day && (found === null || v.version > found.version)) found = v;
  return found;
}

export function tiersOn(versions: readonly PriceVersion[], day: string): PriceTier[] {
  const version = versionOn(versions, day);
  return version ? tiersOf(version) : [];
}

/** The day an order was opened, which picks its price version. */
export function pricingDay(order: { createdAt: Date }): string {
  return order.createdAt.toISOString().slice(0, 10);
}

/** The tiers of each item an order holds, at the prices of the day it was opened. */
export function orderTiers(order: { createdAt: Date }, versionsByNsn: ReadonlyMap<string, readonly PriceVersion[]>): Map<string, PriceTier[]> {
  const day = pricingDay(order);
  return new Map([...versionsByNsn].map(([nsn, versions]) => [nsn, tiersOn(versions, day)]));
}

export interface TierChange {
  minQuantity: number;
  unitPrice: string;
  leadTimeDays: number;
}

const MAX_TIERS = 20;

function checkTiers(tiers: readonly TierChange[]): { minQuantity: number; unitPriceMinor: bigint; leadTimeDays: number }[] {
  if (tiers.length === 0 || tiers.length > MAX_TIERS) throw badInput('tiers', `give 1 to ${MAX_TIERS} tiers (got ${tiers.length})`);
  return tiers.map((t, i) => {
    const field = `tiers[${i}]`;
    if (!Number.isInteger(t.minQuantity) || t.minQuantity < 1) throw badInput(`${field}.minQuantity`, `must be a whole number of at least 1 (got ${t.minQuantity})`);
    if (i === 0 && t.minQuantity !== 1) throw badInput(`${field}.minQuantity`, 'the first tier starts at 1 unit, so every quantity has a price');
    if (i > 0 && t.minQuantity <= tiers[i - 1].minQuantity) throw badInput(`${field}.minQuantity`, `must be above the previous tier's ${tiers[i - 1].minQuantity}: tiers go smallest quantity first`);
    const unitPriceMinor = parseAmount(t.unitPrice, `${field}.unitPrice`);
    if (unitPriceMinor <= 0n || unitPriceMinor > 999_999_999_999_999n) throw badInput(`${field}.unitPrice`, 'must be above 0 and at most 9999999999999.99');
    if (!Number.isInteger(t.leadTimeDays) || t.leadTimeDays < 1 || t.leadTimeDays > 3650) throw badInput(`${field}.leadTimeDays`, `must be 1 to 3650 days (got ${t.leadTimeDays})`);
    return { minQuantity: t.minQuantity, unitPriceMinor, leadTimeDays: t.leadTimeDays };
  });
}

async function versionsOf(tx: EntityManager, nsn: string): Promise<PriceVersion[]> {
  return tx.find(PriceVersion, { where: { nsn }, order: { version: 'ASC' } });
}

/**
 * Records new tiers for an item from `effectiveFrom` on: a day after today
 * (orders already opened keep theirs) and after the latest change's day.
 */
export async function changePriceTiers(ctx: ProcurementContext, change: { nsn: string; effectiveFrom: string; tiers: readonly TierChange[]; reason: string }): Promise<CatalogItem> {
  const tiers = checkTiers(change.tiers);
  const reason = change.reason.trim();
  if (reason.length === 0 || reason.length > 500) throw badInput('reason', 'must be 1 to 500 characters');
  const today = ctx.clock.today();
  if (change.effectiveFrom <= today) throw badInput('effectiveFrom', `must be after today (${today}): orders already opened keep the prices they were opened with`);
  return writeTransaction(ctx.dataSource, async (tx) => {
    const item = await tx.findOne(CatalogItem, { where: { nsn: change.nsn } });
    if (!item) throw notFound('Catalogue item', change.nsn);
    const versions = await versionsOf(tx, change.nsn);
    const latest = versions.at(-1);
    if (latest && change.effectiveFrom <= latest.effectiveFrom) {
      throw badInput('effectiveFrom', `must be after ${latest.effectiveFrom}, when version ${latest.version} takes effect`);
    }
    const version = tx.create(PriceVersion, {
      nsn: change.nsn,
      version: (latest?.version ?? 0) + 1,
      effectiveFrom: change.effectiveFrom,
      tiers: storeTiers(tiers),
      changedAt: ctx.clock.now(),
      changedBy: ctx.identity?.subject ?? 'unknown',
      reason,
    });
    await insertUnique(tx, PriceVersion, version, () => ruleBroken(Rule.CONFLICT, `The prices of ${item.name} were changed by another request at the same moment; reload and try again`));
    return item;
  });
}
