/**
 * CSV import and export against a real member database (MariaDB with
 * TEST_DATABASE_URL, else SQLite): a bad row stops the whole file, a re-import
 * changes nothing, export → import round-trips, --replace deletes what the
 * file no longer holds, and every change is in the audit trail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../test/testkit/database';
import { AuditEntry, Holding } from '../entities';
import { openCountryDatabase } from '../database';
import { seedDemoData } from '../seeds';
import { ITEM } from '../../../lib/reference/items';
import { CsvImportError } from '../transfer/csvText';
import { exportCsv, importCsvFile } from '../transfer/memberFiles';
import { RECORD_KINDS, RecordKind } from '../transfer/recordFormats';
import { snapshotDatabase } from './memberServer';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-csv-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let fileCount = 0;
function csvFile(text: string): string {
  const file = path.join(folder, `file-${++fileCount}.csv`);
  fs.writeFileSync(file, text);
  return file;
}

async function withDatabase<T>(url: string, use: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await openCountryDatabase(url);
  try {
    return await use(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

const snapshot = (url: string) => withDatabase(url, (dataSource) => snapshotDatabase(dataSource));
const importing = (url: string, kind: RecordKind, file: string, replace = false) =>
  importCsvFile({ member: 'XK', databaseUrl: url, kind, file, replace, operator: 'jane.operator' });

const HOLDINGS = [
  'nsn,unit,status,quantity,natoStandard',
  `${ITEM.M4A1},KSF Guards Company,OPERATIONAL,120,true`,
  `${ITEM.M4A1},KSF Guards Company,RESERVE,30,true`,
  `${ITEM.HMMWV},"KSF Motor Pool, North",MAINTENANCE,4,false`,
].join('\n');

describe('CSV import and export of a member database', () => {
  let seeded: TestDatabase;
  let empty: TestDatabase;
  beforeAll(async () => {
    seeded = await createTestDatabase('country_csv_seeded');
    empty = await createTestDatabase('country_csv_empty');
    await withDatabase(seeded.url, (dataSource) => seedDemoData(dataSource, 'XK', { reset: false }));
  });
  afterAll(async () => {
    await seeded?.drop();
    await empty?.drop();
  });

  it('refuses a file with a bad row in the middle: nothing written, the error names line, column and problem', async () => {
    const before = await snapshot(seeded.url);
    const lines = HOLDINGS.split('\n');
    const file = csvFile([...lines.slice(0, 2), `${ITEM.M4A1},KSF Guards Company,MAINTENANCE,-3,true`, ...lines.slice(2), `1234-56-789-0123,KSF Scouts,OPERATIONAL,2,maybe`].join('\n'));
    const failure = await importing(seeded.url, 'holdings', file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CsvImportError);
    expect((failure as CsvImportError).problems).toEqual([
      { line: 3, column: 'quantity', problem: 'must be a positive whole number' },
      { line: 6, column: 'nsn', problem: '"1234-56-789-0123" is not in the shared catalogue' },
      { line: 6, column: 'natoStandard', problem: 'must be true or false, got "maybe"' },
    ]);
    expect((failure as Error).message).toContain('line 3, column "quantity": must be a positive whole number');
    expect((failure as Error).message).toContain('nothing was imported');
    expect(await snapshot(seeded.url)).toEqual(before);
  });

  it('refuses a file whose header lacks a column or names an unknown one, and a key repeated within the file', async () => {
    const header = await importing(seeded.url, 'holdings', csvFile('nsn,unit,qty\n')).catch((e: CsvImportError) => e.problems);
    expect(header).toEqual([
      { line: 1, column: 'qty', problem: 'is not a column of this file (columns: nsn, unit, status, quantity, natoStandard)' },
      { line: 1, column: 'status', problem: 'is missing from the header' },
      { line: 1, column: 'quantity', problem: 'is missing from the header' },
    ]);
    const repeated = await importing(seeded.url, 'budgets', csvFile('year,currency,defenceTotal,procurement\n2040,EUR,10.00,1.00\n2040,EUR,11.00,1.00\n')).catch(
      (e: CsvImportError) => e.problems,
    );
    expect(repeated).toEqual([{ line: 3, column: 'year', problem: 'repeats line 2 (same year): one row per record' }]);
    const critical = await importing(seeded.url, 'requirements', csvFile(`reference,nsn,quantity,priority,neededBy,status\nR-1,${ITEM.PVS_31},3,CRITICAL,2027-02-30,DRAFT\n`)).catch(
      (e: CsvImportError) => e.problems,
    );
    expect(critical).toEqual([
      { line: 2, column: 'neededBy', problem: 'must be a date like 2027-06-30, got "2027-02-30"' },
      { line: 2, column: 'justification', problem: 'is required for a CRITICAL requirement' },
    ]);
  });

  it('imports a good file in one go, each new record audited as the operator; importing it again changes nothing, audit included', async () => {
    const file = csvFile(HOLDINGS);
    expect(await importing(empty.url, 'holdings', file)).toEqual({ rows: 3, inserted: 3, updated: 0, deleted: 0, unchanged: 0, auditEntries: 3 });
    const entries = await withDatabase(empty.url, (dataSource) => dataSource.getRepository(AuditEntry).find({ order: { id: 'ASC' } }));
    expect(entries.map((e) => [e.subject, e.role, e.action, e.recordType, e.before])).toEqual(Array(3).fill(['jane.operator', 'operator', 'import', 'Holding', null]));
    expect(JSON.parse(entries[2].after!)).toMatchObject({ unit: 'KSF Motor Pool, North', natoStandard: false, quantity: 4 });

    const before = await snapshot(empty.url);
    expect(await importing(empty.url, 'holdings', file)).toEqual({ rows: 3, inserted: 0, updated: 0, deleted: 0, unchanged: 3, auditEntries: 0 });
    expect(await snapshot(empty.url)).toEqual(before);
  });

  it('updates a changed record in place (by its natural key) with before and after in the audit trail', async () => {
    const file = csvFile(HOLDINGS.replace('RESERVE,30', 'RESERVE,25'));
    expect(await importing(empty.url, 'holdings', file)).toMatchObject({ inserted: 0, updated: 1, unchanged: 2, auditEntries: 1 });
    const [last] = await withDatabase(empty.url, (dataSource) => dataSource.getRepository(AuditEntry).find({ order: { id: 'DESC' }, take: 1 }));
    expect([JSON.parse(last.before!).quantity, JSON.parse(last.after!).quantity]).toEqual([30, 25]);
  });

  it('with --replace, also deletes what the file no longer holds (audited); without it, keeps it', async () => {
    const shorter = csvFile(HOLDINGS.split('\n').slice(0, 3).join('\n'));
    expect(await importing(empty.url, 'holdings', shorter)).toMatchObject({ deleted: 0, unchanged: 1, updated: 1 });
    expect(await importing(empty.url, 'holdings', shorter, true)).toMatchObject({ deleted: 1, unchanged: 2, auditEntries: 1 });
    const units = await withDatabase(empty.url, (dataSource) => dataSource.getRepository(Holding).find({ order: { id: 'ASC' } }));
    expect(units.map((h) => [h.unit, h.status, h.quantity])).toEqual([
      ['KSF Guards Company', 'OPERATIONAL', 120],
      ['KSF Guards Company', 'RESERVE', 30],
    ]);
    const [last] = await withDatabase(empty.url, (dataSource) => dataSource.getRepository(AuditEntry).find({ order: { id: 'DESC' }, take: 1 }));
    expect(last).toMatchObject({ action: 'import', after: null });
  });

  it.each(RECORD_KINDS)('round-trips %s: export, import into another database, export again: equal', async (kind) => {
    const exported = await exportCsv({ member: 'XK', databaseUrl: seeded.url, kind });
    expect(exported.rows).toBeGreaterThan(0);
    const target = await createTestDatabase(`country_csv_${kind}`);
    try {
      expect(await importCsvFile({ member: 'XK', databaseUrl: target.url, kind, file: csvFile(exported.csv), replace: true, operator: 'round.trip' })).toMatchObject({
        inserted: exported.rows,
      });
      expect((await exportCsv({ member: 'XK', databaseUrl: target.url, kind })).csv).toBe(exported.csv);
      // …and importing the export into the database it came from changes nothing.
      const before = await snapshot(seeded.url);
      expect(await importCsvFile({ member: 'XK', databaseUrl: seeded.url, kind, file: csvFile(exported.csv), replace: true, operator: 'round.trip' })).toMatchObject({
        unchanged: exported.rows,
        auditEntries: 0,
      });
      expect(await snapshot(seeded.url)).toEqual(before);
    } finally {
      await target.drop();
    }
  });

  it("refuses another member's database, writing nothing", async () => {
    const before = await snapshot(seeded.url);
    await expect(importCsvFile({ member: 'AL', databaseUrl: seeded.url, kind: 'holdings', file: csvFile(HOLDINGS), replace: false, operator: 'x' })).rejects.toThrow(
      /holds records of member XK; refusing/,
    );
    expect(await snapshot(seeded.url)).toEqual(before);
  });
});
