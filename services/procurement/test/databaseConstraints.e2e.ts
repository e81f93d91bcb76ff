/**
 * The rules a row can carry are in the database too: even a write that
 * bypasses the service is refused. Each statement here breaks one of them.
 */
import { openDatabase } from '../../../lib/db/dataSource';
import { createTestDatabase } from '../../../test/testkit/database';
import { PROCUREMENT_ENTITIES } from '../entities';
import { PROCUREMENT_MIGRATIONS } from '../migrations';
import { seedReferenceData } from '../seeds/referenceData';
import { startTestProcurement, TABLES, TestProcurement } from './procurementTestkit';
import { draftOrder } from './orderSteps';
import { DEMO_DAY } from './procurementTestkit';

describe('database constraints of the procurement schema', () => {
  let p: TestProcurement;
  let orderId: string;
  let lineId: string;
  beforeAll(async () => {
    p = await startTestProcurement('constraints');
    ({ orderId, lineId } = await draftOrder(p));
  });
  afterAll(async () => p?.stop());

  const sql = (statement: string, params: unknown[] = []) => p.service.dataSource.query(statement, params);

  it.each([
    ['an allocation of no units', () => sql("INSERT INTO allocation (order_id, line_id, country_code, quantity) VALUES (?, ?, 'HR', 0)", [orderId, lineId])],
    ['an allocation for a member that does not take part', () => sql("INSERT INTO allocation (order_id, line_id, country_code, quantity) VALUES (?, ?, 'HR', 5)", [orderId, lineId])],
    ['a second allocation of the same member on a line', () => sql("INSERT INTO allocation (order_id, line_id, country_code, quantity) VALUES (?, ?, 'XK', 5)", [orderId, lineId])],
    ['an allocation with a negative lock version', () => sql("UPDATE allocation SET lock_version = -1 WHERE line_id = ? AND country_code = 'XK'", [lineId])],
    ['a rejection without a reason', () => sql("INSERT INTO approval (order_id, country_code, version, decision, decided_by, requested_at, decided_at) VALUES (?, 'AL', 1, 'REJECTED', 'Minister', '2026-05-04 10:00:00', '2026-05-04 10:00:00')", [orderId])],
    ['a decision without a decision date', () => sql("INSERT INTO approval (order_id, country_code, version, decision, decided_by, requested_at) VALUES (?, 'AL', 1, 'APPROVED', 'Minister', '2026-05-04 10:00:00')", [orderId])],
    ['a LEAD_NATION order without a lead nation', () => sql("UPDATE joint_order SET model = 'LEAD_NATION' WHERE id = ?", [orderId])],
    ['a placed order without a placement date', () => sql("UPDATE joint_order SET status = 'PLACED' WHERE id = ?", [orderId])],
    ['an unknown order status', () => sql("UPDATE joint_order SET status = 'SHIPPED' WHERE id = ?", [orderId])],
    ['a second price version 1 of an item', () => sql("INSERT INTO price_version (nsn, version, effective_from, tiers, changed_at, changed_by, reason) VALUES ('1410-01-458-4218', 1, '2027-01-01', '[]', '2026-05-04 10:00:00', 'catalogue', 'Again')")],
    ['a lower-case member code', () => sql("INSERT INTO member (code, name, nato_status, membership) VALUES ('mk', 'North Macedonia', 'MEMBER', 'INVITED')")],
    ['a full member without an admission date', () => sql("INSERT INTO member (code, name, nato_status, membership) VALUES ('MK', 'North Macedonia', 'MEMBER', 'MEMBER')")],
    ['a line for an item not in the catalogue', () => sql("INSERT INTO order_line (order_id, nsn) VALUES (?, '0000-00-000-0000')", [orderId])],
  ])('refuses %s', async (_what, write) => {
    await expect(write()).rejects.toThrow();
  });
});

