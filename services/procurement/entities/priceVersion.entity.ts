import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, LocalDateScalar } from '../../../lib/graphql/scalars';

/**
 * One version of an item's price tiers: version 1 is the catalogue's own,
 * each change by the procurement office adds the next, effective from a
 * later day. Rows are never changed or deleted: together they are the
 * catalogue's price audit trail. An order is priced with the version in
 * effect on the day it was opened (catalogue/priceVersions.ts).
 */
@ObjectType({ description: "One version of an item's price tiers, and who set it when: the catalogue's price audit trail." })
@Entity({ name: 'price_version' })
export class PriceVersion {
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 16 })
  nsn: string;

  @Field(() => Int, { description: '1 for the catalogue as loaded, then one more per change.' })
  @Column({ type: 'int' })
  version: number;

  @Field(() => LocalDateScalar, { description: 'Orders opened on or after this day are priced with these tiers (version 1: from the start).' })
  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: string;

  /** JSON: [{ minQuantity, unitPriceMinor (a decimal string of minor units), leadTimeDays }], smallest quantity first. */
  @Column({ type: 'varchar', length: 4000 })
  tiers: string;

  @Field(() => DateTimeScalar, { description: 'When the change was recorded.' })
  @Column({ name: 'changed_at', type: 'datetime' })
  changedAt: Date;

  @Field({ description: 'Who recorded it: the token subject of the procurement office, or "catalogue" for version 1.' })
  @Column({ name: 'changed_by', type: 'varchar', length: 200 })
  changedBy: string;

  @Field({ description: 'Why the prices changed, e.g. the supplier\'s new price list.' })
  @Column({ type: 'varchar', length: 500 })
  reason: string;
}
