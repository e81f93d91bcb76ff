import { ClassType, FieldResolver, Resolver, Root } from 'type-graphql';
import { CatalogItem } from '../types/catalogItem.type';
import { Country } from '../types/country.type';
import type { MemberItemRecord } from '../entities/memberItemRecord';

/**
 * The fields every member-owned record with a catalogue item shares
 * (Holding, Requirement): its `country` and its `item`, both references built
 * from the row without a query.
 */
export function MemberOwnedFields<Row extends MemberItemRecord>(entity: ClassType<Row>) {
  @Resolver(() => entity)
  abstract class MemberOwnedFieldsResolver {
    @FieldResolver(() => Country, { description: 'The member whose record it is.' })
    country(@Root() row: Row): Country {
      return Country.of(row.countryCode);
    }

    @FieldResolver(() => CatalogItem, { description: 'The catalogue item, resolved by the procurement subgraph.' })
    item(@Root() row: Row): CatalogItem {
      return CatalogItem.of(row.nsn);
    }
  }
  return MemberOwnedFieldsResolver;
}
