/** Runs `jpg` in this process and captures what it printed, as a script running it would see it. */
import { run } from '../program';

export interface JpgOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runJpg(args: string[]): Promise<JpgOutcome> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await run(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
