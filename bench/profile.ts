/**
 * `node dist/bench/profile.js [gateway/index.js of any build] [seconds]`: runs
 * our gateway under the federation benchmark's load (identical query, 50
 * connections, gateway alone on CPU 1) with `--cpu-prof`, and prints the top
 * self-time functions of the profile (what bench/RESULTS.md lists before and
 * after). The profile file is kept in test-output/profiles/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GUILD_TEST_QUERY } from './guild/subgraphs';
import { exitWithUsageIfAsked } from '../lib/config/usage';
import { runLoad } from './load';
import { benchNiceness, canPin, pin, startChild, stopChildrenOnSignals, waitForGraphQL, waitForOutput } from './process';

const DIST = path.resolve(__dirname, '..');
const ROOT = path.resolve(DIST, '..');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time per function (name + file:line), as a share of the samples where the process was not idle. */
export function topSelfTime(profileFile: string, top = 10): Array<{ share: number; fn: string }> {
  const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map<string, number>();
  let busy = 0;
  for (const sample of profile.samples) {
    const { functionName, url, lineNumber } = byId.get(sample)!.callFrame;
    // Shares of the time the process was working: waiting on the network is not a cost.
    if (functionName === '(idle)') continue;
    busy++;
    const where = url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/dist\//, 'dist/').replace(ROOT + '/', '')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    hits.set(key, (hits.get(key) ?? 0) + 1);
  }
  return [...hits]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, n]) => ({ share: n / busy, fn }));
}

const USAGE = `
Usage: node dist/bench/profile.js [gateway/index.js of any build] [seconds]

Runs that gateway (default: this build's) under the federation benchmark's load for [seconds] (default 15)
with --cpu-prof, keeps the profile in test-output/profiles/ and prints the top self-time functions.
  --help   this text (runs nothing)`;

async function main(): Promise<void> {
  exitWithUsageIfAsked(process.argv.slice(2), USAGE);
  const gatewayEntry = path.resolve(process.argv[2] ?? path.join(DIST, 'gateway/index.js'));
  const seconds = Number(process.argv[3] ?? 15);
  const pinned = canPin() && os.cpus().length >= 2;
  if (pinned) pin(process.pid, '0');
  benchNiceness();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-profile-'));
  stopChildrenOnSignals(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const out = path.join(ROOT, 'test-output', 'profiles');
  fs.mkdirSync(out, { recursive: true });
  const supergraphFile = path.join(tmp, 'supergraph.graphql');
  const subgraphs = startChild(process.execPath, [path.join(DIST, 'bench/targets/guildSubgraphs.js'), supergraphFile], { cpus: pinned ? '0' : undefined, ipc: true });
  try {
    await waitForOutput(subgraphs, /READY/);
    const port = 5190;
    const gateway = startChild(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${tmp}`, gatewayEntry, '--supergraph', supergraphFile, '--port', String(port)], {
      cpus: pinned ? '1' : undefined,
      env: { LOG_LEVEL: 'warn', AUTH_ALLOW_ANONYMOUS_READ: 'true', NODE_ENV: 'development' },
      cwd: tmp,
    });
    const url = `http://127.0.0.1:${port}/graphql`;
    await waitForGraphQL(url, gateway);
    const body = JSON.stringify({ query: GUILD_TEST_QUERY });
    const load = { url, body: () => body, check: () => true, concurrency: 50, requests: Number.POSITIVE_INFINITY };
    await runLoad({ ...load, deadlineMs: 3000 });
    const result = await runLoad({ ...load, deadlineMs: seconds * 1000 });
    await gateway.stop();
    const file = fs.readdirSync(tmp).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile written:\n${gateway.output()}`);
    const kept = path.join(out, `${path.basename(path.dirname(path.dirname(gatewayEntry)))}-${Date.now()}.cpuprofile`);
    fs.copyFileSync(path.join(tmp, file), kept);
    console.log(`${result.requests} requests in ${seconds} s (${result.throughput.toFixed(1)} req/s, includes profiling overhead); profile ${path.relative(process.cwd(), kept)}`);
    console.log('top self time (share of busy time):');
    for (const { share, fn } of topSelfTime(kept)) console.log(`  ${(share * 100).toFixed(1).padStart(5)} %  ${fn}`);
  } finally {
    await subgraphs.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
