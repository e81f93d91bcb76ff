/**
 * A schema that explains itself: every type, field, argument, input field and
 * enum value of both subgraphs, and of the supergraph they compose into (what
 * the playground's docs show), has a description. Read from the printed SDLs
 * (what the services serve and schema/ commits) and the composed API schema.
 */
import { composeServices } from '@apollo/composition';
import {
  buildSchema,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  parse,
} from 'graphql';
import { SUBGRAPH_SCHEMAS } from '../../scripts/subgraphSchemas';

/** Every place in a schema that needs a description and has none (or only blanks). */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const need = (where: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(where);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) need(`${type.name}.${field.name}`, field.description);
    if (isEnumType(type)) for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
  }
  return missing;
}

/** A subgraph's printed SDL as a plain schema (the federation header and directives are not needed to read descriptions). */
function plainSchema(sdl: string): GraphQLSchema {
  return buildSchema(sdl.replace(/^extend schema[\s\S]*?\]\)\n/, ''), { assumeValidSDL: true });
}

describe('descriptions everywhere', () => {
  it('finds a missing description (the check itself can fail)', () => {
    const schema = buildSchema('"""A thing."""\ntype Query { """Described."""\nok(a: Int): String\nbare: Int }\nenum E { """Yes."""\nY N }');
    expect(undescribed(schema)).toEqual(['Query.ok(a)', 'Query.bare', 'E', 'E.N']);
  });

  it.each(Object.keys(SUBGRAPH_SCHEMAS))('the %s subgraph: every type, field, argument, input field and enum value', async (name) => {
    expect(undescribed(plainSchema(await SUBGRAPH_SCHEMAS[name]()))).toEqual([]);
  });

  it('the supergraph the gateway serves (what the playground docs show)', async () => {
    const subgraphs = await Promise.all(Object.entries(SUBGRAPH_SCHEMAS).map(async ([name, print]) => ({ name, url: `http://${name}.invalid/graphql`, typeDefs: parse(await print()) })));
    const composed = composeServices(subgraphs);
    expect(composed.errors).toBeUndefined();
    expect(undescribed(composed.schema!.toAPISchema().toGraphQLJSSchema())).toEqual([]);
  });
});
