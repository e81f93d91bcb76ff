import type { DataSource } from 'typeorm';
import { createDataSource } from '../../../lib/db/dataSource';
import { StatementCounter } from '../../../lib/db/statementCounter';
import { createTestDatabase, TestDatabase } from '../../../test/testkit/database';
import { Budget, COUNTRY_ENTITIES, Holding, Requirement } from '../entities';
import { COUNTRY_MIGRATIONS } from '../migrations';
import { ITEM } from '../seeds/items';
import { HoldingStatus, Priority, RequirementStatus } from '../types/enums';

const TABLES = ['ministry', 'holding', 'requirement', 'budget'];

async function existingTables(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const present = await Promise.all(TABLES.map(async (table) => ((await runner.hasTable(table)) ? table : undefined)));
    return present.filter((table): table is string => table !== undefined);
  } finally {
    await runner.release();
  }
}

const validHolding = { countryCode: 'XK', nsn: ITEM.M4A1, category: 'SMALL_ARMS', quantity: 1, unit: 'KSF 1st Infantry Regiment', status: HoldingStatus.OPERATIONAL, natoStandard: true };
const validRequirement = { countryCode: 'XK', nsn: ITEM.PVS_31, quantity: 1, priority: Priority.LOW, neededBy: '2027-01-01', status: RequirementStatus.DRAFT, justification: null };
const validBudget = { countryCode: 'XK', year: 2026, currency: 'EUR', defenceTotalMinor: 100n, procurementMinor: 50n };

describe('country database migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase('country_migrations');
    // The counter's logger keeps the refused writes below out of the test output.
    dataSource = createDataSource({ url: database.url, entities: COUNTRY_ENTITIES, migrations: COUNTRY_MIGRATIONS, logger: new StatementCounter() });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('migrates up, all the way down, and up again on the backend in use', async () => {
    expect(await existingTables(dataSource)).toEqual([]);
    expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(COUNTRY_MIGRATIONS.length);
    expect(await existingTables(dataSource)).toEqual(TABLES);

    expect(await dataSource.showMigrations()).toBe(false);
    for (let i = 0; i < COUNTRY_MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await existingTables(dataSource)).toEqual([]);
    expect(await dataSource.showMigrations()).toBe(true); // every migration pending again: all the way down

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await existingTables(dataSource)).toEqual(TABLES);
    await dataSource.getRepository(Holding).insert(validHolding);
    expect(await dataSource.getRepository(Holding).count()).toBe(1);
  });

  describe('constraints live in the database, not only in the service', () => {
    const refuses = (write: () => Promise<unknown>) => expect(write()).rejects.toThrow();

    it('refuses a holding with a quantity below 1, an unknown status or category, or a malformed NSN', async () => {
      const holdings = dataSource.getRepository(Holding);
      await refuses(() => holdings.insert({ ...validHolding, quantity: 0 }));
      await refuses(() => holdings.insert({ ...validHolding, status: 'BROKEN' as HoldingStatus }));
      await refuses(() => holdings.insert({ ...validHolding, category: 'SPACESHIPS' }));
      await refuses(() => holdings.insert({ ...validHolding, nsn: '1005-01-631' }));
      await refuses(() => holdings.insert({ ...validHolding, unit: '' }));
    });

    it('refuses a requirement with a quantity below 1 or an unknown priority or status', async () => {
      const requirements = dataSource.getRepository(Requirement);
      await refuses(() => requirements.insert({ ...validRequirement, quantity: -3 }));
      await refuses(() => requirements.insert({ ...validRequirement, priority: 'URGENT' as Priority }));
      await refuses(() => requirements.insert({ ...validRequirement, status: 'LOST' as RequirementStatus }));
    });

    it('keeps one budget per member and year, procurement within the total, years in range', async () => {
      const budgets = dataSource.getRepository(Budget);
      await budgets.insert(validBudget);
      await refuses(() => budgets.insert(validBudget));
      await refuses(() => budgets.insert({ ...validBudget, year: 2027, procurementMinor: 101n }));
      await refuses(() => budgets.insert({ ...validBudget, year: 2028, procurementMinor: -1n }));
      await refuses(() => budgets.insert({ ...validBudget, year: 1999 }));
      expect(await budgets.count()).toBe(1);
    });
  });
});
