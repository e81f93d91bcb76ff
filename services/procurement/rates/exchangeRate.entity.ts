import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalDateScalar } from '../../../lib/graphql/scalars';

/**
 * A reference exchange rate: units of `currency` for one euro on `rateDate`
 * (the ECB's convention), in millionths so it stays exact, with its source.
 */
@ObjectType({ description: 'A reference exchange rate against the euro on one day, with where it comes from.' })
@Entity({ name: 'exchange_rate' })
export class ExchangeRate {
  @Field({ description: 'The ISO 4217 currency quoted, e.g. "USD".' })
  @PrimaryColumn({ type: 'varchar', length: 3 })
  currency: string;

  @Field(() => LocalDateScalar, { description: 'The day the rate was published for.' })
  @PrimaryColumn({ name: 'rate_date', type: 'date' })
  rateDate: string;

  /** Units of `currency` per euro × 1,000,000 (1.0389 USD per euro is 1038900). */
  @Column({ name: 'per_euro_micro', type: 'bigint', transformer: { to: (v: bigint) => v.toString(), from: (v: string | number) => BigInt(v) } })
  perEuroMicro: bigint;

  @Field({ description: 'Where the rate comes from (publisher and series); says so when a value is illustrative.' })
  @Column({ type: 'varchar', length: 300 })
  source: string;
}
