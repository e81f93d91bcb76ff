import { CreateCountrySchema1767225600000 } from './1767225600000-CreateCountrySchema';
import { AddAuditTrailAndNaturalKeys1767312000000 } from './1767312000000-AddAuditTrailAndNaturalKeys';

/** The country database's migrations, oldest first. Add new ones at the end. */
export const COUNTRY_MIGRATIONS = [CreateCountrySchema1767225600000, AddAuditTrailAndNaturalKeys1767312000000];
