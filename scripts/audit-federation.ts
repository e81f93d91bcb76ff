/**
 * `npm run audit:federation -- <audit checkout>`: The Guild's Federation
 * Gateway Audit (graphql-hive/federation-gateway-audit) run by its own CLI
 * (`test`) against our gateway in `--supergraph` mode: for each suite the audit
 * starts our run script, which fetches the suite's supergraph from the audit's
 * server and serves it with `dist/gateway/index.js --supergraph`. We read the
 * audit's own results file and print cases and suites passed and the failing
 * case ids (`<suite>_<index>`, the audit's names). Exit 0 when every case
 * passes, 1 when some fail, 2 when the audit could not run.
 *
 * The checkout is not part of this repository; install its dependencies once
 * (`npm ci --omit=dev` in it; its TypeScript runs with our tsx). Its CLI uses
 * Promise.withResolvers (Node 22); on Node 20 we preload a polyfill into its
 * processes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { exitWithUsageIfAsked } from '../lib/config/usage';
import { readArg } from '../lib/config/env';
import { parseAuditResults, summariseAudit } from './audit/results';

const DIST = path.resolve(__dirname, '..');

const USAGE = `
Usage: npm run audit:federation -- <path to a federation-gateway-audit checkout> [--port <n>] [--audit-port <n>]

Runs The Guild's Federation Gateway Audit (github.com/graphql-hive/federation-gateway-audit, its own "test"
command) against our gateway started with --supergraph for each of its suites, then prints the cases and
suites passed and the ids of the failing cases. Run "npm ci --omit=dev" in the checkout first (its development
dependencies are other vendors' gateways, not needed here).

  --port <n>        our gateway's port during the run (default: a free one)
  --audit-port <n>  the audit's subgraph server port (default: a free one)
  --help            this text
Exit code: 0 all cases pass, 1 some fail, 2 the audit could not run.`;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free port below the ephemeral range: the gateway is started anew for every suite on the same port, and a port
 * the kernel may hand to an outgoing connection in between (the gateway's own calls to the subgraphs) would be taken.
 */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  fail('no free port found between 20000 and 32000 (give --port and --audit-port)');
}

function fail(message: string): never {
  process.stderr.write(`audit:federation: ${message}\n`);
  process.exit(2);
}

