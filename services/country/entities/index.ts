import { AuditEntry } from '../audit/auditEntry.entity';
import { Budget } from './budget.entity';
import { Holding } from './holding.entity';
import { Ministry } from './ministry.entity';
import { Requirement } from './requirement.entity';

export { AuditEntry, Budget, Holding, Ministry, Requirement };

/** The ministry's records: what demo seeding loads and replaces (never the audit trail). */
export const COUNTRY_RECORD_ENTITIES = [Ministry, Holding, Requirement, Budget];

/** Every table of a member's database, for the DataSource. */
export const COUNTRY_ENTITIES = [...COUNTRY_RECORD_ENTITIES, AuditEntry];
