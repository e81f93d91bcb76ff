import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MinorUnits, minorUnitsTransformer } from '../../../lib/money';

/**
 * The defence budget of one year, in integer minor units of the member's
 * budget currency. The money fields are resolved as `Money` (budget.resolver.ts).
 */
@ObjectType({ description: "One year's defence budget and the part of it set aside for procurement." })
@Entity({ name: 'budget' })
export class Budget {
  @PrimaryColumn({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Field(() => Int, { description: 'The budget year (2000-2100); one budget per year.' })
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  @Column({ name: 'defence_total_minor', type: 'bigint', transformer: minorUnitsTransformer })
  defenceTotalMinor: MinorUnits;

  @Column({ name: 'procurement_minor', type: 'bigint', transformer: minorUnitsTransformer })
  procurementMinor: MinorUnits;
}
