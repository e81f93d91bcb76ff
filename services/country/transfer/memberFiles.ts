/**
 * `jpg import` / `jpg export` against one member's own database: the file is
 * checked completely before the database is even opened; the database is the
 * member's (refused if it holds another member's records, as the service
 * refuses it), migrated like the service does, and closed afterwards.
 */
import fs from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { OPERATOR_ROLE } from '../audit/auditTrail';
import { assertDatabaseOfMember, openCountryDatabase } from '../database';
import { Requirement } from '../entities';
import { assertMemberCode } from '../member';
import { readCsv } from './csvText';
import { exportRecords } from './exportRecords';
import { checkRows, type ImportOutcome, type ImportProgress, writeRecords } from './importRecords';
import { RECORD_FORMATS, type RecordKind } from './recordFormats';

export interface MemberDatabase {
  member: string;
  /** The member's DATABASE_URL (mysql://… or sqlite:…). */
  databaseUrl: string;
}

async function withMemberDatabase<T>({ member, databaseUrl }: MemberDatabase, use: (dataSource: DataSource) => Promise<T>): Promise<T> {
  assertMemberCode(member);
  const dataSource = await openCountryDatabase(databaseUrl);
  try {
    await assertDatabaseOfMember(dataSource, member, databaseUrl);
    return await use(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export interface ImportFileOptions extends MemberDatabase {
  kind: RecordKind;
  file: string;
  /** Also delete the member's records of this kind that the file does not hold. */
  replace: boolean;
  /** Who runs the import, for the audit trail (role "operator"). */
  operator: string;
  progress?: ImportProgress;
}

export async function importCsvFile(options: ImportFileOptions): Promise<ImportOutcome> {
  const format = RECORD_FORMATS[options.kind];
  const rows = readCsv(await fs.readFile(options.file, 'utf8'), format, options.file);
  const checked = checkRows(format, rows, options.member, options.file, options.progress);
  return withMemberDatabase(options, (dataSource) =>
    writeRecords(dataSource, format, checked, {
      member: options.member,
      actor: { subject: options.operator, role: OPERATOR_ROLE },
      replace: options.replace,
      progress: options.progress,
    }),
  );
}

export async function exportCsv(options: MemberDatabase & { kind: RecordKind }): Promise<{ csv: string; rows: number }> {
  return withMemberDatabase(options, (dataSource) => exportRecords(dataSource, RECORD_FORMATS[options.kind], options.member));
}

/** What procurement keeps of a requirement (shareRequirements' SharedRequirementInput), as the member's database holds it. */
export interface RequirementToShare {
  id: string;
  reference: string;
  nsn: string;
  quantity: number;
  neededBy: string;
  status: string;
}

/** The member's requirements for `jpg share`, by reference; all of them without `references`. */
export async function requirementsToShare(options: MemberDatabase & { references?: readonly string[] }): Promise<RequirementToShare[]> {
  return withMemberDatabase(options, async (dataSource) => {
    const rows = await dataSource.getRepository(Requirement).find({ where: { countryCode: options.member }, order: { reference: 'ASC' } });
    const wanted = options.references ? new Set(options.references) : null;
    return rows
      .filter((r) => !wanted || wanted.has(r.reference))
      .map((r) => ({ id: String(r.id), reference: r.reference, nsn: r.nsn, quantity: r.quantity, neededBy: r.neededBy, status: r.status }));
  });
}
