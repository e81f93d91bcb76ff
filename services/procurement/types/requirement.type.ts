import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A member's requirement, owned by that member's country subgraph. This
 * subgraph knows only its key, and adds what procurement knows of it: the
 * allocations that serve it.
 */
@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: "A member's requirement (owned by its country subgraph); here, the allocations that serve it." })
export class Requirement {
  @Field(() => ID, { description: 'The requirement\'s id within its member (with countryCode, its key).' })
  id: string;

  @Field(() => ID, { description: 'The member whose requirement it is.' })
  countryCode: string;

  static of(countryCode: string, id: string): Requirement {
    return Object.assign(new Requirement(), { countryCode, id: String(id) });
  }
}
