/**
 * The case lifecycle's enums, stored as their names (VARCHAR + CHECK, see the
 * CaseLifecycle migration), so the TypeScript value equals the GraphQL name.
 */
import { registerEnumType } from 'type-graphql';

export enum CaseStage {
  REQUESTED = 'REQUESTED',
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  IMPLEMENTING = 'IMPLEMENTING',
  DELIVERING = 'DELIVERING',
  CLOSED = 'CLOSED',
}

/** The stages in order: a case moves one step forward at a time. */
export const STAGE_ORDER: readonly CaseStage[] = [
  CaseStage.REQUESTED,
  CaseStage.OFFERED,
  CaseStage.ACCEPTED,
  CaseStage.IMPLEMENTING,
  CaseStage.DELIVERING,
  CaseStage.CLOSED,
];

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

registerEnumType(CaseStage, {
  name: 'CaseStage',
  description: 'Where a purchaser\'s case stands: REQUESTED → OFFERED → ACCEPTED → IMPLEMENTING → DELIVERING → CLOSED, one step at a time.',
  valuesConfig: {
    REQUESTED: { description: 'The purchaser sent its letter of request; no offer yet.' },
    OFFERED: { description: 'An offer (letter of offer and acceptance) awaits the purchaser\'s signature; once lapsed it can only be re-offered.' },
    ACCEPTED: { description: 'The purchaser signed the offer; implementation waits for the initial deposit and the placed order.' },
    IMPLEMENTING: { description: 'Implemented: the joint order is placed and the initial deposit paid; amendments and modifications may follow.' },
    DELIVERING: { description: 'Goods for this purchaser are moving or have arrived.' },
    CLOSED: { description: 'Everything delivered and the actual cost set against the estimate; read-only.' },
  },
});
registerEnumType(CaseVersionKind, {
  name: 'CaseVersionKind',
  description: 'What a version of a case changed.',
  valuesConfig: {
    OFFER: { description: 'The first offer (version 1), signed by the purchaser within its validity.' },
    REOFFER: { description: 'A new offer after the previous one lapsed or was declined.' },
    AMENDMENT: { description: 'A change of scope after implementation: takes effect only once the purchaser signs it.' },
    MODIFICATION: { description: 'An administrative change within scope (e.g. a revised estimate): takes effect at once, no signature needed.' },
  },
});
registerEnumType(PaymentKind, {
  name: 'PaymentKind',
  description: 'A payment of a case\'s schedule.',
  valuesConfig: {
    INITIAL_DEPOSIT: { description: 'Paid before implementation; the first payment of every schedule.' },
    INSTALMENT: { description: 'A later payment, by its due date.' },
  },
});
registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description: "A payment's status on the procurement clock's today.",
  valuesConfig: {
    PAID: { description: 'Paid (on paidOn).' },
    DUE: { description: 'Not paid, and its due date has not passed.' },
    OVERDUE: { description: 'Not paid after its due date.' },
  },
});
