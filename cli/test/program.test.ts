/**
 * The CLI's contract with scripts: help on every level exits 0 and does
 * nothing else; usage errors exit 2 naming the problem.
 */
import { createProgram } from '../program';
import { runJpg as capture } from './runJpg';
import type { Command } from 'commander';

function everyCommand(command: Command, path: string[] = []): string[][] {
  return command.commands.flatMap((sub) => [[...path, sub.name()], ...everyCommand(sub, [...path, sub.name()])]);
}

describe('jpg', () => {
  it('lists every command group in its help, on stdout, with exit code 0', async () => {
    const { code, stdout } = await capture(['--help']);
    expect(code).toBe(0);
    for (const [name] of everyCommand(createProgram()).filter((p) => p.length === 1)) expect(stdout).toContain(name);
  });

  it.each(everyCommand(createProgram()).map((p) => [p.join(' ')]))('"jpg %s --help" prints its usage and exits 0', async (path) => {
    const { code, stdout } = await capture([...path.split(' '), '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: jpg ${path}`));
  });

  it('exits 2 and names the problem for a bad member code', async () => {
    const { code, stderr } = await capture(['member', 'add', 'mk', '--name', 'x']);
    expect(code).toBe(2);
    expect(stderr).toContain('a member code is two capital letters');
  });

  it('exits 2 for an unknown command and for a missing one', async () => {
    expect((await capture(['bogus'])).code).toBe(2);
    expect((await capture(['member'])).code).toBe(2);
  });
});
