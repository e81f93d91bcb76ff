/**
 * `jpg export <CODE> holdings|requirements|budgets [--out file.csv]`: a
 * member's records as CSV, with the columns `jpg import` reads, so an export
 * imports back unchanged. Read from the member's own database (see import.ts).
 */
import fs from 'node:fs/promises';
import { Argument, Command } from 'commander';
import { exportCsv } from '../../services/country/transfer/memberFiles';
import { RECORD_KINDS, type RecordKind } from '../../services/country/transfer/recordFormats';
import { memberCode } from '../arguments';
import { progress } from '../output';
import { memberDatabaseOption, resolveMemberDatabase } from '../memberDatabase';

export function exportCommand(): Command {
  return new Command('export')
    .description("write a member's holdings, requirements or budgets as CSV, the columns jpg import reads")
    .argument('<CODE>', 'member code, e.g. XK', memberCode)
    .addArgument(new Argument('<kind>', 'what to export').choices(RECORD_KINDS))
    .option('--out <file>', 'write to this file instead of stdout')
    .addOption(memberDatabaseOption())
    .action(async (code: string, kind: RecordKind, options: { out?: string; database?: string }) => {
      const { csv, rows } = await exportCsv({ member: code, databaseUrl: resolveMemberDatabase(code, options.database), kind });
      if (!options.out) return void process.stdout.write(csv);
      await fs.writeFile(options.out, csv);
      progress(`${code} ${kind}: ${rows} rows written to ${options.out}`);
    });
}
