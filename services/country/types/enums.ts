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
});
registerEnumType(Priority, { name: 'Priority', description: 'How urgently a requirement must be met.' });
registerEnumType(RequirementStatus, {
  name: 'RequirementStatus',
  description: 'A requirement is drafted, submitted to joint procurement, then fulfilled or withdrawn.',
});
