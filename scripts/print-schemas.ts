/**
 * Prints each subgraph's SDL (what it reports as `_service { sdl }`) into
 * schema/. The tests fail when a committed file differs from what the code
 * prints, so run this after changing a schema: `npm run schema:print`.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { SUBGRAPH_SCHEMAS } from './subgraphSchemas';

async function main(): Promise<void> {
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
