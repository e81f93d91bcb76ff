import { Arg, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { execute, parse } from 'graphql';
import { buildFederatedSchema, printFederatedSdl } from './federatedSchema';

@Directive('@key(fields: "code")')
@ObjectType()
class Widget {
  @Field(() => ID)
  code: string;

  @Field()
  label: string;
}

@Resolver(() => Widget)
class WidgetResolver {
  @Query(() => Widget, { nullable: true })
  widget(@Arg('code', () => ID) code: string): Widget {
    return Object.assign(new Widget(), { code, label: `widget ${code}` });
  }
}

describe('buildFederatedSchema', () => {
  it('keeps @key from type-graphql and resolves entities through __resolveReference', async () => {
    const schema = await buildFederatedSchema(
      { resolvers: [WidgetResolver] },
      { Widget: { __resolveReference: (ref: { code: string }) => ({ code: ref.code, label: `ref ${ref.code}` }) } },
    );
    const sdl = printFederatedSdl(schema);
    expect(sdl).toMatch(/type Widget\s+@key\(fields: "code"\)/);
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.9"');

    const result = await execute({
      schema,
      document: parse('query($r: [_Any!]!) { _entities(representations: $r) { ... on Widget { code label } } }'),
      variableValues: { r: [{ __typename: 'Widget', code: 'A1' }] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ code: 'A1', label: 'ref A1' }] });
  });
});
