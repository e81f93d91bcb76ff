import type { DataSource } from 'typeorm';
import { createDataSource } from '../../../lib/db/dataSource';
import { StatementCounter } from '../../../lib/db/statementCounter';
import { createTestDatabase, TestDatabase } from '../../../test/testkit/database';
import { Budget, COUNTRY_ENTITIES, Holding, Requirement } from '../entities';
import { COUNTRY_MIGRATIONS } from '../migrations';
import { ITEM } from '../../../lib/reference/items';
import { HoldingStatus, Priority, RequirementStatus } from '../types/enums';

const TABLES = ['ministry', 'holding', 'requirement', 'budget', 'audit_entry'];

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
const validRequirement = { countryCode: 'XK', reference: 'KSF-2027-001', nsn: ITEM.PVS_31, quantity: 1, priority: Priority.LOW, neededBy: '2027-01-01', status: RequirementStatus.DRAFT, justification: null };
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

    it('keeps one holding line per item, formation and status, compared exactly on both backends', async () => {
      const holdings = dataSource.getRepository(Holding);
      // insert() writes the generated id into the object it is given: every insert gets a fresh copy without one.
      const line = { ...validHolding, id: undefined, unit: 'Natural Key Company' };
      await holdings.insert({ ...line });
      await refuses(() => holdings.insert({ ...line, quantity: 5 }));
      await holdings.insert({ ...line, unit: 'natural key company' });
      await holdings.insert({ ...line, status: HoldingStatus.RESERVE });
      expect(await holdings.countBy({ nsn: line.nsn, unit: line.unit })).toBe(2);
    });

    it("keeps one requirement per reference of the ministry's own, which is required", async () => {
      const requirements = dataSource.getRepository(Requirement);
      await requirements.insert({ ...validRequirement, id: undefined, reference: 'KSF-2027-900' });
      await refuses(() => requirements.insert({ ...validRequirement, id: undefined, reference: 'KSF-2027-900', quantity: 2 }));
      await refuses(() => requirements.insert({ ...validRequirement, id: undefined, reference: '' }));
      await refuses(() => requirements.insert({ ...validRequirement, id: undefined, reference: null as unknown as string }));
      await requirements.insert({ ...validRequirement, id: undefined, reference: 'ksf-2027-900' });
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

describe('natural keys on a database that predates them', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('country_natural_keys');
  });
  afterAll(() => database?.drop());

  it('merges duplicate holding lines into the oldest (quantities added) and gives existing requirements "REQ-<id>"', async () => {
    const open = (migrations: typeof COUNTRY_MIGRATIONS) =>
      createDataSource({ url: database.url, entities: COUNTRY_ENTITIES, migrations, logger: new StatementCounter() }).initialize();
    const old = await open(COUNTRY_MIGRATIONS.slice(0, 1));
    await old.runMigrations({ transaction: 'each' });
    const holding = "INSERT INTO holding (country_code, nsn, category, quantity, unit, status, nato_standard) VALUES ('XK', ?, 'SMALL_ARMS', ?, ?, 'OPERATIONAL', 1)";
    await old.query(holding, [ITEM.M4A1, 10, 'Guards']);
    await old.query(holding, [ITEM.M4A1, 5, 'Guards']);
    await old.query(holding, [ITEM.M4A1, 7, 'guards']);
    await old.query(holding, [ITEM.M4A1, 1, 'Guards']);
    await old.query("INSERT INTO requirement (country_code, nsn, quantity, priority, needed_by, status) VALUES ('XK', ?, 3, 'LOW', '2027-01-01', 'DRAFT')", [ITEM.PVS_31]);
    await old.destroy();

    const migrated = await open(COUNTRY_MIGRATIONS);
    try {
      await migrated.runMigrations({ transaction: 'each' });
      const lines = await migrated.getRepository(Holding).find({ order: { id: 'ASC' } });
      expect(lines.map((h) => [h.id, h.unit, h.quantity])).toEqual([
        [1, 'Guards', 16],
        [3, 'guards', 7],
      ]);
      const [requirement] = await migrated.getRepository(Requirement).find();
      expect(requirement.reference).toBe(`REQ-${requirement.id}`);
    } finally {
      await migrated.destroy();
    }
  });
});
