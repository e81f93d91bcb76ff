/**
 * The contract's enums. Stored as their names (VARCHAR + CHECK, portable to
 * both backends), so the TypeScript value equals the GraphQL name.
 */
import { registerEnumType } from 'type-graphql';

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

export enum RequirementStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  FULFILLED = 'FULFILLED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(HoldingStatus, {
  name: 'HoldingStatus',
  description: 'Where a holding stands: ready for use, under repair, or stored in reserve.',
  valuesConfig: {
    OPERATIONAL: { description: 'In service and ready for use.' },
    MAINTENANCE: { description: 'Under repair or servicing; not available for now.' },
    RESERVE: { description: 'Stored in reserve, available if called up.' },
  },
});
registerEnumType(Priority, {
  name: 'Priority',
  description: 'How urgently a requirement must be met.',
  valuesConfig: {
    CRITICAL: { description: 'Needed for operations now; always carries a justification.' },
    HIGH: { description: 'Needed soon: first in line for the next joint order.' },
    MEDIUM: { description: 'Needed within the planning period.' },
    LOW: { description: 'Wanted when an order makes it worthwhile.' },
  },
});
registerEnumType(RequirementStatus, {
  name: 'RequirementStatus',
  description: 'A requirement is drafted, submitted to joint procurement, then fulfilled or withdrawn.',
  valuesConfig: {
    DRAFT: { description: 'Being written by the ministry; not yet seen by joint procurement.' },
    SUBMITTED: { description: 'Put to joint procurement, to be served by an allocation in a joint order.' },
    FULFILLED: { description: 'Met: the items were bought (closed).' },
    WITHDRAWN: { description: 'No longer needed (closed).' },
  },
});
