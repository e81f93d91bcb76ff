/**
 * How every `jpg` command talks: results on stdout (text, or JSON with
 * `--format json`), progress and diagnostics on stderr, and the verdict in the
 * exit code — 0 ok, 1 a check failed (or a breaking change), 2 bad usage.
 */
import { Option } from 'commander';

export const ExitCode = { OK: 0, CHECK_FAILED: 1, USAGE: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Bad input from the command line: exit 2 with the message (which names the option and the problem). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command ran and its answer is "no" (a breaking change): exit 1. `reported`: the result already says so. */
export class CheckFailed extends Error {
  override readonly name = 'CheckFailed';
  readonly reported: boolean;

  constructor(message: string, { reported = false }: { reported?: boolean } = {}) {
    super(message);
    this.reported = reported;
  }
}

export type OutputFormat = 'text' | 'json';

/** `--format text|json`, for commands whose result a script may want to read. */
export function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');
}

/** A line of progress for the person watching (stderr: never mixed into a result that is piped). */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The command's result on stdout. */
export function result(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function resultJson(value: unknown): void {
  result(JSON.stringify(value, null, 2));
}
