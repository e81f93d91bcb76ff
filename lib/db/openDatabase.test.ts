/**
 * Replicas of a service starting together on one MySQL database: their
 * migrations take turns (a named lock per database), so every replica starts
 * and each migration runs once.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../test/testkit/database';
import { describeWith, MARIADB } from '../../test/testkit/systemParts';
import { openDatabase } from './dataSource';

class CreateItem1700000000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE item (id INT PRIMARY KEY)');
    // Long enough for the other replicas to arrive while this one migrates.
    await q.query('SELECT SLEEP(0.3)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE item');
  }
}

class AddItemName1700000000002 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE item ADD COLUMN name VARCHAR(20) NOT NULL DEFAULT ''");
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE item DROP COLUMN name');
  }
}

describeWith(MARIADB, 'openDatabase on MySQL/MariaDB with several replicas starting at once', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('replicas');
  });
  afterAll(() => database?.drop());

  it('opens the database in every replica and runs each migration once', async () => {
    const spec = { url: database.url, entities: [], migrations: [CreateItem1700000000001, AddItemName1700000000002] };
    const replicas = await Promise.allSettled([openDatabase(spec), openDatabase(spec), openDatabase(spec)]);
    expect(replicas.map((r) => (r.status === 'rejected' ? String(r.reason) : 'open'))).toEqual(['open', 'open', 'open']);
    const [first] = replicas as PromiseFulfilledResult<Awaited<ReturnType<typeof openDatabase>>>[];
    const applied = (await first.value.query('SELECT name FROM migrations ORDER BY id')) as { name: string }[];
    expect(applied.map((m) => m.name)).toEqual(['CreateItem1700000000001', 'AddItemName1700000000002']);
    for (const r of replicas as PromiseFulfilledResult<Awaited<ReturnType<typeof openDatabase>>>[]) await r.value.destroy();
  });
});
