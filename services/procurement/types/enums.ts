/**
 * The procurement subgraph's enums. Stored as their names (VARCHAR + CHECK, the
 * same on both backends), so the TypeScript value equals the GraphQL name.
 */
import { registerEnumType } from 'type-graphql';

/** Superseded by NatoRelation, which can say NONE. */
export enum NatoStatus {
  MEMBER = 'MEMBER',
  ASPIRANT = 'ASPIRANT',
  PARTNER = 'PARTNER',
}

export enum NatoRelation {
  MEMBER = 'MEMBER',
  ASPIRANT = 'ASPIRANT',
  PARTNER = 'PARTNER',
  NONE = 'NONE',
}

/** What the deprecated `natoStatus` shows: it has no NONE, so a country without a relation reads PARTNER, as it always did. */
export function legacyNatoStatus(relation: NatoRelation): NatoStatus {
  return relation === NatoRelation.NONE ? NatoStatus.PARTNER : (relation as string as NatoStatus);
}

export enum Membership {
  MEMBER = 'MEMBER',
  INVITED = 'INVITED',
}

export enum JointOrderStatus {
  DRAFT = 'DRAFT',
  IN_APPROVAL = 'IN_APPROVAL',
  APPROVED = 'APPROVED',
  PLACED = 'PLACED',
  DELIVERING = 'DELIVERING',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum PurchasingModel {
  COORDINATED_NATIONAL = 'COORDINATED_NATIONAL',
  LEAD_NATION = 'LEAD_NATION',
}

export enum ApprovalDecision {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/** What a ministry can decide; PENDING is only ever set by the service. */
export enum Decision {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

export enum DeliveryStatus {
  SCHEDULED = 'SCHEDULED',
  IN_TRANSIT = 'IN_TRANSIT',
  DELIVERED = 'DELIVERED',
}

/** The life cycle of a member's requirement, as its country subgraph has it (the same enum in both subgraphs). */
export enum RequirementStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  FULFILLED = 'FULFILLED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Requirements still to be met: what pooling and "uncovered" look at. */
export const OPEN_REQUIREMENT_STATUSES: readonly string[] = [RequirementStatus.DRAFT, RequirementStatus.SUBMITTED];

/** The statuses in which a member's allocations count as committed money. */
export const COMMITTED_STATUSES: readonly JointOrderStatus[] = [
  JointOrderStatus.APPROVED,
  JointOrderStatus.PLACED,
  JointOrderStatus.DELIVERING,
  JointOrderStatus.COMPLETED,
];

registerEnumType(NatoStatus, {
  name: 'NatoStatus',
  description: "The member's relation to NATO, without a value for none: superseded by NatoRelation.",
  valuesConfig: {
    MEMBER: { description: 'A NATO member (Allied country).' },
    ASPIRANT: { description: 'A partner NATO recognises as seeking membership.' },
    PARTNER: { description: 'A partner of NATO, or (for a country without any relation) what NatoRelation calls NONE.' },
  },
});
registerEnumType(NatoRelation, {
  name: 'NatoRelation',
  description: "The country's relation to NATO.",
  valuesConfig: {
    MEMBER: { description: 'A NATO member (Allied country).' },
    ASPIRANT: { description: 'A partner NATO recognises as seeking membership.' },
    PARTNER: { description: 'A partner of NATO, e.g. in the Partnership for Peace, not seeking membership.' },
    NONE: { description: 'No formal relation with NATO (Kosovo: not in the Partnership for Peace; NATO is present as KFOR).' },
  },
});
registerEnumType(Membership, {
  name: 'Membership',
  description: 'Whether the country is a full member of the joint procurement or only invited.',
  valuesConfig: {
    MEMBER: { description: 'Admitted: takes part in joint orders.' },
    INVITED: { description: 'Invited: listed, but takes part in orders only once admitted.' },
  },
});
registerEnumType(JointOrderStatus, {
  name: 'JointOrderStatus',
  description: 'DRAFT → IN_APPROVAL → APPROVED → PLACED → DELIVERING → COMPLETED; CANCELLED before placement.',
  valuesConfig: {
    DRAFT: { description: 'Being put together: lines, participants and allocations can change.' },
    IN_APPROVAL: { description: 'Submitted: waiting for every participant to approve the current version.' },
    APPROVED: { description: 'Every participant approved the current version; ready to place.' },
    PLACED: { description: 'Placed with the supplier; prices are fixed.' },
    DELIVERING: { description: 'Shipments are on their way or arriving.' },
    COMPLETED: { description: 'Every unit delivered; the figures are final.' },
    CANCELLED: { description: 'Cancelled before placement, with a reason.' },
  },
});
registerEnumType(PurchasingModel, {
  name: 'PurchasingModel',
  description: 'COORDINATED_NATIONAL: each member signs and funds its own share. LEAD_NATION: one member buys for all.',
  valuesConfig: {
    COORDINATED_NATIONAL: { description: 'Each member signs and funds its own share of the combined order.' },
    LEAD_NATION: { description: 'One member (the lead nation) buys for all and is repaid by the others.' },
  },
});
registerEnumType(ApprovalDecision, {
  name: 'ApprovalDecision',
  description: "A ministry's decision on one version of an order or plan.",
  valuesConfig: {
    PENDING: { description: 'Asked for, not decided yet.' },
    APPROVED: { description: 'The ministry approved this version.' },
    REJECTED: { description: 'The ministry rejected this version, saying why.' },
  },
});
registerEnumType(Decision, {
  name: 'Decision',
  description: 'The decision a ministry records: APPROVED or REJECTED.',
  valuesConfig: {
    APPROVED: { description: 'Approve the version reviewed.' },
    REJECTED: { description: 'Reject it; a comment must say why.' },
  },
});
registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: 'Where a shipment is: SCHEDULED → IN_TRANSIT → DELIVERED.',
  valuesConfig: {
    SCHEDULED: { description: 'Planned for its date, not yet shipped.' },
    IN_TRANSIT: { description: 'Shipped, on its way.' },
    DELIVERED: { description: 'Arrived and recorded by the receiving ministry or the office.' },
  },
});
// Name, values and descriptions as in the country subgraph: composition merges the two.
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
