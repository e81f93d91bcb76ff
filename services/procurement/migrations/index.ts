import { CreateProcurementSchema1767225600001 } from './1767225600001-CreateProcurementSchema';

/** The procurement database's migrations, oldest first. Add new ones at the end. */
export const PROCUREMENT_MIGRATIONS = [CreateProcurementSchema1767225600001];
