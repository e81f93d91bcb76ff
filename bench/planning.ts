/**
 * `npm run bench:planning`: cold query planning with the query planner as
 * installed (our patches applied or not, patches/README.md), in milliseconds.
 * Plans are cached by the gateway, so this is what start-up and every new
 * operation pay: building the planner for a supergraph, then the first plan of
 * each operation on a fresh planner. Two workloads: the Guild benchmark's test
 * query on its four subgraphs, and our own supergraph (the committed SDLs of
 * config/federation.json) with every example query and dashboard operation.
 * Medians of BENCH_PLANNING_RUNS (default 25) fresh planners, in CPU time
 * (steady on a shared machine) and wall time. Compare before
 * and after a patch with `npx patch-package --reverse` / `npx patch-package`.
 */
import { composeServices } from '@apollo/composition';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import * as queryGraphs from '@apollo/query-graphs';
import { parse } from 'graphql';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CONFIG_FILE, loadFederationConfig } from '../gateway/config';
import { composeSupergraph, definitionsFromConfig } from '../gateway/supergraph/composeFromSdl';
import { exitWithUsageIfAsked } from '../lib/config/usage';
import { dashboardDocuments, exampleDocuments } from '../scripts/safelist';
import { GUILD_FEDERATION_LINK, GUILD_SUBGRAPHS, GUILD_TEST_QUERY } from './guild/subgraphs';

const USAGE = `
Usage: npm run bench:planning

Prints cold query-planning times (ms of CPU and wall time, medians of BENCH_PLANNING_RUNS fresh planners,
default 25) with the query
planner as installed: the Guild benchmark query, and our own supergraph with every example and dashboard operation.
  --help   this text`;

interface Workload {
  name: string;
  supergraphSdl: string;
  operations: string[];
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Took {
  wall: number;
  /** CPU time of this process (user + system): the steadier figure on a shared machine. */
  cpu: number;
}

function timed<T>(work: () => T): [T, Took] {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = work();
  const cpu = process.cpuUsage(cpuStart);
  return [result, { wall: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000 }];
}

function guildWorkload(): Workload {
  const composed = composeServices(GUILD_SUBGRAPHS.map(({ name, typeDefs }) => ({ name, url: `http://${name}.invalid/`, typeDefs: parse(`${GUILD_FEDERATION_LINK}\n${typeDefs}`) })));
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('; '));
  return { name: 'Guild benchmark query', supergraphSdl: composed.supergraphSdl, operations: [GUILD_TEST_QUERY] };
}

function ourWorkload(): Workload {
  const config = loadFederationConfig(DEFAULT_CONFIG_FILE);
  return {
    name: 'our supergraph, examples + dashboard',
    supergraphSdl: composeSupergraph(definitionsFromConfig(config.subgraphs)),
    operations: [...exampleDocuments(), ...dashboardDocuments()],
  };
}

/** Planner construction, and the first plan of all the workload's operations on that fresh planner. */
function measure(workload: Workload, runs: number): { build: Took; plan: Took } {
  const builds: Took[] = [];
  const plans: Took[] = [];
  for (let run = 0; run < runs; run++) {
    // A fresh Supergraph each run: nothing computed for one run is reused by the next.
    const supergraph = Supergraph.build(workload.supergraphSdl);
    const [planner, build] = timed(() => new QueryPlanner(supergraph));
    const operations = workload.operations.map((source) => operationFromDocument(supergraph.apiSchema(), parse(source)));
    const [, plan] = timed(() => operations.forEach((operation) => planner.buildQueryPlan(operation)));
    builds.push(build);
    plans.push(plan);
  }
  const medianOf = (took: Took[]): Took => ({ wall: median(took.map((t) => t.wall)), cpu: median(took.map((t) => t.cpu)) });
  return { build: medianOf(builds), plan: medianOf(plans) };
}

function main(): void {
  exitWithUsageIfAsked(process.argv.slice(2), USAGE);
  const runs = Number(process.env.BENCH_PLANNING_RUNS ?? 25);
  const patched = 'JPG_REQUIRES_ALIAS_PREFIX' in queryGraphs;
  console.log(`query planner: @apollo/query-planner 2.14.4, ${patched ? 'with our patches' : 'unpatched'}; ${runs} runs each, medians`);
  for (const workload of [guildWorkload(), ourWorkload()]) {
    measure(workload, 2); // warm the JIT: the first runs measure the compiler, not the planner
    const { build, plan } = measure(workload, runs);
    const ms = (t: Took) => `${t.cpu.toFixed(1)} ms CPU (${t.wall.toFixed(1)} ms wall)`;
    console.log(`${workload.name} (${workload.operations.length} operations): planner built in ${ms(build)}, cold plans ${ms(plan)}`);
  }
}

if (require.main === module) main();
