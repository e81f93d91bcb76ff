#!/usr/bin/env node
/**
 * `jpg`, the ministry tooling CLI: `npm run -s jpg -- <command> [options]`,
 * or the `jpg` bin. `--help` on it and on every command prints usage and does
 * nothing else. Commands live in ./commands, one file per group.
 */
import 'reflect-metadata';
import { run } from './program';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`jpg: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
