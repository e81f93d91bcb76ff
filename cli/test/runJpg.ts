/** Runs `jpg` in this process and captures what it printed, as a script running it would see it. */
import { run } from '../program';

export interface JpgOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runJpg(args: string[]): Promise<JpgOutcome> {
  const captured = { stdout: '', stderr: '' };
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
  // Plain reassignment rather than jest.spyOn: the build (tsconfig.build.json) compiles this file too, without jest's types.
  for (const stream of ['stdout', 'stderr'] as const) {
    process[stream].write = ((chunk: string | Uint8Array) => ((captured[stream] += String(chunk)), true)) as typeof process.stdout.write;
  }
  try {
    return { code: await run(args), ...captured };
  } finally {
    process.stdout.write = originals.stdout;
    process.stderr.write = originals.stderr;
  }
}
