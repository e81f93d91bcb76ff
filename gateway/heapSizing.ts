/**
 * V8's heap sizing for the gateway process, applied by the processes that
 * run a gateway (./index.ts: `npm run start:gateway`, the Dockerfile,
 * docker-compose, deploy/base/gateway.yaml, `npm start`, the benchmarks)
 * before the gateway starts.
 *
 * Why: the gateway's peak RSS under load is garbage, not data. After a full
 * GC it holds about 45 MB of heap, but its answers (parsed subgraph
 * responses, shaped results, the JSON sent) live for the whole client
 * request, so at 50 concurrent requests they outlive two scavenges and are
 * promoted to the old generation, where they die. V8 then lets the old
 * generation grow to up to 4× what survived the last full GC before it
 * collects again (its growing factor adapts to GC speed, and ours is fast),
 * so under load the heap reached 260 MB and RSS 330-370 MiB, more than plain
 * @apollo/gateway's 290 (which serves a third of the requests, so makes a
 * third of the garbage per second).
 *
 * `--heap-growing-percent=100` caps that factor at 2×: more frequent full
 * collections of a small heap. Measured side by side (bench/RESULTS.md,
 * "Memory"): peak RSS 317-337 → 211-224 MiB (plain @apollo/gateway 269-305)
 * for about 11 % more CPU per request (median of 10 paired runs; -13 to +17 %).
 * 50 % and less saved another 30-40 MiB for 15-40 % more CPU,
 * `--optimize-for-size` 70 MiB more for 2.4× the CPU.
 *
 * Set here rather than as a node flag in each start command so that every
 * way of starting the gateway gets it (V8 reads the flag at every GC). A
 * `--heap-growing-percent` given to node (NODE_OPTIONS or the command line)
 * wins, so it can still be tuned per deployment.
 */
import v8 from 'node:v8';

export const GATEWAY_HEAP_GROWING_PERCENT = 100;

const FLAG = '--heap-growing-percent';

/** Applies the gateway's heap sizing to this process, unless node was given the flag itself. */
export function applyGatewayHeapSizing(): void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`));
  if (!given) v8.setFlagsFromString(`${FLAG}=${GATEWAY_HEAP_GROWING_PERCENT}`);
}
