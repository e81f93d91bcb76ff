/**
 * A service of the federation in a real child process, for what only a real
 * process shows: a stalled member (SIGSTOP), shutdown on SIGTERM, signal
 * forwarding. The TypeScript sources run directly (./registerTypeScript.js).
 * Each child is the leader of its own process group, and every group started
 * here is killed by `stop()` (or `stopServiceProcesses()` in afterAll): no
 * orphan keeps a port.
 *
 *   const xk = await startServiceProcess({ name: 'XK', entry: 'services/country/index.ts', args: ['--member', 'XK'], env: { PORT: '0', DATABASE_URL } });
 *   xk.signal('SIGSTOP'); … xk.signal('SIGCONT');
 *   xk.signal('SIGTERM'); const { code } = await xk.exited;
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const REGISTER = path.join(__dirname, 'registerTypeScript.js');

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Date.now() when it exited. */
  at: number;
}

export interface ServiceProcess {
  name: string;
  pid: number;
  /** http://127.0.0.1:<port> as the service printed it. */
  origin: string;
  /** origin + /graphql */
  url: string;
  port: number;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Sends a signal to the process itself. */
  signal(signal: NodeJS.Signals): void;
  readonly exited: Promise<ProcessExit>;
  /** Stops its whole process group: SIGCONT + SIGTERM, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<ProcessExit>;
}

export interface ServiceProcessOptions {
  /** For messages. */
  name: string;
  /** The entry point, relative to the repository root, e.g. "services/country/index.ts". */
  entry: string;
  args?: string[];
  env?: Record<string, string>;
  /** Says the process is up; its first group, if any, is the service's origin. Default: "… on http://host:port/graphql". */
  readyPattern?: RegExp;
  timeoutMs?: number;
}

const started = new Set<ChildProcess>();

export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['-r', REGISTER, path.join(ROOT, options.entry), ...(options.args ?? [])], {
    cwd: ROOT,
    // The line naming the address is logged at info (the test run itself logs at warn).
    env: { ...process.env, LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  started.add(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once('exit', (code, signal) => {
      started.delete(child);
      resolve({ code, signal, at: Date.now() });
    }),
  );
  const pattern = options.readyPattern ?? /on (http:\/\/[\d.]+:\d+)\/graphql/;
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  let match: RegExpMatchArray | null = null;
  while (!(match = output.match(pattern))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      killGroup(child, 'SIGKILL');
      throw new Error(`${options.name} did not start (${child.exitCode ?? child.signalCode ?? 'timed out'}):\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const origin = match[1] ?? '';
  const stop = async (graceMs = 10_000): Promise<ProcessExit> => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGCONT');
      killGroup(child, 'SIGTERM');
      const killer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(killer);
      return exit;
    }
    return exited;
  };
  return {
    name: options.name,
    pid: child.pid!,
    origin,
    url: `${origin}/graphql`,
    port: origin ? Number(new URL(origin).port) : 0,
    output: () => output,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    exited,
    stop,
  };
}

/** Kills every process group started here that is still running (afterAll safety net). */
export async function stopServiceProcesses(): Promise<void> {
  const running = [...started];
  const exits = running.map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve))));
  for (const child of running) killGroup(child, 'SIGKILL');
  await Promise.all(exits);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}
