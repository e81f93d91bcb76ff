/**
 * The child processes of `npm start`: each service in its own Node process
 * and its own process group, its output prefixed with its name, awaited until
 * its health URL answers. The `Supervisor` starts them in waves (the
 * subgraphs, then the gateway) and, on SIGTERM or SIGINT, forwards that
 * signal to each child's group, last wave first (the gateway drains while the
 * subgraphs still answer it), waiting for each; a group still there after
 * SHUTDOWN_GRACE_MS + 5 s gets SIGKILL.
 *
 * Own process groups: Ctrl-C in a terminal signals the whole foreground
 * group; with the children in it, every service would stop at once, the
 * subgraphs under the gateway's requests in flight.
 */
import { ChildProcess, spawn } from 'node:child_process';
import readline from 'node:readline';
import { readShutdownGraceMs } from '../lib/http/gracefulShutdown';
import { STOP_MARGIN_MS } from '../lib/process/stopOnSignals';

export interface ChildSpec {
  /** Shown before each output line, e.g. "XK" or "gateway". */
  name: string;
  /** The script to run with this Node, and its arguments. */
  script: string;
  args?: string[];
  env: Record<string, string>;
  /** Answers 200 once the service is up. */
  healthUrl: string;
}

export class Child {
  readonly process: ChildProcess;
  private expectedExit = false;
  /** Its last lines of output: why it failed, shown instead of a bare "did not start". */
  private readonly lastLines: string[] = [];
  private readonly exited: Promise<number | null>;

  constructor(
    readonly spec: ChildSpec,
    onUnexpectedExit: (child: Child, code: number | null, signal: NodeJS.Signals | null) => void,
  ) {
    this.process = spawn(process.execPath, [spec.script, ...(spec.args ?? [])], {
      env: { ...process.env, ...spec.env },
      // The IPC channel closes when this process ends, however it ends: the child then stops (lib/process/stopOnSignals.ts).
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
    });
    const label = `[${spec.name}]`.padEnd(14);
    for (const stream of [this.process.stdout!, this.process.stderr!]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        console.log(`${label}${line}`);
        this.lastLines.push(line);
        if (this.lastLines.length > 5) this.lastLines.shift();
      });
    }
    this.exited = new Promise((resolve) =>
      this.process.once('exit', (code, signal) => {
        if (!this.expectedExit) onUnexpectedExit(this, code, signal);
        resolve(code);
      }),
    );
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Polls the health URL until it answers 200; fails if the process exits first or time runs out. */
  async waitUntilHealthy(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) {
        // Let the last output lines arrive: they say why.
        await new Promise((r) => setTimeout(r, 100));
        throw new Error(`${this.spec.name} exited before it was up (exit code ${this.process.exitCode ?? this.process.signalCode})${this.lastOutput()}`);
      }
      try {
        if ((await fetch(this.spec.healthUrl)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.spec.name} did not answer ${this.spec.healthUrl} within ${timeoutMs / 1000} s${this.lastOutput()}`);
  }

  private lastOutput(): string {
    return this.lastLines.length ? `; its last output:\n  ${this.lastLines.join('\n  ')}` : '';
  }

  /** `signal` (default SIGTERM) to its process group, SIGKILL after `killAfterMs`; resolves when it has exited. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', killAfterMs = readShutdownGraceMs() + STOP_MARGIN_MS): Promise<void> {
    this.expectedExit = true;
    if (!this.running) return;
    this.signalGroup(signal);
    const killer = setTimeout(() => this.signalGroup('SIGKILL'), killAfterMs);
    await this.exited;
    clearTimeout(killer);
    // Anything it left behind in its group goes with it.
    this.signalGroup('SIGKILL');
  }

  /** Last resort when the parent exits abruptly: no child outlives it. */
  killNow(): void {
    this.expectedExit = true;
    if (this.running) this.signalGroup('SIGTERM');
  }

  private signalGroup(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.process.pid!, signal);
    } catch {
      // the group is gone already
    }
  }
}

export type UnexpectedExit = (child: Child, code: number | null, signal: NodeJS.Signals | null) => void;

/** Children started in waves and stopped in reverse, each wave waited for. */
export class Supervisor {
  private readonly waves: Child[][] = [];
  private stopping: Promise<void> | undefined;

  constructor(private readonly onUnexpectedExit: UnexpectedExit) {}

  /** Starts one wave of children (they run side by side). */
  startWave(specs: ChildSpec[]): Child[] {
    const wave = specs.map((spec) => new Child(spec, (child, code, signal) => this.stopping || this.onUnexpectedExit(child, code, signal)));
    this.waves.push(wave);
    return wave;
  }

  get children(): Child[] {
    return this.waves.flat();
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Forwards `signal` to every child, the last wave first, and waits for each wave to exit. Once only. */
  stopAll(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    this.stopping ??= (async () => {
      for (const wave of [...this.waves].reverse()) await Promise.all(wave.map((child) => child.stop(signal)));
    })();
    return this.stopping;
  }

  /**
   * SIGINT and SIGTERM stop every child with that same signal, then call
   * `stopped`. A second signal (Ctrl-C reaches npm too, which passes it on)
   * waits for the same stop. If this process exits anyway, no child outlives it.
   */
  handleSignals(stopped: (signal: NodeJS.Signals) => void): void {
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.isStopping) return;
      console.log(`${signal}: stopping the federation (the gateway first, then the subgraphs)…`);
      void this.stopAll(signal).then(() => stopped(signal));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('exit', () => this.children.forEach((c) => c.killNow()));
  }
}
