/**
 * Serves the benchmark's four subgraphs in their own process (so they do not
 * share a core's event loop with the gateway under test) and writes the
 * composed supergraph to the file given. Over IPC it answers "counts" with the
 * requests and connections the subgraphs received so far.
 * Usage: node dist/bench/targets/guildSubgraphs.js <supergraph-out.graphql>
 */
import 'reflect-metadata';
import fs from 'node:fs';
import { startGuildSubgraphs } from '../guild/serve';

async function main(): Promise<void> {
  const [out] = process.argv.slice(2);
  const subgraphs = await startGuildSubgraphs();
  fs.writeFileSync(out, subgraphs.supergraphSdl);
  process.on('message', (message) => {
    if (message === 'counts') process.send?.({ counts: subgraphs.counts() });
  });
  console.log(`READY ${subgraphs.urls.join(' ')}`);
  const stop = () => void subgraphs.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
