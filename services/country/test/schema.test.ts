import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { SUBGRAPH_SCHEMAS } from '../../../scripts/subgraphSchemas';

const COMMITTED = path.resolve(__dirname, '../../../schema/country.graphql');

describe('the country contract (schema/country.graphql)', () => {
  it('is exactly what the code prints (run `npm run schema:print` after changing the schema)', async () => {
    const printed = await SUBGRAPH_SCHEMAS.country();
    expect(fs.readFileSync(COMMITTED, 'utf8')).toBe(printed);
  });

  it('takes the member as `country: ID!` first on every root field, so the gateway can route each one', async () => {
    // Directives and @link are not needed to read argument lists; strip the federation header.
    const sdl = (await SUBGRAPH_SCHEMAS.country()).replace(/^extend schema[\s\S]*?\]\)\n/, '');
    const schema = buildSchema(sdl, { assumeValidSDL: true });
    const rootFields = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) => Object.values(type.getFields()));
    expect(rootFields.length).toBeGreaterThanOrEqual(12);
    for (const field of rootFields) {
      expect([field.name, field.args[0]?.name, String(field.args[0]?.type)]).toEqual([field.name, 'country', 'ID!']);
    }
  });

  it('keys every owned entity by the member code and only references CatalogItem', async () => {
    const printed = await SUBGRAPH_SCHEMAS.country();
    expect(printed).toMatch(/type Country\s+@key\(fields: "code"\)/);
    expect(printed).toMatch(/type Holding\s+@key\(fields: "countryCode id"\)/);
    expect(printed).toMatch(/type Requirement\s+@key\(fields: "countryCode id"\)/);
    expect(printed).toMatch(/type CatalogItem\s+@key\(fields: "nsn", resolvable: false\)\s*\{\s*"""[^"]*"""\s*nsn: ID!\s*\}/);
  });
});
