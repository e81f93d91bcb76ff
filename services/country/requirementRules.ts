/**
 * The life of a requirement: drafted, submitted to joint procurement, then
 * fulfilled or withdrawn. Closed requirements are history and never change.
 */
import { badInput, ruleBroken } from '../../lib/errors';
import { Priority, RequirementStatus } from './types/enums';

const { DRAFT, SUBMITTED, FULFILLED, WITHDRAWN } = RequirementStatus;

const NEXT: Record<RequirementStatus, readonly RequirementStatus[]> = {
  [DRAFT]: [SUBMITTED, WITHDRAWN],
  // Back to DRAFT: the ministry recalls a submitted requirement to revise it.
  [SUBMITTED]: [DRAFT, FULFILLED, WITHDRAWN],
  [FULFILLED]: [],
  [WITHDRAWN]: [],
};

export const INITIAL_STATUSES: readonly RequirementStatus[] = [DRAFT, SUBMITTED];

export function assertInitialStatus(status: RequirementStatus): void {
  if (!INITIAL_STATUSES.includes(status)) throw badInput('input.status', `a new requirement starts as ${INITIAL_STATUSES.join(' or ')}, not ${status}`);
}

export function assertOpen(status: RequirementStatus, id: string, country: string): void {
  if (NEXT[status].length === 0) {
    throw ruleBroken('REQUIREMENT_CLOSED', `Requirement ${id} is ${status} and can no longer change`, { country, id });
  }
}

export function assertTransition(from: RequirementStatus, to: RequirementStatus, country: string): void {
  if (from !== to && !NEXT[from].includes(to)) {
    throw ruleBroken('INVALID_STATUS_TRANSITION', `A ${from} requirement cannot become ${to} (allowed: ${NEXT[from].join(', ')})`, {
      country,
      field: 'input.status',
    });
  }
}

/** A CRITICAL requirement must say why: it jumps the joint order's queue. */
export function assertJustified(priority: Priority, justification: string | null | undefined): void {
  if (priority === Priority.CRITICAL && !justification?.trim()) throw badInput('input.justification', 'is required for a CRITICAL requirement');
}
