/**
 * The reference data every procurement database starts with: the shared
 * catalogue (lib/reference/catalog.ts) with version 1 of each item's price
 * tiers, and the member registry (lib/reference/members.ts). Only missing rows are added, so a
 * member admitted since, or a changed name, is never overwritten.
 */
import type { DataSource } from 'typeorm';
import { parseAmount } from '../../../lib/money';
import { CATALOG, CATALOG_CURRENCY } from '../../../lib/reference/catalog';
import { MEMBERS } from '../../../lib/reference/members';
import { FIRST_VERSION_FROM, storeTiers } from '../catalogue/priceVersions';
import { CatalogItem, Member, PriceVersion } from '../entities';
import { legacyNatoStatus, Membership, NatoRelation } from '../types/enums';

/** When the founding members are recorded as admitted. */
const FOUNDED_AT = new Date('2025-09-01T09:00:00Z');

export async function seedReferenceData(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (tx) => {
    const knownMembers = new Set((await tx.find(Member, { select: { code: true } })).map((m) => m.code));
    const newMembers = MEMBERS.filter((m) => !knownMembers.has(m.code)).map((m) =>
      tx.create(Member, {
        code: m.code,
        name: m.name,
        natoRelation: m.natoRelation as NatoRelation,
        natoStatus: legacyNatoStatus(m.natoRelation as NatoRelation),
        membership: m.membership as Membership,
        admittedAt: m.membership === 'MEMBER' ? FOUNDED_AT : null,
      }),
    );
    if (newMembers.length) await tx.insert(Member, newMembers);

    const knownItems = new Set((await tx.find(CatalogItem, { select: { nsn: true } })).map((i) => i.nsn));
    const newEntries = CATALOG.filter((entry) => !knownItems.has(entry.nsn));
    if (newEntries.length === 0) return;
    await tx.insert(
      CatalogItem,
      newEntries.map(({ nsn, name, category, supplier, standard }) => ({ nsn, name, category, supplier, standard: standard ?? '', currency: CATALOG_CURRENCY })),
    );
    const tiersOf = (entry: (typeof newEntries)[number]) =>
      entry.tiers.map((tier) => ({ minQuantity: tier.minQuantity, unitPriceMinor: parseAmount(tier.unitPrice, `catalogue ${entry.nsn} unitPrice`), leadTimeDays: tier.leadTimeDays }));
    // Version 1 of each new item's prices, from the start (catalogue/priceVersions.ts).
    await tx.insert(
      PriceVersion,
      newEntries.map((entry) => ({
        nsn: entry.nsn,
        version: 1,
        effectiveFrom: FIRST_VERSION_FROM,
        tiers: storeTiers(tiersOf(entry)),
        changedAt: new Date(),
        changedBy: 'catalogue',
        reason: "The catalogue's tiers as loaded",
      })),
    );
  });
}
