import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A catalogue entry: what can be ordered jointly, from whom, to which standard. */
@Directive('@key(fields: "nsn")')
@ObjectType({ description: 'An item of the shared catalogue, identified by its NATO Stock Number.' })
@Entity({ name: 'catalog_item' })
export class CatalogItem {
  @Field(() => ID, { description: 'NATO Stock Number, NNNN-NN-NNN-NNNN.' })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  nsn: string;

  @Field({ description: 'What the item is, e.g. "FGM-148F Javelin missile".' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'Catalogue category, e.g. ANTI_ARMOUR.' })
  @Column({ type: 'varchar', length: 32 })
  category: string;

  @Field({ description: 'Who sells it, e.g. "Colt Defense".' })
  @Column({ type: 'varchar', length: 120 })
  supplier: string;

  /** "" where no STANAG applies (or none is verified): omitted rather than guessed. */
  @Field({ description: 'The STANAG it meets, e.g. "STANAG 4569"; "" when none applies.', deprecationReason: 'Use standards: an item no STANAG applies to has none, and reads "" here.' })
  @Column({ type: 'varchar', length: 60 })
  standard: string;

  /** ISO 4217 currency of all its price tiers. */
  @Column({ type: 'varchar', length: 3 })
  currency: string;
}
