/**
 * The case lifecycle's enums, stored as their names (VARCHAR + CHECK, see the
 * CaseLifecycle migration), so the TypeScript value equals the GraphQL name.
 */
import { registerDescribedEnum } from '../../../lib/graphql/describedEnum';

export enum CaseStage {
  REQUESTED = 'REQUESTED',
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  IMPLEMENTING = 'IMPLEMENTING',
  DELIVERING = 'DELIVERING',
  CLOSED = 'CLOSED',
}

export enum CaseVersionKind {
  OFFER = 'OFFER',
  REOFFER = 'REOFFER',
  AMENDMENT = 'AMENDMENT',
  MODIFICATION = 'MODIFICATION',
}

/** The versions the purchaser signs (or declines); a modification needs no signature. */
export const SIGNED_KINDS: readonly CaseVersionKind[] = [CaseVersionKind.OFFER, CaseVersionKind.REOFFER, CaseVersionKind.AMENDMENT];

export enum PaymentKind {
  INITIAL_DEPOSIT = 'INITIAL_DEPOSIT',
  INSTALMENT = 'INSTALMENT',
}

export enum PaymentStatus {
  PAID = 'PAID',
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
}

registerDescribedEnum(CaseStage, 'CaseStage', 'Where a purchaser\'s case stands: REQUESTED → OFFERED → ACCEPTED → IMPLEMENTING → DELIVERING → CLOSED, one step at a time.', {
  REQUESTED: 'The purchaser sent its letter of request; no offer yet.',
  OFFERED: 'An offer (letter of offer and acceptance) awaits the purchaser\'s signature; once lapsed it can only be re-offered.',
  ACCEPTED: 'The purchaser signed the offer; implementation waits for the initial deposit and the placed order.',
  IMPLEMENTING: 'Implemented: the joint order is placed and the initial deposit paid; amendments and modifications may follow.',
  DELIVERING: 'Goods for this purchaser are moving or have arrived.',
  CLOSED: 'Everything delivered and the actual cost set against the estimate; read-only.',
});
registerDescribedEnum(CaseVersionKind, 'CaseVersionKind', 'What a version of a case changed.', {
  OFFER: 'The first offer (version 1), signed by the purchaser within its validity.',
  REOFFER: 'A new offer after the previous one lapsed or was declined.',
  AMENDMENT: 'A change of scope after implementation: takes effect only once the purchaser signs it.',
  MODIFICATION: 'An administrative change within scope (e.g. a revised estimate): takes effect at once, no signature needed.',
});
registerDescribedEnum(PaymentKind, 'PaymentKind', 'A payment of a case\'s schedule.', {
  INITIAL_DEPOSIT: 'Paid before implementation; the first payment of every schedule.',
  INSTALMENT: 'A later payment, by its due date.',
});
registerDescribedEnum(PaymentStatus, 'PaymentStatus', "A payment's status on the procurement clock's today.", {
  PAID: 'Paid (on paidOn).',
  DUE: 'Not paid, and its due date has not passed.',
  OVERDUE: 'Not paid after its due date.',
});
