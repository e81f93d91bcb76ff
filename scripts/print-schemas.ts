/**
 * Prints each subgraph's SDL (what it reports as `_service { sdl }`) into
 * schema/. The tests fail when a committed file differs from what the code
 * prints, so run this after changing a schema: `npm run schema:print`.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { exitWithUsageIfAsked } from '../lib/config/usage';
import { SUBGRAPH_SCHEMAS } from './subgraphSchemas';

const USAGE = `
Usage: npm run schema:print

Writes each subgraph's SDL (${Object.keys(SUBGRAPH_SCHEMAS).join(', ')}) to schema/<name>.graphql.
  --help   this text`;

async function main(): Promise<void> {
  exitWithUsageIfAsked(process.argv.slice(2), USAGE);
  for (const [name, print] of Object.entries(SUBGRAPH_SCHEMAS)) {
    const target = path.resolve(process.cwd(), 'schema', `${name}.graphql`);
    fs.writeFileSync(target, await print());
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
