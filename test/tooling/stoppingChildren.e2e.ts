/**
 * No process a benchmark or an npm script starts outlives it, however it is stopped:
 *   - SIGTERM to a benchmark (bench/process.ts stopChildrenOnSignals) stops each child's whole process group;
 *   - a benchmark killed with SIGKILL, which can stop nothing, leaves nothing: each child stops when its
 *     parent is gone (lib/process/stopWithParent.ts, preloaded into every benchmark child);
 *   - SIGTERM to `npm run start:gateway` (npm exits without passing it on) stops the gateway
 *     (scripts/npmScript.cjs), and its port is free again.
 * Each run here is bounded: whatever a failed assertion leaves is killed by process group in afterEach.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureBuild, ROOT } from '../testkit/build';
import { CONTRACT_SDL, PROCUREMENT_SDL } from '../testkit/federation';

let dir: string;
const started: ChildProcess[] = [];

beforeAll(() => ensureBuild(), 180_000);
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-stopping-'));
});
afterEach(() => {
  for (const child of started.splice(0)) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone, as it should be
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts a command in a process group of its own (so that afterEach can clean up whatever it left); its output so far. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

async function until<T>(what: string, check: () => T | undefined, output: () => string, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z '); // a zombie has ended
  } catch {
    return false;
  }
};

/** Every live process whose process group is one of `groups` (Linux /proc). */
function processesInGroups(groups: number[]): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z' && groups.includes(Number(pgrp))) found.push(Number(entry));
    } catch {
      // ended while we looked
    }
  }
  return found;
}

const refused = (url: string): Promise<boolean> =>
  new Promise((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = net.connect(Number(port), hostname);
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

async function startSmallBenchmark() {
  const bench = start(process.execPath, [path.join(ROOT, 'test', 'tooling', 'benchParent.cjs'), dir], { ...process.env, BENCH_NICE: '0' });
  const [, subgraphsPid, gatewayPid, ...urls] = await until('the benchmark children', () => /CHILDREN (\d+) (\d+) (.+)/.exec(bench.output())?.flatMap((m, i) => (i === 3 ? m.trim().split(' ') : [m])), bench.output);
  const children = [Number(subgraphsPid), Number(gatewayPid)];
  // Each child leads a process group of its own, and listens.
  expect(processesInGroups(children)).toEqual(expect.arrayContaining(children));
  for (const url of urls) expect(await refused(url)).toBe(false);
  return { bench, children, urls };
}

async function expectAllGone(children: number[], urls: string[], output: () => string): Promise<void> {
  await until('every child to end', () => (processesInGroups(children).length === 0 ? true : undefined), output, 30_000);
  for (const pid of children) expect(alive(pid)).toBe(false);
  for (const url of urls) expect([url, await refused(url)]).toEqual([url, true]);
}

it("SIGTERM to a benchmark stops every child's process group, then the benchmark exits 143", async () => {
  const { bench, children, urls } = await startSmallBenchmark();
  const exited = new Promise<number | null>((resolve) => bench.child.once('exit', (code) => resolve(code)));
  bench.child.kill('SIGTERM');
  expect(await exited).toBe(143);
  expect(bench.output()).toContain("SIGTERM: stopping the benchmark's 2 running process(es)");
  // Stopped before the benchmark exited: nothing is left even a moment later.
  expect(processesInGroups(children)).toEqual([]);
  await expectAllGone(children, urls, bench.output);
}, 120_000);

it('a benchmark killed with SIGKILL leaves no child: each stops when its parent is gone', async () => {
  const { bench, children, urls } = await startSmallBenchmark();
  bench.child.kill('SIGKILL');
  await expectAllGone(children, urls, bench.output);
}, 120_000);

it('SIGTERM to `npm run start:gateway` stops the gateway, and its port is free again', async () => {
  const ports = await Promise.all(
    [0, 1, 2].map(
      () =>
        new Promise<number>((resolve) => {
          const server = net.createServer().listen(0, '127.0.0.1', () => {
            const { port } = server.address() as net.AddressInfo;
            server.close(() => resolve(port));
          });
        }),
    ),
  );
  const configFile = path.join(dir, 'federation.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      gateway: { port: ports[0], host: '127.0.0.1' },
      subgraphs: [
        { name: 'procurement', url: `http://127.0.0.1:${ports[1]}/graphql`, sdl: PROCUREMENT_SDL },
        { name: 'country', sdl: CONTRACT_SDL, sharded: { key: ['code', 'countryCode'], argument: 'country', members: { XK: { url: `http://127.0.0.1:${ports[2]}/graphql` } } } },
      ],
    }),
  );
  const npm = start('npm', ['run', '-s', 'start:gateway'], { ...process.env, GATEWAY_CONFIG: configFile, PORT: '', NODE_ENV: '', LOG_LEVEL: 'info' });
  const url = `http://127.0.0.1:${ports[0]}/health`;
  const deadline = Date.now() + 90_000;
  while ((await refused(url)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  expect([await refused(url), npm.output()]).toEqual([false, expect.any(String)]);
  const gatewayPids = processesInGroups([npm.child.pid!]).filter((pid) => pid !== npm.child.pid);
  expect(gatewayPids.length).toBeGreaterThan(0);
  npm.child.kill('SIGTERM');
  await until('the gateway to end', () => (processesInGroups([npm.child.pid!]).length === 0 ? true : undefined), npm.output, 30_000);
  expect(await refused(url)).toBe(true);
}, 150_000);