/** The shell script the audit runs per suite ($1): fetch that suite's supergraph, then become our gateway. */
function runScript(auditPort: number, gatewayPort: number): string {
  const fetchSupergraph =
    'fetch(process.argv[1]).then(async (r) => { if (!r.ok) throw new Error(r.url + ": HTTP " + r.status); require("fs").writeFileSync(process.argv[2], await r.text()); })';
  return [
    '#!/bin/sh',
    'set -e',
    `node -e '${fetchSupergraph}' "http://127.0.0.1:${auditPort}/$1/supergraph" "$PWD/supergraph.graphql"`,
    `exec node "${path.join(DIST, 'gateway', 'index.js')}" --supergraph "$PWD/supergraph.graphql" --port ${gatewayPort}`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  exitWithUsageIfAsked(argv, USAGE);
  const checkoutArg = argv.find((arg, i) => !arg.startsWith('--') && !['--port', '--audit-port'].includes(argv[i - 1] ?? ''));
  if (!checkoutArg) fail('give the path of a federation-gateway-audit checkout (--help for usage)');
  const checkout = path.resolve(checkoutArg);
  if (!fs.existsSync(path.join(checkout, 'src', 'cli.ts')) || !fs.existsSync(path.join(checkout, 'src', 'test-suites'))) {
    fail(`${checkout} is not a federation-gateway-audit checkout (no src/cli.ts and src/test-suites/)`);
  }
  if (!fs.existsSync(path.join(checkout, 'node_modules', 'yargs'))) fail(`${checkout} has no dependencies installed: run "npm ci --omit=dev" in it first`);
  // graphql is the audit's peer dependency, installed with its development ones; without them we lend ours (16.x).
  const auditGraphql = path.join(checkout, 'node_modules', 'graphql');
  if (!fs.existsSync(auditGraphql)) {
    // A link left by an earlier run to a checkout of ours that is gone since is replaced.
    if (fs.lstatSync(auditGraphql, { throwIfNoEntry: false })?.isSymbolicLink()) fs.unlinkSync(auditGraphql);
    fs.symlinkSync(path.dirname(require.resolve('graphql/package.json')), auditGraphql, 'dir');
    process.stderr.write(`audit:federation: linked ${auditGraphql} to our graphql (the audit's peer dependency)\n`);
  }
  // The audit's TypeScript runs with our tsx: its own dev dependencies (other vendors' gateways) are not needed.
  const tsx = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');

  const gatewayPort = Number(readArg(argv, 'port') ?? (await freePort()));
  const auditPort = Number(readArg(argv, 'audit-port') ?? (await freePort()));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-audit-'));
  const script = path.join(work, 'run.sh');
  fs.writeFileSync(script, runScript(auditPort, gatewayPort), { mode: 0o755 });
  const resultsFile = path.join(work, 'results.txt');

  const nodeOptions = [process.env.NODE_OPTIONS ?? ''];
  if (typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers !== 'function') {
    nodeOptions.push(`--require ${path.join(__dirname, 'audit', 'promiseWithResolvers.js')}`);
  }
  const { GATEWAY_CONFIG: _noConfig, ...inherited } = process.env;
  const audit = spawn(
    process.execPath,
    [tsx, 'src/cli.ts', 'test', '--run-script', script, '--cwd', work, '--write', resultsFile, '--reporter', 'dot',
      '--graphql', `http://127.0.0.1:${gatewayPort}/graphql`, '--healthcheck', `http://127.0.0.1:${gatewayPort}/health`, '--port', String(auditPort)],
    {
      cwd: checkout,
      detached: true, // its own process group: the audit, the run scripts and our gateways stop together
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...inherited,
        NODE_OPTIONS: nodeOptions.join(' ').trim(),
        // Our gateway, as the audit meets it: no config file (plain federation), anonymous reads (the audit sends
        // no token), quiet logs. Its query limits stay at their defaults.
        AUTH_ALLOW_ANONYMOUS_READ: 'true',
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        // The audit waits 5 s for a gateway by default; ours compiles nothing, but a busy machine is slow to start node.
        GATEWAY_TIMEOUT: process.env.GATEWAY_TIMEOUT ?? '30000',
      },
    },
  );
  const stopAudit = (): void => {
    try {
      process.kill(-audit.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('SIGINT', stopAudit);
  process.once('SIGTERM', stopAudit);
  // The audit's progress (one dot per case) goes to stderr; our summary is the only thing on stdout.
  audit.stdout!.pipe(process.stderr);
  audit.stderr!.pipe(process.stderr);
  const code = await new Promise<number | null>((resolve) => audit.once('exit', resolve));
  stopAudit();

  try {
    if (!fs.existsSync(resultsFile)) fail(`the audit wrote no results (exit code ${code}); its logs: ${path.join(work, 'logs')}`);
    const summary = summariseAudit(parseAuditResults(fs.readFileSync(resultsFile, 'utf8')));
    process.stdout.write(
      [
        `Federation Gateway Audit (${checkout}), our gateway with --supergraph, ${new Date().toISOString().slice(0, 10)}`,
        `cases:  ${summary.casesPassed}/${summary.cases} passed`,
        `suites: ${summary.suitesPassed}/${summary.suites} passed`,
        `failing: ${summary.failing.length === 0 ? 'none' : summary.failing.join(', ')}`,
        '',
      ].join('\n'),
    );
    fs.rmSync(work, { recursive: true, force: true });
    process.exit(summary.failing.length === 0 ? 0 : 1);
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)} (logs kept in ${work})`);
  }
}

if (require.main === module) void main();
