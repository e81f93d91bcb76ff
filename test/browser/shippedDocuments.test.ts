/**
 * Every GraphQL document we ship — the dashboard's operations, the saved
 * examples (the playground's, from examples/queries) and the playground's
 * opening query — is valid against the supergraph the gateway serves
 * (composed from the committed schema/*.graphql) and uses no deprecated field,
 * argument, input field or enum value: a deprecation names its replacement,
 * and our own clients move to it first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { GraphQLSchema, NoDeprecatedCustomRule, parse, specifiedRules, validate } from 'graphql';
import { dashboardDocuments, EXAMPLES_DIR } from '../../scripts/safelist';
import { WELCOME } from '../../web/playground/welcome';

const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schema');

/** The API schema clients see: the committed subgraph SDLs composed, as the gateway composes them at start. */
function supergraphApiSchema(): GraphQLSchema {
  const subgraphs = fs
    .readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => ({ name: file.replace(/\.graphql$/, ''), url: `http://${file}.invalid/graphql`, typeDefs: parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) }));
  const composed = composeServices(subgraphs);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  return composed.schema.toAPISchema().toGraphQLJSSchema();
}

/** Each problem as "<document>: <message>", so a failure names the file or constant to change. */
function problems(schema: GraphQLSchema, documents: [string, string][]): string[] {
  return documents.flatMap(([name, text]) => validate(schema, parse(text), [...specifiedRules, NoDeprecatedCustomRule]).map((error) => `${name}: ${error.message}`));
}

const shipped = (): [string, string][] => [
  ...dashboardDocuments().map((text, i): [string, string] => [`web/dashboard/queries.ts #${i + 1} (${/query (\w+)/.exec(text)?.[1] ?? 'anonymous'})`, text]),
  ...fs
    .readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file): [string, string] => [`examples/queries/${file}`, fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')]),
  ['web/playground/welcome.ts', WELCOME],
];

describe('the documents we ship against the supergraph', () => {
  const schema = supergraphApiSchema();

  it('the check finds deprecated fields and an unknown one (it can fail)', () => {
    const found = problems(schema, [['old', '{ jointOrders { caseReference } members { code natoStatus } }'], ['typo', '{ jointOrders { referenze } }']]);
    expect(found).toEqual([
      expect.stringMatching(/^old: The field JointOrder\.caseReference is deprecated\. In FMS each purchaser signs its own case/),
      expect.stringMatching(/^old: The field Country\.natoStatus is deprecated/),
      expect.stringMatching(/^typo: Cannot query field "referenze"/),
    ]);
  });

  it('covers the dashboard, every saved example and the playground', () => {
    const names = shipped().map(([name]) => name);
    expect(names.filter((n) => n.startsWith('web/dashboard/')).length).toBeGreaterThanOrEqual(4);
    expect(names.filter((n) => n.startsWith('examples/')).length).toBe(fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.graphql')).length);
  });

  it('each is valid and uses nothing deprecated', () => {
    expect(problems(schema, shipped())).toEqual([]);
  });
});
