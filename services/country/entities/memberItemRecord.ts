import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What holdings and requirements share: a per-member id, the member (with the
 * id, the entity key the gateway routes on), the catalogue item, by NSN, and
 * a quantity of it.
 * Not a type or a table of its own: each subclass is both.
 */
@ObjectType()
export abstract class MemberItemRecord {
  @Field(() => ID, { description: "The record's id within the member (with countryCode, its key)." })
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Field(() => ID, { description: 'The member whose record it is (part of the key: the gateway routes on it).' })
  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  /** Exposed as `item: CatalogItem!` (resolvers/memberOwned.fields.ts). */
  @Column({ type: 'varchar', length: 16 })
  nsn: string;

  @Field(() => Int, { description: 'How many items (at least 1).' })
  @Column({ type: 'int' })
  quantity: number;
}
