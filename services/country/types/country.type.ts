import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A member, as this subgraph contributes to it: the gateway routes every
 * `Country` representation to the service whose member `code` it names.
 * Procurement owns the registry fields (name, natoStatus…); this subgraph owns
 * the ministry's records, all nullable so a member that is down nulls only its own.
 */
@Directive('@key(fields: "code")')
@ObjectType({ description: "A member of the joint procurement; this subgraph adds its ministry's records." })
export class Country {
  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code ("XK" for Kosovo).' })
  code: string;

  static of(code: string): Country {
    return Object.assign(new Country(), { code });
  }
}
