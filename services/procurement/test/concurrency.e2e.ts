/**
 * Concurrent writes lose nothing: parallel HTTP requests land (or a loser
 * gets a clear CONFLICT), and the database holds exactly what the successful
 * responses say. Proven on MariaDB (row locks, mandatory in CI),
 * and on whichever backend the suite runs.
 */
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '../../../lib/db/databaseUrl';
import { describeWith, MARIADB } from '../../../test/testkit/systemParts';
import { GraphQLResponse, startTestProcurement, TestProcurement } from './procurementTestkit';
import { addLine, createOrder, JAVELIN_SUPPLIER, NSN } from './orderSteps';

const ALLOCATE = `mutation($c: ID!, $l: ID!, $q: Int!) { allocate(country: $c, lineId: $l, quantity: $q) { id quantity } }`;
const ADD_LINE = `mutation($c: ID!, $o: ID!, $n: ID!) { addOrderLine(country: $c, orderId: $o, nsn: $n) { id } }`;

async function lockVersion(p: TestProcurement, orderId: string): Promise<number> {
  const [row] = await p.service.dataSource.query('SELECT lock_version FROM joint_order WHERE id = ?', [orderId]);
  return Number(row.lock_version);
}

/** A connection of its own to the service's database, to hold locks the way another writer would. */
async function rawConnection(p: TestProcurement): Promise<mysql.Connection> {
  const target = parseDatabaseUrl(String(process.env.TEST_DATABASE_URL));
  if (target.kind !== 'mysql') throw new Error('needs MariaDB');
  return mysql.createConnection({ host: target.host, port: target.port, user: target.user, password: target.password, database: String(p.service.dataSource.options.database) });
}

function outcome(result: GraphQLResponse): 'landed' | string {
  return result.errors ? String(result.errors[0].extensions?.code) : 'landed';
}

/** Three members allocate on two lines of one order, all six requests at the same moment. */
async function sixParallelAllocations(p: TestProcurement): Promise<void> {
  const order = await createOrder(p, { participants: ['AL', 'HR'], supplier: JAVELIN_SUPPLIER });
  const lines = [await addLine(p, order.id, NSN.javelin), await addLine(p, order.id, NSN.launchUnit)];
  const before = await lockVersion(p, order.id);
  const requests = ['XK', 'AL', 'HR'].flatMap((country, i) => lines.map((lineId, j) => ({ country, lineId, quantity: 10 * (i + 1) + j })));
  const results = await Promise.all(requests.map((r) => p.request(ALLOCATE, { c: r.country, l: r.lineId, q: r.quantity })));

  // Each claims only its own (line, member) key: none turns another away.
  expect(results.map(outcome)).toEqual(requests.map(() => 'landed'));
  const landed = requests;

  const { jointOrder } = await p.query(`query($id: ID!) { jointOrder(id: $id) { lines { id quantity allocations { country { code } quantity } } } }`, { id: order.id });
  const stored = jointOrder.lines.flatMap((l: any) => l.allocations.map((a: any) => `${l.id}:${a.country.code}:${a.quantity}`)).sort();
  expect(stored).toEqual(landed.map((r) => `${r.lineId}:${r.country}:${r.quantity}`).sort());
  // Allocations claim their own rows, never the order's terms.
  expect(await lockVersion(p, order.id)).toBe(before);
}

describe('parallel allocations on the current backend', () => {
  let p: TestProcurement;
  beforeAll(async () => {
    p = await startTestProcurement('parallel');
  });
  afterAll(async () => p?.stop());

  it('keeps every allocation that was answered as landed, and nothing else', async () => {
    await sixParallelAllocations(p);
  });
});

describeWith(MARIADB, 'concurrent writes on MariaDB', () => {
  let p: TestProcurement;
  beforeAll(async () => {
    p = await startTestProcurement('concurrency');
  });
  afterAll(async () => p?.stop());

  it('members allocating at the same moment all land', async () => {
    for (let round = 0; round < 3; round++) await sixParallelAllocations(p);
  });

  it('the same member allocating twice at once gets exactly one allocation', async () => {
    const order = await createOrder(p, { participants: ['AL'] });
    const lineId = await addLine(p, order.id, NSN.javelin);
    const results = await Promise.all([40, 60].map((q) => p.request(ALLOCATE, { c: 'AL', l: lineId, q })));
    const outcomes = results.map(outcome).sort();
    expect(outcomes[1]).toBe('landed');
    expect(['ALLOCATION_EXISTS', 'CONFLICT']).toContain(outcomes[0]);
    const rows = await p.service.dataSource.query('SELECT quantity FROM allocation WHERE line_id = ?', [lineId]);
    expect(rows).toHaveLength(1);
    const landed = results.find((r) => !r.errors)!.data.allocate;
    expect(Number(rows[0].quantity)).toBe(landed.quantity);
  });

  it('an allocation waits for a change of the order in flight and then sees its outcome', async () => {
    const order = await createOrder(p, { participants: ['AL'] });
    const lineId = await addLine(p, order.id, NSN.javelin);
    await p.query(ALLOCATE, { c: 'XK', l: lineId, q: 10 });

    // Another writer is submitting the order (it holds the order row), not yet committed.
    const other = await rawConnection(p);
    try {
      await other.query('START TRANSACTION');
      await other.query("UPDATE joint_order SET lock_version = lock_version + 1, status = 'IN_APPROVAL' WHERE id = ?", [order.id]);
      let answered = false;
      const pending = p.request(ALLOCATE, { c: 'AL', l: lineId, q: 25 }).finally(() => {
        answered = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(answered).toBe(false); // waiting for the order row
      await other.query('COMMIT');
      // It read the order after the lock was released: no longer DRAFT, so nothing is allocated.
      expect(outcome(await pending)).toBe('ORDER_NOT_DRAFT');
    } finally {
      await other.end();
    }
    expect(await p.service.dataSource.query("SELECT id FROM allocation WHERE line_id = ? AND country_code = 'AL'", [lineId])).toEqual([]);
  });

  it('a change of the order that read it before another one changed it is run again on the new state', async () => {
    const order = await createOrder(p, { participants: ['AL'] });
    const before = await lockVersion(p, order.id);

    // Another writer holds the order row, having bumped its lock_version, but has not committed yet.
    const other = await rawConnection(p);
    try {
      await other.query('START TRANSACTION');
      await other.query('UPDATE joint_order SET lock_version = lock_version + 1 WHERE id = ?', [order.id]);
      p.service.statements.reset();
      let answered = false;
      const pending = p.request(ADD_LINE, { c: 'AL', o: order.id, n: NSN.javelin }).finally(() => {
        answered = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(answered).toBe(false); // waiting for the row lock
      await other.query('COMMIT');
      const result = await pending;
      expect(outcome(result)).toBe('landed');
    } finally {
      await other.end();
    }
    // Its first claim matched no row (the version it read was gone), so it ran again and landed.
    const claims = p.service.statements.recorded.filter((sql) => /^UPDATE `joint_order` SET `lock_version`/.test(sql));
    expect(claims).toHaveLength(2);
    expect(await lockVersion(p, order.id)).toBe(before + 2);
  });
});
