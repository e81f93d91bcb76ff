/**
 * How every npm script runs a built entry point:
 *
 *   node scripts/npmScript.cjs [--web] <entry in dist/> [its arguments…]
 *
 *  1. compiles first (`tsc -b tsconfig.build.json`: nothing to do, about 1 s, when dist/ is current);
 *     with --web the web apps too (`npm run build:web`) — but never for --help: usage is printed and
 *     nothing else runs, no server, no file;
 *  2. runs the entry in this same process, as its main module (`require.main === module` there), with
 *     only its own arguments in process.argv;
 *  3. stops it (SIGTERM, its own graceful stop) when npm is gone: npm exits on SIGTERM without passing
 *     it on to its script, which would otherwise run on, holding its ports (lib/process/stopWithParent.ts).
 *
 * Plain JavaScript, because it runs before anything is compiled. package.json runs it with `exec`, so
 * npm's child is this process itself, not a shell waiting for it.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const Module = require('node:module');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const web = args[0] === '--web';
if (web) args.shift();
const [entry, ...entryArgs] = args;
if (!entry) {
  process.stderr.write('Usage: node scripts/npmScript.cjs [--web] <entry in dist/> [arguments…]\n');
  process.exit(2);
}
const help = entryArgs.includes('--help') || entryArgs.includes('-h');

function step(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-b', path.join(ROOT, 'tsconfig.build.json')]);
if (web && !help) step(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build:web']);

require(path.join(ROOT, 'dist', 'lib', 'process', 'stopWithParent.js')).stopWithParent();
process.argv = [process.argv[0], path.resolve(ROOT, entry), ...entryArgs];
Module.runMain();
