import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import { Membership, NatoRelation, NatoStatus } from '../types/enums';

/**
 * A country in the joint-procurement registry. In the graph it is `Country`,
 * the entity the country subgraphs extend with each ministry's own records.
 */
@Directive('@key(fields: "code")')
@ObjectType('Country', { description: 'A country taking part in (or invited to) the joint procurement.' })
@Entity({ name: 'member' })
export class Member {
  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code ("XK" for Kosovo).' })
  @PrimaryColumn({ type: 'varchar', length: 2 })
  code: string;

  @Field({ description: 'The country\'s name, e.g. "Kosovo".' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The older projection of natoRelation, kept for the deprecated field: NONE is stored as PARTNER (legacyNatoStatus). */
  @Field(() => NatoStatus, { description: "The country's relation to NATO in the older form, without NONE.", deprecationReason: 'Use natoRelation: NatoStatus cannot say NONE, so a country without a NATO relation (Kosovo) reads PARTNER here.' })
  @Column({ name: 'nato_status', type: 'varchar', length: 8 })
  natoStatus: NatoStatus;

  @Field(() => NatoRelation, { description: "The country's relation to NATO; NONE where there is none." })
  @Column({ name: 'nato_relation', type: 'varchar', length: 8 })
  natoRelation: NatoRelation;

  @Field(() => Membership, { description: 'A full member of the joint procurement, or only invited.' })
  @Column({ type: 'varchar', length: 8 })
  membership: Membership;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it became a full member; null while invited.' })
  @Column({ name: 'admitted_at', type: 'datetime', nullable: true })
  admittedAt: Date | null;
}
