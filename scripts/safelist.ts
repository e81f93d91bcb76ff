/**
 * `npm run safelist [-- --out <file>]`: writes the persisted-query manifest
 * (gateway/security/persistedQueries.ts) registering the operations our own
 * clients send — every examples/queries/*.graphql as the playground sends it,
 * and the dashboard's operations (the `*_QUERY` constants of
 * web/dashboard/queries.ts). Default output: config/persisted-queries.json.
 * Serve it with PERSISTED_QUERIES_FILE=<file>: then only these run.
 */
import { exitWithUsageIfAsked } from '../lib/config/usage';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { readArg } from '../lib/config/env';
import { buildManifest, type PersistedQueryManifest } from '../gateway/security/persistedQueries';

const ROOT = path.resolve(__dirname, '..', __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '.');
export const EXAMPLES_DIR = path.join(ROOT, 'examples', 'queries');
export const DASHBOARD_QUERIES = path.join(ROOT, 'web', 'dashboard', 'queries.ts');
export const DEFAULT_MANIFEST = path.join(ROOT, 'config', 'persisted-queries.json');

export function exampleDocuments(dir = EXAMPLES_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
}

/**
 * The dashboard's documents: each exported `const X_QUERY = `…`` of its
 * queries module, read from the source (the web app is not part of the
 * server build). A template with substitutions is refused: its text is only
 * known at run time, so it could not be registered.
 */
export function dashboardDocuments(file = DASHBOARD_QUERIES): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const documents: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.name.text.endsWith('_QUERY') || !declaration.initializer) continue;
      if (!ts.isNoSubstitutionTemplateLiteral(declaration.initializer) && !ts.isStringLiteral(declaration.initializer)) {
        throw new Error(`${file}: ${declaration.name.text} must be a plain string to be registered (no \${…} substitutions)`);
      }
      documents.push(declaration.initializer.text);
    }
  }
  if (documents.length === 0) throw new Error(`${file}: no exported *_QUERY documents found`);
  return documents;
}

export function clientManifest(): PersistedQueryManifest {
  return buildManifest([...exampleDocuments(), ...dashboardDocuments()]);
}

const USAGE = `
Usage: npm run safelist [-- --out <file>]

Writes the persisted-query manifest of our own clients (examples/queries/*.graphql and the dashboard's
*_QUERY operations) to <file> (default ${DEFAULT_MANIFEST}); serve only these with PERSISTED_QUERIES_FILE=<file>.
  --help   this text`;

function main(): void {
  exitWithUsageIfAsked(process.argv.slice(2), USAGE);
  const out = path.resolve(readArg(process.argv.slice(2), 'out') ?? DEFAULT_MANIFEST);
  const manifest = clientManifest();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${manifest.operations.length} operations registered in ${path.relative(process.cwd(), out)}: ${manifest.operations.map((o) => o.name || '(anonymous)').join(', ')}`);
  console.log(`Serve only these: PERSISTED_QUERIES_FILE=${path.relative(process.cwd(), out)} npm start`);
}

if (require.main === module) main();
