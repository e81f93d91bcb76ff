/**
 * `jpg import <CODE> holdings|requirements|budgets <file.csv> [--replace]`:
 * loads a ministry's spreadsheet into its own database. Straight to the
 * member's database (DATABASE_URL), not through the graph: one transaction of
 * batched statements is what makes 100,000 rows take seconds, and the
 * service's own code does it — its database module (migrations, the check
 * that the database is this member's), its input rules, its audit trail (the
 * operator is recorded as who). See services/country/transfer/.
 */
import os from 'node:os';
import { Argument, Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import type { ImportProgress } from '../../services/country/transfer/importRecords';
import { importCsvFile } from '../../services/country/transfer/memberFiles';
import { RECORD_KINDS, type RecordKind } from '../../services/country/transfer/recordFormats';
import { memberCode } from '../arguments';
import { formatOption, type OutputFormat, result, resultJson } from '../output';
import { memberDatabaseOption, resolveMemberDatabase } from '../memberDatabase';

/** A bar per phase on a terminal's stderr; nothing when stderr is a pipe or a file (logs stay clean). */
function progressBar(): { report: ImportProgress; stop(): void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  let bar: SingleBar | undefined;
  let phase = '';
  return {
    report: (next, done, total) => {
      if (total < 1000) return;
      if (next !== phase) {
        bar?.stop();
        phase = next;
        bar = new SingleBar({ stream: process.stderr, format: `${next.padEnd(8)} [{bar}] {percentage}% {value}/{total} rows`, hideCursor: true });
        bar.start(total, 0);
      }
      bar?.update(done);
    },
    stop: () => bar?.stop(),
  };
}

export function importCommand(): Command {
  return new Command('import')
    .description("load a member's holdings, requirements or budgets from a CSV file into its own database, all or nothing")
    .argument('<CODE>', 'member code, e.g. XK', memberCode)
    .addArgument(new Argument('<kind>', 'what the file holds').choices(RECORD_KINDS))
    .argument('<file>', 'CSV file with a header row naming the columns')
    .option('--replace', "also delete the member's records of this kind that the file does not hold", false)
    .addOption(memberDatabaseOption())
    .addOption(new Option('--operator <name>', 'who runs the import, recorded in the audit trail').env('JPG_OPERATOR').default(os.userInfo().username))
    .addOption(formatOption())
    .action(async (code: string, kind: RecordKind, file: string, options: { replace: boolean; database?: string; operator: string; format: OutputFormat }) => {
      const bar = progressBar();
      let outcome;
      try {
        outcome = await importCsvFile({ member: code, databaseUrl: resolveMemberDatabase(code, options.database), kind, file, replace: options.replace, operator: options.operator, progress: bar?.report });
      } finally {
        bar?.stop();
      }
      if (options.format === 'json') return resultJson({ member: code, kind, file, ...outcome });
      result(
        `${code} ${kind} from ${file}: ${outcome.rows} rows — ${outcome.inserted} new, ${outcome.updated} changed, ${outcome.unchanged} unchanged` +
          `${options.replace ? `, ${outcome.deleted} deleted` : ''}; ${outcome.auditEntries} audit entries as ${options.operator}`,
      );
    });
}
