/**
 * The child processes of `npm start`: each service in its own Node process,
 * its output prefixed with its name, awaited until its health URL answers,
 * and stopped with SIGTERM (SIGKILL if it hangs).
 */
import { ChildProcess, spawn } from 'node:child_process';
import readline from 'node:readline';

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
  private readonly exited: Promise<number | null>;

  constructor(
    readonly spec: ChildSpec,
    onUnexpectedExit: (child: Child, code: number | null, signal: NodeJS.Signals | null) => void,
  ) {
    this.process = spawn(process.execPath, [spec.script, ...(spec.args ?? [])], { env: { ...process.env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const label = `[${spec.name}]`.padEnd(14);
    for (const stream of [this.process.stdout!, this.process.stderr!]) {
      readline.createInterface({ input: stream }).on('line', (line) => console.log(`${label}${line}`));
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
      if (!this.running) throw new Error(`${this.spec.name} exited before it was up`);
      try {
        if ((await fetch(this.spec.healthUrl)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.spec.name} did not answer ${this.spec.healthUrl} within ${timeoutMs / 1000} s`);
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  async stop(graceMs = 10_000): Promise<void> {
    this.expectedExit = true;
    if (!this.running) return;
    this.process.kill('SIGTERM');
    const killer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(killer);
  }

  /** Last resort when the parent exits abruptly: no child outlives it. */
  killNow(): void {
    this.expectedExit = true;
    if (this.running) this.process.kill('SIGTERM');
  }
}
