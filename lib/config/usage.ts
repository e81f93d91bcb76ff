/**
 * `--help` for the project's scripts: asked for, it prints the script's usage
 * on stdout and ends the process before anything else runs — no server, no
 * port, no file. Call it first thing in a script's main.
 */
export function helpRequested(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

export function exitWithUsageIfAsked(argv: readonly string[], usage: string): void {
  if (!helpRequested(argv)) return;
  process.stdout.write(`${usage.trim()}\n`);
  process.exit(0);
}
