/**
 * `npm start`'s supervision, with real processes: the signal it gets is
 * forwarded to every child (the gateway's wave first, waited for, then the
 * subgraphs), it waits for them all, and a child that ignores the signal is
 * killed with its whole process group once the grace period is over. The
 * children are stand-ins (test/fixtures/supervision/) that log what they get.
 */
import fs from 'node:fs';
import { createTestDatabase } from '../test/testkit/database';
import { startServiceProcess, stopServiceProcesses } from '../test/testkit/serviceProcess';

const GRACE_MS = 300;
const STOP_MARGIN_MS = 5000;

afterAll(stopServiceProcesses);

/** Running and not a zombie (an orphan's zombie may wait for a reaper). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function startSupervisor(args: string[]) {
  const supervisor = await startServiceProcess({
    name: 'supervisor',
    entry: 'test/fixtures/supervision/supervise.ts',
    args,
    env: { SHUTDOWN_GRACE_MS: String(GRACE_MS) },
    readyPattern: /supervisor: started/,
  });
  const expected = args.includes('--with-stubborn') ? 3 : 2;
  const deadline = Date.now() + 30_000;
  while ((supervisor.output().match(/ready pid=/g) ?? []).length < expected) {
    if (Date.now() > deadline) throw new Error(`the children did not start:\n${supervisor.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const pids = [...supervisor.output().matchAll(/ready pid=(\d+) helper=(\d+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
  return { supervisor, pids };
}

const lineIndex = (output: string, pattern: RegExp) => output.split('\n').findIndex((line) => pattern.test(line));

it('forwards SIGTERM to every child, the gateway first, waits for each, and kills what ignores it with its group', async () => {
  const { supervisor, pids } = await startSupervisor(['--with-stubborn']);
  expect(pids.every(alive)).toBe(true);
  const signalledAt = Date.now();
  supervisor.signal('SIGTERM');
  const exit = await supervisor.exited;
  const output = supervisor.output();

  expect(exit.code).toBe(0);
  for (const name of ['gateway', 'subgraph', 'stubborn']) expect(lineIndex(output, new RegExp(`^\\[${name}\\]\\s+got SIGTERM$`))).toBeGreaterThanOrEqual(0);
  // The gateway had stopped before any subgraph was told to.
  expect(lineIndex(output, /^\[gateway\]\s+exiting$/)).toBeLessThan(lineIndex(output, /^\[subgraph\]\s+got SIGTERM$/));
  // The supervisor waited for all of them, the stubborn one killed after the grace period plus the margin.
  expect(lineIndex(output, /^\[subgraph\]\s+exiting$/)).toBeLessThan(lineIndex(output, /^supervisor: stopped after SIGTERM$/));
  expect(exit.at - signalledAt).toBeGreaterThanOrEqual(GRACE_MS + STOP_MARGIN_MS - 100);
  expect(exit.at - signalledAt).toBeLessThan(GRACE_MS + STOP_MARGIN_MS + 5000);
  expect(output).not.toMatch(/exited unexpectedly/);
  // Every child and everything in its process group is gone, the helper that ignores signals included.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(pids.filter(alive)).toEqual([]);
});

it('forwards SIGINT as SIGINT', async () => {
  const { supervisor, pids } = await startSupervisor([]);
  supervisor.signal('SIGINT');
  const exit = await supervisor.exited;
  const output = supervisor.output();
  expect(exit.code).toBe(0);
  expect(lineIndex(output, /^\[gateway\]\s+got SIGINT$/)).toBeGreaterThanOrEqual(0);
  expect(lineIndex(output, /^\[subgraph\]\s+got SIGINT$/)).toBeGreaterThan(lineIndex(output, /^\[gateway\]\s+exiting$/));
  expect(output).toMatch(/supervisor: stopped after SIGINT/);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(pids.filter(alive)).toEqual([]);
});

it('leaves no service behind when npm start itself is killed (SIGKILL): each stops on its own', async () => {
  const database = await createTestDatabase('country_XK_orphan');
  try {
    const supervisor = await startServiceProcess({ name: 'supervisor', entry: 'test/fixtures/supervision/supervise.ts', args: ['--country', database.url], readyPattern: /supervisor: started/ });
    const deadline = Date.now() + 90_000;
    let match: RegExpMatchArray | null = null;
    while (!(match = supervisor.output().match(/\[XK\].*country subgraph of XK on http:\/\/127\.0\.0\.1:(\d+)/))) {
      if (Date.now() > deadline) throw new Error(`XK did not start:\n${supervisor.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const port = Number(match[1]);
    const pid = Number(fs.readdirSync('/proc').find((entry) => /^\d+$/.test(entry) && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('services/country/index.ts') && fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(' ')[3] === String(supervisor.pid)));
    expect(alive(pid)).toBe(true);
    supervisor.signal('SIGKILL');
    await supervisor.exited;
    const until = Date.now() + 15_000;
    while (alive(pid) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(pid)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  } finally {
    await database.drop();
  }
}, 120_000);
