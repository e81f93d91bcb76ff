/**
 * The three gateways of the federation benchmark, each started in its own
 * process on the supergraph file: plain @apollo/gateway + @apollo/server
 * (the baseline, untuned), ours (`--supergraph`, security on: it signs every
 * subgraph request), and Hive Gateway with its defaults plus `--jit`, as in
 * the Guild's published benchmark (its outbound deduplication is on by
 * default; it has no inbound client-request deduplication by default).
 */
import path from 'node:path';
import { readEnv } from '../../lib/config/env';
import { Child, startChild } from '../process';

export interface Contender {
  key: 'apollo' | 'ours' | 'hive';
  name: string;
  start(supergraphFile: string, port: number, cpus?: string): { child: Child; url: string };
}

const DIST = path.resolve(__dirname, '..', '..');

/** Node flags for our gateway process (e.g. BENCH_OURS_NODE_FLAGS="--max-semi-space-size=32"). */
const OURS_NODE_FLAGS = (readEnv('BENCH_OURS_NODE_FLAGS') ?? '').split(' ').filter(Boolean);

function hiveBin(): string {
  const manifest = require.resolve('@graphql-hive/gateway/package.json');
  const { bin } = require(manifest) as { bin: string | Record<string, string> };
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin['hive-gateway']);
}

export const CONTENDERS: Contender[] = [
  {
    key: 'apollo',
    name: '@apollo/gateway 2.14 (baseline)',
    start: (file, port, cpus) => ({
      child: startChild(process.execPath, [path.join(DIST, 'bench/targets/apolloGateway.js'), file, String(port)], { cpus }),
      url: `http://127.0.0.1:${port}/`,
    }),
  },
  {
    key: 'ours',
    name: 'our gateway',
    start: (file, port, cpus) => ({
      // Started outside the repo, with no federation config: a plain federation gateway over the file.
      child: startChild(process.execPath, [...OURS_NODE_FLAGS, path.join(DIST, 'gateway/index.js'), '--supergraph', file, '--port', String(port)], {
        cpus,
        // The baseline has no authentication; ours serves anonymous reads here so both do the same work
        // The cost analysis runs as always, but the anonymous budget is lifted: the varied variant's `$first`
        // never repeats and grows past 5000 in one benchmark, and `topProducts(first:)` is a slicing argument,
        // so its estimate grows with it (first: 70 already exceeds the default 5000).
        env: { LOG_LEVEL: 'warn', AUTH_ALLOW_ANONYMOUS_READ: 'true', NODE_ENV: 'development', GRAPHQL_COST_BUDGETS: 'anonymous=1000000000' },
        cwd: path.dirname(file),
      }),
      url: `http://127.0.0.1:${port}/graphql`,
    }),
  },
  {
    key: 'hive',
    name: 'Hive Gateway 2.15 (defaults, --jit)',
    start: (file, port, cpus) => ({
      child: startChild(process.execPath, [hiveBin(), 'supergraph', file, '--port', String(port), '--host', '127.0.0.1', '--jit'], {
        cpus,
        cwd: path.dirname(file),
      }),
      url: `http://127.0.0.1:${port}/graphql`,
    }),
  },
];
