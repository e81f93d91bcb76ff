/**
 * CSV in and out (csv-parse / csv-stringify): a header row naming the
 * columns, then one record per row. Reading keeps each row's line number in
 * the file, so every problem can name where it is.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export interface CsvRow {
  /** Line of the file the row ends on (the header is line 1). */
  line: number;
  /** Field by column name (trimmed; an empty field is ""). */
  fields: Record<string, string>;
}

/** One thing wrong with the file: where (line, column) and what. */
export interface CsvProblem {
  line: number;
  column?: string;
  problem: string;
}

export function describeProblem({ line, column, problem }: CsvProblem): string {
  return `line ${line}${column ? `, column "${column}"` : ''}: ${problem}`;
}

/** A file that cannot be imported: every problem found, nothing written. */
export class CsvImportError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly CsvProblem[],
  ) {
    const shown = problems.slice(0, 20).map((p) => `  ${describeProblem(p)}`);
    const more = problems.length > shown.length ? [`  … and ${problems.length - shown.length} more`] : [];
    super([`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing was imported`, ...shown, ...more].join('\n'));
    this.name = 'CsvImportError';
  }
}

export interface CsvColumns {
  /** Every column, in the order export writes them. */
  columns: readonly string[];
  /** Columns a file may leave out (their field then counts as empty). */
  optional: readonly string[];
}

/**
 * Parses `text` and checks its header against `format`: every required column
 * present, none unknown or repeated (in any order). Throws CsvImportError.
 */
export function readCsv(text: string, format: CsvColumns, file: string): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = Number((error as unknown as { lines?: number }).lines) || 1;
      throw new CsvImportError(file, [{ line, problem: `not valid CSV (${error.message.replace(/^[A-Za-z_ ]+: /, '')})` }]);
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw new CsvImportError(file, [{ line: 1, problem: `the file is empty; its first line must name the columns: ${format.columns.join(',')}` }]);

  const problems: CsvProblem[] = [];
  const names = header.record;
  names.forEach((name, index) => {
    if (!format.columns.includes(name)) problems.push({ line: header.info.lines, column: name, problem: `is not a column of this file (columns: ${format.columns.join(', ')})` });
    else if (names.indexOf(name) !== index) problems.push({ line: header.info.lines, column: name, problem: 'appears twice in the header' });
  });
  for (const column of format.columns) {
    if (!format.optional.includes(column) && !names.includes(column)) problems.push({ line: header.info.lines, column, problem: 'is missing from the header' });
  }
  if (problems.length) throw new CsvImportError(file, problems);

  return rows.map(({ record, info }) => ({
    line: info.lines,
    fields: Object.fromEntries(format.columns.map((column) => [column, names.includes(column) ? record[names.indexOf(column)] : ''])),
  }));
}

/** The header row, then one row per record, fields in `columns` order. */
export function writeCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
  return stringify(rows as Record<string, string>[], { header: true, columns: [...columns] });
}
