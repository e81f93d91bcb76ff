import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The member's ministry of defence: one row, keyed by the member code. */
@ObjectType({ description: "The member's ministry of defence." })
@Entity({ name: 'ministry' })
export class Ministry {
  @PrimaryColumn({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Field({ description: 'The ministry\'s official name.' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'The minister in office.' })
  @Column({ type: 'varchar', length: 120 })
  minister: string;

  @Field({ description: 'Where the ministry is seated (address).' })
  @Column({ type: 'varchar', length: 200 })
  headquarters: string;
}
