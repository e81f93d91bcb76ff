import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A reference to the procurement subgraph's catalogue entry. Only the key:
 * this subgraph cannot resolve catalogue items (`resolvable: false`), and it
 * adds no fields to them, since a gateway could not tell which member to ask.
 */
@Directive('@key(fields: "nsn", resolvable: false)')
@ObjectType({ description: 'An item of the shared catalogue, by NSN; its details come from the procurement subgraph.' })
export class CatalogItem {
  @Field(() => ID, { description: 'NATO Stock Number, NNNN-NN-NNN-NNNN.' })
  nsn: string;

  static of(nsn: string): CatalogItem {
    return Object.assign(new CatalogItem(), { nsn });
  }
}
