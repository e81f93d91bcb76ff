import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { minorUnitsTransformer } from '../../../lib/money';

/** The quantity of one line that one member takes (and pays for). */
@ObjectType({ description: "One member's share of an order line, with what it costs jointly and what it would cost alone." })
@Entity({ name: 'allocation' })
export class Allocation {
  @Field(() => ID, { description: 'The allocation\'s id.' })
  @PrimaryGeneratedColumn({ type: 'int' })
  id: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId: number;

  @Column({ name: 'line_id', type: 'int' })
  lineId: number;

  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode: string;

  @Field(() => Int, { description: 'How many units of the line this member takes.' })
  @Column({ type: 'int' })
  quantity: number;

  /** Id of the member's requirement in its own country subgraph (key `countryCode id`). */
  @Column({ name: 'requirement_id', type: 'varchar', length: 32, nullable: true })
  requirementId: string | null;

  /** Optimistic concurrency token of this allocation alone, bumped by every change of it (workflow/guards.ts). */
  @Column({ name: 'lock_version', type: 'int', default: 0 })
  lockVersion: number;

  /** The stand-alone unit price frozen when the order was placed; null before. */
  @Column({ name: 'agreed_individual_unit_price_minor', type: 'bigint', nullable: true, transformer: minorUnitsTransformer })
  agreedIndividualUnitPriceMinor: bigint | null;
}
