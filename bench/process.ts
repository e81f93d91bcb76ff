/**
 * Child processes for the benchmark: started (pinned to CPUs where the machine
 * allows), awaited until they answer, measured, stopped. None outlives the
 * benchmark: each runs in a process group of its own, stopped as a group; a
 * benchmark that calls stopChildrenOnSignals() stops them all on SIGTERM or
 * SIGINT before it exits; and a Node child stops by itself when the benchmark
 * is gone however it ended, SIGKILL included (lib/process/stopWithParent.ts,
 * preloaded with --require).
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readEnv } from '../lib/config/env';

export interface Child {
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export interface ChildOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** Run on these CPUs only (taskset), e.g. "1". */
  cpus?: string;
  /** Open an IPC channel (process.send in the child). */
  ipc?: boolean;
}

let tasksetWorks: boolean | undefined;

/** Whether `taskset` can pin here (Linux with util-linux, more than one CPU). */
export function canPin(): boolean {
  if (tasksetWorks === undefined) {
    try {
      execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
      tasksetWorks = true;
    } catch {
      tasksetWorks = false;
    }
  }
  return tasksetWorks;
}

let niceness: number | undefined;

/**
 * The niceness every benchmark process runs at (BENCH_NICE, default -10), or
 * 0 where it cannot be raised (not root). On a machine shared with other
 * work, the gateway under test then comes nearer to having its core alone;
 * every contender gets the same, so the side-by-side ratios stay fair.
 * Applied to this process's threads too (the load generator).
 */
export function benchNiceness(): number {
  if (niceness === undefined) {
    const wanted = Number(readEnv('BENCH_NICE', '-10'));
    niceness = 0;
    try {
      // Linux sets niceness per thread: each of ours, so the load generator's helpers follow.
      for (const task of fs.readdirSync('/proc/self/task')) os.setPriority(Number(task), wanted);
      niceness = wanted;
    } catch {
      // not allowed (or not Linux): every process stays at the default
    }
    if (niceness !== 0) raiseAutogroup(niceness);
  }
  return niceness;
}

/**
 * With autogroup scheduling (Linux's default for desktops and many VMs) the
 * CPU is shared first between sessions, whatever a process's own niceness:
 * this session's group gets the niceness too, and its old one back on exit.
 */
function raiseAutogroup(wanted: number): void {
  const file = '/proc/self/autogroup';
  try {
    const before = /nice\s+(-?\d+)/.exec(fs.readFileSync(file, 'utf8'))?.[1];
    fs.writeFileSync(file, String(wanted));
    if (before !== undefined) process.once('exit', () => fs.writeFileSync(file, before));
  } catch {
    // no autogroup scheduling here: the processes' own niceness is what counts
  }
}

/** Pins a running process (e.g. this one) to CPUs; false when the machine does not allow it. */
export function pin(pid: number, cpus: string): boolean {
  if (!canPin()) return false;
  execFileSync('taskset', ['-a', '-cp', cpus, String(pid)], { stdio: 'ignore' });
  return true;
}

/** Preloaded into every Node child: it stops when the benchmark is gone. */
const STOP_WITH_PARENT = path.resolve(__dirname, 'targets', 'stopWithBenchmark.js');

/** Children still running, so that a signal or the benchmark's exit stops them all. */
const running = new Set<Child>();

/** The child's whole process group (it leads one: detached), or nothing when it is gone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is gone already
  }
}

export function startChild(command: string, args: string[], options: ChildOptions = {}): Child {
  const preload = command === process.execPath ? ['--require', STOP_WITH_PARENT] : [];
  // A child inherits this process's niceness (set by benchNiceness), its threads included.
  const [file, argv] = options.cpus && canPin() ? ['taskset', ['-c', options.cpus, command, ...preload, ...args]] : [command, [...preload, ...args]];
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    // Its own process group: stopped as a whole (a gateway's workers too), and out of reach of a terminal's Ctrl-C,
    // which this process handles (stopChildrenOnSignals) by stopping each child in turn.
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr?.on('data', (d) => (output = (output + d).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const handle: Child = {
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup(child, 'SIGTERM');
        const killer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      // Whatever it left behind in its group goes with it.
      signalGroup(child, 'SIGKILL');
      running.delete(handle);
    },
  };
  running.add(handle);
  void exited.then(() => {
    if (running.has(handle)) signalGroup(child, 'SIGKILL');
    running.delete(handle);
  });
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // The last resort, however this process exits (an uncaught error, process.exit): no child group outlives it.
    process.once('exit', () => {
      for (const { process: leftover } of running) signalGroup(leftover, 'SIGKILL');
    });
  }
  return handle;
}

let exitHookInstalled = false;

/**
 * For a benchmark's main: on SIGTERM or SIGINT (Ctrl-C), every child still
 * running is stopped (SIGTERM to its group, SIGKILL after 5 s), `cleanup`
 * runs, and the process exits with 128 + the signal's number.
 */
export function stopChildrenOnSignals(cleanup: () => void = () => undefined): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping the benchmark's ${running.size} running process(es)`);
    void Promise.all([...running].map((child) => child.stop())).finally(() => {
      cleanup();
      process.exit(128 + os.constants.signals[signal]);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** Resolves when `pattern` appears in the child's output; fails if it exits first or time runs out. */
export async function waitForOutput(child: Child, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = child.output().match(pattern);
    if (match) return match;
    if (child.process.exitCode !== null) throw new Error(`process exited (${child.process.exitCode}):\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${pattern}:\n${child.output()}`);
}

/** Resolves when a GraphQL endpoint answers `{ __typename }`. */
export async function waitForGraphQL(url: string, child: Child, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`process exited (${child.process.exitCode}):\n${child.output()}`);
    try {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${url}:\n${child.output()}`);
}

/** A process and its descendants (a CLI may run the server in a child: taskset, a worker). */
function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    try {
      for (const task of fs.readdirSync(`/proc/${all[i]}/task`)) {
        const children = fs.readFileSync(`/proc/${all[i]}/task/${task}/children`, 'utf8').trim();
        if (children) all.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // gone
    }
  }
  return all;
}

/** CPU seconds (user + system) used so far by a process tree (Linux /proc). */
export function cpuSecondsOf(pid: number): number {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / ticks;
    } catch {
      // gone
    }
  }
  return total;
}

/** Peak resident memory of the largest process in a tree, in MiB (Linux /proc). */
export function peakRssMiBOf(pid: number): number {
  let peak = 0;
  for (const p of processTree(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      peak = Math.max(peak, Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024);
    } catch {
      // gone
    }
  }
  return peak;
}
