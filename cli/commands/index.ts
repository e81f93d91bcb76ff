/**
 * Every command group of `jpg`, one file each. Adding one is one line here:
 * a function that returns its commander `Command`.
 */
import type { Command } from 'commander';
import { memberCommand } from './member';
import { subgraphCommand } from './subgraph';
import { importCommand } from './import';
import { exportCommand } from './export';
import { shareCommand } from './share';

export const COMMANDS: ReadonlyArray<() => Command> = [memberCommand, subgraphCommand, importCommand, exportCommand, shareCommand];
