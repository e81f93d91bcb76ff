import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { HoldingStatus } from '../types/enums';
import { MemberItemRecord } from './memberItemRecord';

/**
 * One line of the equipment inventory: a quantity of one catalogue item held
 * by one formation, in one status. `category` is copied from the shared
 * catalogue when the holding is recorded, so `holdings(category:)` filters in
 * SQL; the country database keeps no copy of the catalogue itself, which the
 * procurement subgraph owns (lib/reference/catalog.ts is the shared list).
 */
@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: 'Equipment a formation of the member holds.' })
@Entity({ name: 'holding' })
@Index('IDX_holding_country_category', ['countryCode', 'category'])
// The natural key: one line per item, formation and status; recording it again changes that line.
@Index('UQ_holding_item_unit_status', ['countryCode', 'nsn', 'unit', 'status'], { unique: true })
export class Holding extends MemberItemRecord {
  @Field({ description: 'Catalogue category of the item, e.g. "SMALL_ARMS".' })
  @Column({ type: 'varchar', length: 32 })
  category: string;

  @Field({ description: 'The formation holding it, e.g. "Guards Armoured Mechanised Brigade".' })
  @Column({ type: 'varchar', length: 120 })
  unit: string;

  @Field(() => HoldingStatus, { description: 'Operational, in maintenance, or in reserve.' })
  @Column({ type: 'varchar', length: 16 })
  status: HoldingStatus;

  @Field({ description: 'Whether this holding meets the NATO standard (STANAG) of its catalogue item.' })
  @Column({ name: 'nato_standard', type: 'boolean' })
  natoStandard: boolean;
}
