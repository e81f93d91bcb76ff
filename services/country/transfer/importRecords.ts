/**
 * Importing a ministry's CSV file into its own database: every row is checked
 * first (any problem stops the import and nothing is written), then the whole
 * file is written in one transaction — new records inserted, changed ones
 * updated, unchanged ones left alone (so importing the same file again
 * changes nothing and adds no audit entries) and, with `replace`, records the
 * file no longer holds deleted. Writes are batched multi-row statements; each
 * changed record gets its audit entry in the same transaction.
 */
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { In } from 'typeorm';
import { insertRows, ROWS_PER_STATEMENT, selectRowsWhere } from '../../../lib/db/bulkRows';
import { type Actor, type Change, recordChanges } from '../audit/auditTrail';
import { CsvImportError, type CsvProblem, type CsvRow } from './csvText';
import type { RecordFormat } from './recordFormats';


export interface ImportProgress {
  (phase: 'checking' | 'writing', done: number, total: number): void;
}

export interface ImportOutcome {
  rows: number;
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
  auditEntries: number;
}

/** Checks every row (and that no natural key repeats); the rows to store, or CsvImportError with every problem. */
export function checkRows<Row extends object>(format: RecordFormat<Row>, rows: readonly CsvRow[], member: string, file: string, progress?: ImportProgress): Partial<Row>[] {
  const problems: CsvProblem[] = [];
  const parsed: Partial<Row>[] = [];
  const firstLine = new Map<string, number>();
  rows.forEach(({ line, fields }, index) => {
    const { row, problems: rowProblems } = format.parse(fields, member);
    const byColumn = (p: { column: string }) => format.columns.indexOf(p.column);
    problems.push(...[...rowProblems].sort((a, b) => byColumn(a) - byColumn(b)).map((p) => ({ line, ...p })));
    if (row) {
      const key = format.keyOf(row);
      const earlier = firstLine.get(key);
      if (earlier === undefined) firstLine.set(key, line);
      else problems.push({ line, column: format.keyColumns[0], problem: `repeats line ${earlier} (same ${format.keyColumns.join(' + ')}): one row per record` });
      parsed.push(row);
    }
    if (progress && (index + 1) % 5000 === 0) progress('checking', index + 1, rows.length);
  });
  progress?.('checking', rows.length, rows.length);
  if (problems.length) throw new CsvImportError(file, problems);
  return parsed;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_STATEMENT) out.push(items.slice(start, start + ROWS_PER_STATEMENT));
  return out;
}

const sameRecord = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Writes checked rows for `member` in one transaction; see the file comment. */
export async function writeRecords<Row extends ObjectLiteral>(
  dataSource: DataSource,
  format: RecordFormat<Row>,
  rows: readonly Partial<Row>[],
  options: { member: string; actor: Actor; replace: boolean; progress?: ImportProgress },
): Promise<ImportOutcome> {
  const { member, actor, replace, progress } = options;
  return dataSource.transaction(async (manager: EntityManager) => {
    const existing = await selectRowsWhere(manager, format.entity, 'country_code', member);
    const byKey = new Map(existing.map((row) => [format.keyOf(row), row]));

    const inserts: Partial<Row>[] = [];
    const updates: { before: Row; after: Row }[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const key = format.keyOf(row);
      seen.add(key);
      const before = byKey.get(key);
      if (!before) {
        inserts.push(row);
        continue;
      }
      const after = { ...before, ...row } as Row;
      if (!sameRecord(format.view(before), format.view(after))) updates.push({ before, after });
    }
    const deletes = replace ? existing.filter((row) => !seen.has(format.keyOf(row))) : [];

    const total = inserts.length + updates.length + deletes.length;
    let done = 0;
    const step = (count: number) => progress?.('writing', (done += count), total);

    for (const batch of chunks(inserts)) {
      await insertRows(manager, format.entity, batch);
      step(batch.length);
    }
    // An update is an upsert on the natural key: one multi-row statement per batch instead of one UPDATE per row.
    for (const batch of chunks(updates)) {
      await insertRows(
        manager,
        format.entity,
        batch.map((u) => u.after),
        { onConflict: { key: format.conflictColumns, update: format.updateColumns } },
      );
      step(batch.length);
    }
    for (const batch of chunks(deletes)) {
      await manager.delete(format.entity, { countryCode: member, [format.idProperty]: In(batch.map((row) => row[format.idProperty])) } as never);
      step(batch.length);
    }

    // New rows' ids come from the database: read them back by natural key for their audit entries.
    const insertedRows = inserts.length ? await insertedByKey(manager, format, member, new Set(inserts.map((row) => format.keyOf(row)))) : [];
    const changes: Change[] = [
      ...insertedRows.map((row) => ({ recordType: format.recordType, recordKey: String(row[format.idProperty]), before: null, after: format.view(row) })),
      ...updates.map(({ before, after }) => ({ recordType: format.recordType, recordKey: String(before[format.idProperty]), before: format.view(before), after: format.view(after) })),
      ...deletes.map((row) => ({ recordType: format.recordType, recordKey: String(row[format.idProperty]), before: format.view(row), after: null })),
    ];
    const auditEntries = await recordChanges(manager, member, actor, 'import', changes);
    return { rows: rows.length, inserted: inserts.length, updated: updates.length, deleted: deletes.length, unchanged: rows.length - inserts.length - updates.length, auditEntries };
  });
}

async function insertedByKey<Row extends ObjectLiteral>(manager: EntityManager, format: RecordFormat<Row>, member: string, keys: Set<string>): Promise<Row[]> {
  const all = await selectRowsWhere(manager, format.entity, 'country_code', member);
  return all.filter((row) => keys.has(format.keyOf(row)));
}
