import { catalogEntry } from '../../../lib/reference/catalog';
import { MEMBERS } from '../../../lib/reference/members';
import { parseAmount } from '../../../lib/money';
import { createTestDatabase, TestDatabase } from '../../../test/testkit/database';
import { openCountryDatabase } from '../database';
import { Budget, Holding } from '../entities';
import { DEMO_DATA, seedDemoData } from '../seeds';
import { demoHoldings } from '../seeds/demoData';
import { snapshotDatabase } from './memberServer';

describe.each(Object.entries(DEMO_DATA))('demo records of %s', (code, data) => {
  const holdings = demoHoldings(data.formations);

  it('hold 30-100 holdings over a few formations, every NSN from the shared catalogue', () => {
    expect(holdings.length).toBeGreaterThanOrEqual(30);
    expect(holdings.length).toBeLessThanOrEqual(100);
    expect(Object.keys(data.formations).length).toBeGreaterThanOrEqual(3);
    expect(new Set(holdings.map((h) => h.status)).size).toBe(3);
    for (const h of [...holdings, ...data.requirements]) expect(catalogEntry(h.nsn)).toBeDefined();
  });

  it('hold 5-15 requirements of mixed priority and status, some CRITICAL, each CRITICAL one justified', () => {
    expect(data.requirements.length).toBeGreaterThanOrEqual(5);
    expect(data.requirements.length).toBeLessThanOrEqual(15);
    expect(new Set(data.requirements.map((r) => r.priority)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(data.requirements.map((r) => r.status)).size).toBeGreaterThanOrEqual(3);
    const critical = data.requirements.filter((r) => r.priority === 'CRITICAL');
    expect(critical.length).toBeGreaterThan(0);
    for (const r of critical) expect(r.justification?.trim()).toBeTruthy();
  });

  it('hold budgets for last year, this year and next year, growing, with procurement a plausible share of the total', () => {
    expect(data.budgets.map((b) => b.yearOffset)).toEqual([-1, 0, 1]);
    let previous = 0n;
    for (const b of data.budgets) {
      const total = parseAmount(b.defenceTotal);
      const procurement = parseAmount(b.procurement);
      expect(total).toBeGreaterThan(previous);
      // Between 15% and 40% of the defence budget goes to procurement.
      expect(procurement * 100n).toBeGreaterThanOrEqual(total * 15n);
      expect(procurement * 100n).toBeLessThanOrEqual(total * 40n);
      previous = total;
    }
  });
});

describe('seedDemoData', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('country_seed');
  });
  afterAll(() => database?.drop());

  it('loads the same records every time, keeps existing records on a first-start seed, and replaces them on reset', async () => {
    const dataSource = await openCountryDatabase(database.url);
    try {
      expect(await seedDemoData(dataSource, 'HR', { reset: false, today: '2026-10-01' })).toBe('seeded');
      const first = await snapshotDatabase(dataSource);
      // Ids keep counting after a reset; everything else must be the same.
      const withoutIds = (snapshot: Record<string, unknown[]>) => Object.values(snapshot).flat().map((row) => String(row).replace(/^\{"id":\d+,/, '{'));

      await dataSource.getRepository(Holding).update({ countryCode: 'HR' }, { quantity: 1 });
      expect(await seedDemoData(dataSource, 'HR', { reset: false, today: '2026-10-01' })).toBe('kept-existing');
      expect(await dataSource.getRepository(Holding).countBy({ quantity: 1 })).toBe(demoHoldings(DEMO_DATA.HR.formations).length);

      expect(await seedDemoData(dataSource, 'HR', { reset: true, today: '2026-10-01' })).toBe('seeded');
      expect(withoutIds(await snapshotDatabase(dataSource))).toEqual(withoutIds(first));

      const currency = MEMBERS.find((m) => m.code === 'HR')!.budgetCurrency;
      expect((await dataSource.getRepository(Budget).find()).every((b) => b.currency === currency)).toBe(true);
      expect(await seedDemoData(dataSource, 'MK', { reset: true })).toBe('no-demo-data');
    } finally {
      await dataSource.destroy();
    }
  });
});
