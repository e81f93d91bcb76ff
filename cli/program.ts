/**
 * The `jpg` program: the command groups of ./commands under one binary, with
 * the exit-code rules of ./output. `run` never calls process.exit, so tests
 * (and the bin) decide what to do with the code.
 */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands';
import { CheckFailed, ExitCode, UsageError } from './output';

export function createProgram(): Command {
  const program = new Command('jpg')
    .description('Joint Procurement Graph ministry tooling: join members, check subgraphs, load and export data')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\nExit codes: 0 ok, 1 check failed (e.g. a breaking change), 2 usage error.\nRun through npm: npm run -s jpg -- <command> [options]')
    .exitOverride();
  for (const command of COMMANDS) program.addCommand(command());
  // addCommand does not pass settings down: every level gets exitOverride (a usage error reaches run() as an
  // exception, not an exit) and the help hint.
  const inherit = (parent: Command) =>
    parent.commands.forEach((sub) => {
      sub.copyInheritedSettings(parent);
      inherit(sub);
    });
  inherit(program);
  return program;
}

/** Runs `jpg` with these arguments (without node and script) and returns the exit code. */
export async function run(args: readonly string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync([...args], { from: 'user' });
    // Commands report failure by throwing, never through process.exitCode: that is the whole process's (a
    // test runner's worker's too), and an earlier failure elsewhere must not turn this run into a failure.
    return ExitCode.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the message. Asked-for help is an answer (its exitCode 0); help shown
      // because a command was missing, an unknown option, a bad value: usage errors.
      return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`jpg: ${error.message}\n`);
      return ExitCode.USAGE;
    }
    if (error instanceof CheckFailed && error.reported) return ExitCode.CHECK_FAILED;
    // A failed check, or anything that stopped the command (a service not answering, a database refusing): 1.
    process.stderr.write(`jpg: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.CHECK_FAILED;
  }
}
