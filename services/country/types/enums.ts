/**
 * The contract's enums. Stored as their names (VARCHAR + CHECK, portable to
 * both backends), so the TypeScript value equals the GraphQL name.
 */
import { registerDescribedEnum } from '../../../lib/graphql/describedEnum';
import { RequirementStatus } from '../../../lib/graphql/requirementStatus';

/** Shared with the other subgraph (lib/graphql/requirementStatus). */
export { RequirementStatus };

export enum HoldingStatus {
  OPERATIONAL = 'OPERATIONAL',
  MAINTENANCE = 'MAINTENANCE',
  RESERVE = 'RESERVE',
}

export enum Priority {
  CRITICAL = 'CRITICAL',
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

registerDescribedEnum(HoldingStatus, 'HoldingStatus', 'Where a holding stands: ready for use, under repair, or stored in reserve.', {
  OPERATIONAL: 'In service and ready for use.',
  MAINTENANCE: 'Under repair or servicing; not available for now.',
  RESERVE: 'Stored in reserve, available if called up.',
});
registerDescribedEnum(Priority, 'Priority', 'How urgently a requirement must be met.', {
  CRITICAL: 'Needed for operations now; always carries a justification.',
  HIGH: 'Needed soon: first in line for the next joint order.',
  MEDIUM: 'Needed within the planning period.',
  LOW: 'Wanted when an order makes it worthwhile.',
});