describe('the procurement migrations', () => {
  it('go down and up again cleanly, one by one, leaving every table and column', async () => {
    const database = await createTestDatabase('procurement_migrations');
    const dataSource = await openDatabase({ url: database.url, entities: PROCUREMENT_ENTITIES, migrations: PROCUREMENT_MIGRATIONS });
    try {
      const tables = async () => (await dataSource.createQueryRunner().getTables(TABLES)).map((t) => t.name.replace(/^.*\./, '')).sort();
      expect(await tables()).toEqual([...TABLES].sort());
      const columns = async (table: string) => (await dataSource.createQueryRunner().getTable(table))?.columns.map((c) => c.name) ?? [];
      // Undone newest first: each down removes what its up added.
      const indices = async (table: string) => (await dataSource.createQueryRunner().getTable(table))?.indices.map((i) => i.name) ?? [];
      const added: Record<string, [string, string]> = { TruthfulReferenceData1796360000000: ['member', 'nato_relation'], AllocationLockVersion1796254773000: ['allocation', 'lock_version'] };
      const indexed: Record<string, [string, string]> = { AllocationRequirementIndex1796400000000: ['allocation', 'IDX_allocation_requirement'] };
      for (const migration of [...PROCUREMENT_MIGRATIONS].reverse()) {
        const column = added[migration.name];
        const index = indexed[migration.name];
        if (column) expect(await columns(column[0])).toContain(column[1]);
        if (index) expect(await indices(index[0])).toContain(index[1]);
        await dataSource.undoLastMigration({ transaction: 'each' });
        if (column) expect(await columns(column[0])).not.toContain(column[1]);
        if (index) expect(await indices(index[0])).not.toContain(index[1]);
      }
      expect(await tables()).toEqual([]);
      await dataSource.runMigrations({ transaction: 'each' });
      expect(await tables()).toEqual([...TABLES].sort());
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  }, 300_000);

  it('drop price_tier only with every item\'s prices in price_version, and build it again from version 1 going down', async () => {
    const database = await createTestDatabase('procurement_price_tier');
    const dataSource = await openDatabase({ url: database.url, entities: PROCUREMENT_ENTITIES, migrations: PROCUREMENT_MIGRATIONS });
    try {
      const runner = dataSource.createQueryRunner();
      await seedReferenceData(dataSource);
      expect(await runner.hasTable('price_tier')).toBe(false);
      const versions = await dataSource.query('SELECT nsn, tiers FROM price_version WHERE version = 1 ORDER BY nsn');
      await dataSource.undoLastMigration({ transaction: 'each' });
      // Down: the table as it was, holding each item's version 1.
      const tiers = await dataSource.query('SELECT nsn, min_quantity, unit_price_minor, lead_time_days FROM price_tier ORDER BY nsn, min_quantity');
      expect(tiers.length).toBe(versions.reduce((n: number, v: { tiers: string }) => n + JSON.parse(v.tiers).length, 0));
      // An item entered by hand with tiers but no price version keeps its prices: they become its version 1.
      await dataSource.query("INSERT INTO catalog_item (nsn, name, category, supplier, standard, currency) VALUES ('1410-99-000-0001', 'Javelin training round', 'ANTI_ARMOUR', 'Javelin Joint Venture', '', 'USD')");
      await dataSource.query("INSERT INTO price_tier (nsn, min_quantity, unit_price_minor, lead_time_days) VALUES ('1410-99-000-0001', 1, 1500000, 200), ('1410-99-000-0001', 10, 1400000, 180)");
      await dataSource.runMigrations({ transaction: 'each' });
      expect(await runner.hasTable('price_tier')).toBe(false);
      const carried = await dataSource.query("SELECT version, effective_from, tiers FROM price_version WHERE nsn = '1410-99-000-0001'");
      expect(carried.map((v: { version: number; tiers: string }) => [Number(v.version), JSON.parse(v.tiers)])).toEqual([
        [1, [{ minQuantity: 1, unitPriceMinor: '1500000', leadTimeDays: 200 }, { minQuantity: 10, unitPriceMinor: '1400000', leadTimeDays: 180 }]],
      ]);
      // The others' versions are as they were: nothing added twice.
      expect(await dataSource.query("SELECT nsn, tiers FROM price_version WHERE version = 1 AND nsn <> '1410-99-000-0001' ORDER BY nsn")).toEqual(versions);
      await runner.release();
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });

  it('after the first, go down and up again on a database that holds orders (deliveries pointing at allocations)', async () => {
    const p = await startTestProcurement('migrations_data', { seed: true, today: DEMO_DAY });
    try {
      const { dataSource } = p.service;
      const count = async (table: string) => Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
      const [allocations, deliveries] = [await count('allocation'), await count('delivery')];
      expect(deliveries).toBeGreaterThan(0);
      for (let i = 1; i < PROCUREMENT_MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      await dataSource.runMigrations({ transaction: 'each' });
      expect([await count('allocation'), await count('delivery')]).toEqual([allocations, deliveries]);
      expect(await dataSource.query('SELECT DISTINCT lock_version FROM allocation')).toEqual([{ lock_version: 0 }]);
      // Kosovo's relation is set right by the migration itself, not only by new seeds.
      expect(await dataSource.query("SELECT code, nato_relation FROM member WHERE nato_relation <> nato_status")).toEqual([{ code: 'XK', nato_relation: 'NONE' }]);
      await expect(dataSource.query('UPDATE allocation SET lock_version = -1')).rejects.toThrow();
    } finally {
      await p.stop();
    }
    // Every migration down and up again is a lot of DDL (tables, checks, triggers): minutes on a busy MariaDB.
  }, 300_000);
});
