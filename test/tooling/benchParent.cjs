/**
 * A small benchmark for test/tooling/stoppingChildren.e2e.ts: started as the benchmark starts its
 * processes (dist/bench/process.js startChild, pinned where the machine allows), the Guild subgraphs
 * (with an IPC channel) and plain @apollo/gateway in front (without one); prints
 * `CHILDREN <subgraphs pid> <gateway pid> <gateway url> <subgraph urls…>` and waits to be stopped.
 * Usage: node test/tooling/benchParent.cjs <temporary folder>
 */
'use strict';
const path = require('node:path');
const DIST = path.resolve(__dirname, '..', '..', 'dist');
const { canPin, startChild, stopChildrenOnSignals, waitForOutput } = require(path.join(DIST, 'bench', 'process.js'));

async function main() {
  const supergraphFile = path.join(process.argv[2], 'supergraph.graphql');
  stopChildrenOnSignals();
  const cpus = canPin() ? '0' : undefined;
  const subgraphs = startChild(process.execPath, [path.join(DIST, 'bench/targets/guildSubgraphs.js'), supergraphFile], { cpus, ipc: true });
  const [, subgraphUrls] = await waitForOutput(subgraphs, /READY (.+)/);
  const gateway = startChild(process.execPath, [path.join(DIST, 'bench/targets/apolloGateway.js'), supergraphFile, '0'], { cpus });
  const [, gatewayUrl] = await waitForOutput(gateway, /READY (\S+)/);
  console.log(`CHILDREN ${subgraphs.process.pid} ${gateway.process.pid} ${gatewayUrl} ${subgraphUrls}`);
  setInterval(() => undefined, 60_000);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
