import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSchema, GraphQLObjectType, parse } from 'graphql';
import { SUBGRAPH_SCHEMAS } from '../../../scripts/subgraphSchemas';

const SCHEMA_DIR = path.resolve(__dirname, '../../../schema');
const committed = (name: string) => fs.readFileSync(path.join(SCHEMA_DIR, `${name}.graphql`), 'utf8');

/** Directives and @link are not needed to read fields and arguments; strip the federation header. */
function plainSchema(sdl: string) {
  return buildSchema(sdl.replace(/^extend schema[\s\S]*?\]\)\n/, ''), { assumeValidSDL: true });
}

/** Mutations that act for no member: the registry, the office's reference rates, and the catalogue. */
const REGISTRY_MUTATIONS = ['admitMember', 'inviteMember', 'recordExchangeRate', 'changePriceTiers'];

describe('the procurement schema (schema/procurement.graphql)', () => {
  it('is exactly what the code prints (run `npm run schema:print` after changing the schema)', async () => {
    expect(committed('procurement')).toBe(await SUBGRAPH_SCHEMAS.procurement());
  });

  it('composes with the country contract into one supergraph', () => {
    const result = composeServices([
      { name: 'country', url: 'http://country.invalid/graphql', typeDefs: parse(committed('country')) },
      { name: 'procurement', url: 'http://procurement.invalid/graphql', typeDefs: parse(committed('procurement')) },
    ]);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    const supergraph = result.schema!.toAPISchema().toGraphQLJSSchema();
    // Country, Requirement and CatalogItem carry fields from both subgraphs.
    expect(Object.keys((supergraph.getType('Country') as GraphQLObjectType).getFields())).toEqual(expect.arrayContaining(['ministry', 'holdings', 'name', 'allocations', 'totalSavings']));
    expect(Object.keys((supergraph.getType('Requirement') as GraphQLObjectType).getFields())).toEqual(expect.arrayContaining(['priority', 'neededBy', 'allocations']));
    expect(Object.keys((supergraph.getType('CatalogItem') as GraphQLObjectType).getFields())).toEqual(expect.arrayContaining(['nsn', 'name', 'priceTiers']));
  });

  it('routes nothing by member: a query takes `country` only as an optional filter (e.g. deliveries), never as an address', async () => {
    const schema = plainSchema(await SUBGRAPH_SCHEMAS.procurement());
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const country = field.args.find((a) => a.name === 'country');
      expect([field.name, country ? String(country.type) : 'none']).toEqual([field.name, expect.stringMatching(/^(none|ID)$/)]);
    }
  });

  it('takes the acting member as `country: ID!` first on every mutation that acts for one', async () => {
    const schema = plainSchema(await SUBGRAPH_SCHEMAS.procurement());
    const acting = Object.values(schema.getMutationType()!.getFields()).filter((f) => !REGISTRY_MUTATIONS.includes(f.name));
    expect(acting.length).toBeGreaterThanOrEqual(18);
    for (const field of acting) expect([field.name, field.args[0]?.name, String(field.args[0]?.type)]).toEqual([field.name, 'country', 'ID!']);
  });

  it('keys the shared entities as the country contract does', async () => {
    const printed = await SUBGRAPH_SCHEMAS.procurement();
    expect(printed).toMatch(/type Country\s+@key\(fields: "code"\)/);
    expect(printed).toMatch(/type Requirement\s+@key\(fields: "countryCode id"\)/);
    expect(printed).toMatch(/type CatalogItem\s+@key\(fields: "nsn"\)/);
    expect(printed).toMatch(/type JointOrder\s+@key\(fields: "id"\)/);
  });
});
