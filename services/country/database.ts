/**
 * A member's database: opened and migrated through the shared lib/db, then
 * checked to hold no other member's records, so a process pointed at the
 * wrong database refuses to start instead of serving another ministry's data.
 */
import type { DataSource, Logger } from 'typeorm';
import { openDatabase } from '../../lib/db/dataSource';
import { redact } from '../../lib/db/databaseUrl';
import { COUNTRY_ENTITIES } from './entities';
import { COUNTRY_MIGRATIONS } from './migrations';

export function openCountryDatabase(url: string, logger?: Logger): Promise<DataSource> {
  return openDatabase({ url, entities: COUNTRY_ENTITIES, migrations: COUNTRY_MIGRATIONS, logger });
}

export async function assertDatabaseOfMember(dataSource: DataSource, member: string, url: string): Promise<void> {
  for (const entity of COUNTRY_ENTITIES) {
    const other = await dataSource
      .getRepository(entity)
      .createQueryBuilder('row')
      .select('row.countryCode', 'code')
      .where('row.countryCode <> :member', { member })
      .limit(1)
      .getRawOne<{ code: string }>();
    if (other) {
      throw new Error(`Database ${redact(url)} holds records of member ${other.code}; refusing to serve member ${member} from it`);
    }
  }
}
