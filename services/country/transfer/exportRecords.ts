/** Exporting a kind of record of the member as CSV: the import's columns, in a stable order, so an export imports back unchanged. */
import type { DataSource } from 'typeorm';
import { writeCsv } from './csvText';
import type { RecordFormat } from './recordFormats';

export async function exportRecords<Row extends object>(dataSource: DataSource, format: RecordFormat<Row>, member: string): Promise<{ csv: string; rows: number }> {
  const rows = await dataSource.getRepository(format.entity).find({ where: { countryCode: member } as never, order: { [format.idProperty]: 'ASC' } as never });
  return { csv: writeCsv(format.columns, rows.map((row) => format.toCsv(row))), rows: rows.length };
}
