/**
 * Demo records for XK, AL, HR and BG: deterministic (no randomness), only
 * catalogue NSNs, budgets in each member's budget currency
 * (lib/reference/members.ts). Dates are relative to the demo day
 * (lib/reference/demoCalendar.ts): need-by dates in days, budgets in years
 * from it. Loaded in one transaction; a member's existing records are kept
 * unless a reset is asked for.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { catalogEntry } from '../../../lib/reference/catalog';
import { DemoCalendar, demoCalendar, todayOf } from '../../../lib/reference/demoCalendar';
import { demoRequirementReference } from '../../../lib/reference/demoRequirements';
import { MEMBERS } from '../../../lib/reference/members';
import { parseAmount } from '../../../lib/money';
import { Budget, COUNTRY_RECORD_ENTITIES, Holding, Ministry, Requirement } from '../entities';
import { Priority, RequirementStatus } from '../types/enums';
import { demoHoldings, MemberDemoData } from './demoData';
import { ALBANIA } from './al';
import { BULGARIA } from './bg';
import { CROATIA } from './hr';
import { KOSOVO } from './xk';

export const DEMO_DATA: Readonly<Record<string, MemberDemoData>> = { XK: KOSOVO, AL: ALBANIA, HR: CROATIA, BG: BULGARIA };

export type SeedOutcome = 'seeded' | 'kept-existing' | 'no-demo-data';

/** Demo NSNs come from the catalogue by name (items.ts); the category is looked up for SQL filtering. */
function catalogueCategory(nsn: string): string {
  const entry = catalogEntry(nsn);
  if (!entry) throw new Error(`Demo data references NSN ${nsn}, which is not in the shared catalogue`);
  return entry.category;
}

async function holdsRecords(manager: EntityManager, member: string): Promise<boolean> {
  for (const entity of COUNTRY_RECORD_ENTITIES) {
    if (await manager.getRepository(entity).existsBy({ countryCode: member })) return true;
  }
  return false;
}

async function insertDemoData(manager: EntityManager, member: string, data: MemberDemoData, calendar: DemoCalendar): Promise<void> {
  const currency = MEMBERS.find((m) => m.code === member)?.budgetCurrency;
  if (!currency) throw new Error(`Member ${member} has demo data but no budget currency in lib/reference/members.ts`);
  await manager.insert(Ministry, { countryCode: member, ...data.ministry });
  await manager.insert(
    Holding,
    demoHoldings(data.formations).map((h) => ({ countryCode: member, category: catalogueCategory(h.nsn), ...h })),
  );
  await manager.insert(
    Requirement,
    // Ids as given: procurement's demo links its allocations to them by key.
    data.requirements.map(({ neededIn, justification, priority, status, ...r }) => ({
      ...r,
      priority: priority as Priority,
      status: status as RequirementStatus,
      countryCode: member,
      reference: demoRequirementReference(member, r.id),
      neededBy: calendar.day(neededIn),
      justification: justification ?? null,
    })),
  );
  await manager.insert(
    Budget,
    data.budgets.map((b) => ({
      countryCode: member,
      year: calendar.year(b.yearOffset),
      currency,
      defenceTotalMinor: parseAmount(b.defenceTotal, 'defenceTotal'),
      procurementMinor: parseAmount(b.procurement, 'procurement'),
    })),
  );
}

export interface SeedOptions {
  /** false (first start) leaves a database that already holds records of the member alone; true replaces them with the demo records. */
  reset: boolean;
  /** The demo day, "YYYY-MM-DD"; default today (UTC). */
  today?: string;
}

/** Loads the member's demo records, dated relative to the demo day. */
export async function seedDemoData(dataSource: DataSource, member: string, { reset, today = todayOf() }: SeedOptions): Promise<SeedOutcome> {
  const data = DEMO_DATA[member];
  if (!data) return 'no-demo-data';
  return dataSource.transaction(async (manager) => {
    if (await holdsRecords(manager, member)) {
      if (!reset) return 'kept-existing';
      for (const entity of COUNTRY_RECORD_ENTITIES) await manager.delete(entity, { countryCode: member });
    }
    await insertDemoData(manager, member, data, demoCalendar(today));
    return 'seeded';
  });
}
