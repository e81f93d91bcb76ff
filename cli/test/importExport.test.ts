/**
 * `jpg import` and `jpg export` as a ministry runs them, on a real member
 * database (MariaDB with TEST_DATABASE_URL, else SQLite): the sample files of
 * examples/csv load, load again without a change, export back identical; a
 * bad row exits 1 naming line, column and problem with nothing written;
 * --replace; and --help does nothing but print usage.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, TestDatabase } from '../../test/testkit/database';
import { openCountryDatabase } from '../../services/country/database';
import { snapshotDatabase } from '../../services/country/test/memberServer';
import { runJpg } from './runJpg';

const EXAMPLES = path.resolve(__dirname, '../../examples/csv');
const KINDS = ['holdings', 'requirements', 'budgets'] as const;

describe('jpg import / jpg export', () => {
  let database: TestDatabase;
  let folder: string;
  beforeAll(async () => {
    database = await createTestDatabase('country_cli_csv');
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-cli-csv-'));
  });
  afterAll(async () => {
    await database?.drop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const jpg = (...args: string[]) => runJpg([...args, '--database', database.url]);
  const snapshot = async () => {
    const dataSource = await openCountryDatabase(database.url);
    try {
      return await snapshotDatabase(dataSource);
    } finally {
      await dataSource.destroy();
    }
  };

  it.each(KINDS)('imports examples/csv/%s.csv, then again without any change, and exports it back identical', async (kind) => {
    const file = path.join(EXAMPLES, `${kind}.csv`);
    const rows = fs.readFileSync(file, 'utf8').trim().split('\n').length - 1;
    const first = await jpg('import', 'XK', kind, file, '--operator', 'jane.operator', '--format', 'json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ member: 'XK', kind, inserted: rows, auditEntries: rows });

    const before = await snapshot();
    const again = await jpg('import', 'XK', kind, file, '--operator', 'jane.operator');
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toBe(`XK ${kind} from ${file}: ${rows} rows — 0 new, 0 changed, ${rows} unchanged; 0 audit entries as jane.operator\n`);
    expect(await snapshot()).toEqual(before);

    const out = path.join(folder, `${kind}.csv`);
    expect((await jpg('export', 'XK', kind, '--out', out)).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(file, 'utf8'));
    expect((await jpg('export', 'XK', kind)).stdout).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('stops at a bad row in the middle with exit 1, naming line, column and problem, and writes nothing', async () => {
    const lines = fs.readFileSync(path.join(EXAMPLES, 'budgets.csv'), 'utf8').trim().split('\n');
    const bad = path.join(folder, 'bad-budgets.csv');
    fs.writeFileSync(bad, [lines[0], '2030,EUR,1000.00,10.00', '2031,EUR,1000.00,2000.00', '2032,EUR,1000.00,10.00'].join('\n'));
    const before = await snapshot();
    const { code, stdout, stderr } = await jpg('import', 'XK', 'budgets', bad);
    expect([code, stdout]).toEqual([1, '']);
    expect(stderr).toContain('1 problem, nothing was imported');
    expect(stderr).toContain('line 3, column "procurement": must not exceed defenceTotal');
    expect(await snapshot()).toEqual(before);
  });

  it('with --replace, deletes the records the file no longer holds', async () => {
    const lines = fs.readFileSync(path.join(EXAMPLES, 'holdings.csv'), 'utf8').trim().split('\n');
    const fewer = path.join(folder, 'fewer-holdings.csv');
    fs.writeFileSync(fewer, lines.slice(0, 11).join('\n'));
    const { code, stdout } = await jpg('import', 'XK', 'holdings', fewer, '--replace', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 10, deleted: lines.length - 11 });
    const exported = await jpg('export', 'XK', 'holdings');
    expect(exported.stdout.trim().split('\n')).toEqual(lines.slice(0, 11));
  });

  it("refuses a member without a database (a mistyped code) naming <CODE>, and creates no file", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-cli-nodb-'));
    const previous = process.env.DATA_DIR;
    process.env.DATA_DIR = dataDir;
    try {
      for (const args of [
        ['export', 'XY', 'holdings'],
        ['import', 'XY', 'holdings', path.join(EXAMPLES, 'holdings.csv')],
      ]) {
        const { code, stderr } = await runJpg(args);
        expect(code).toBe(2);
        expect(stderr).toContain('<CODE> XY: no database at');
      }
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = previous;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('prints usage only for --help: no database opened, no file written', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-cli-help-'));
    const previous = process.env.DATA_DIR;
    process.env.DATA_DIR = dataDir;
    try {
      for (const args of [
        ['import', 'XK', 'holdings', path.join(EXAMPLES, 'holdings.csv'), '--help'],
        ['export', 'XK', 'holdings', '--out', path.join(dataDir, 'out.csv'), '--help'],
      ]) {
        const { code, stdout } = await runJpg(args);
        expect(code).toBe(0);
        expect(stdout).toMatch(new RegExp(`^Usage: jpg ${args[0]} `));
      }
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = previous;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
