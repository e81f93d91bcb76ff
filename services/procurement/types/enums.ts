/**
 * The procurement subgraph's enums. Stored as their names (VARCHAR + CHECK, the
 * same on both backends), so the TypeScript value equals the GraphQL name.
 */
import { registerDescribedEnum } from '../../../lib/graphql/describedEnum';
import { RequirementStatus } from '../../../lib/graphql/requirementStatus';

/** Shared with the other subgraph (lib/graphql/requirementStatus). */
export { RequirementStatus };

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

/** Requirements still to be met: what pooling and "uncovered" look at. */
export const OPEN_REQUIREMENT_STATUSES: readonly string[] = [RequirementStatus.DRAFT, RequirementStatus.SUBMITTED];

/** The statuses in which a member's allocations count as committed money. */
export const COMMITTED_STATUSES: readonly JointOrderStatus[] = [
  JointOrderStatus.APPROVED,
  JointOrderStatus.PLACED,
  JointOrderStatus.DELIVERING,
  JointOrderStatus.COMPLETED,
];

registerDescribedEnum(NatoStatus, 'NatoStatus', "The member's relation to NATO, without a value for none: superseded by NatoRelation.", {
  MEMBER: 'A NATO member (Allied country).',
  ASPIRANT: 'A partner NATO recognises as seeking membership.',
  PARTNER: 'A partner of NATO, or (for a country without any relation) what NatoRelation calls NONE.',
});
registerDescribedEnum(NatoRelation, 'NatoRelation', "The country's relation to NATO.", {
  MEMBER: 'A NATO member (Allied country).',
  ASPIRANT: 'A partner NATO recognises as seeking membership.',
  PARTNER: 'A partner of NATO, e.g. in the Partnership for Peace, not seeking membership.',
  NONE: 'No formal relation with NATO (Kosovo: not in the Partnership for Peace; NATO is present as KFOR).',
});
registerDescribedEnum(Membership, 'Membership', 'Whether the country is a full member of the joint procurement or only invited.', {
  MEMBER: 'Admitted: takes part in joint orders.',
  INVITED: 'Invited: listed, but takes part in orders only once admitted.',
});
registerDescribedEnum(JointOrderStatus, 'JointOrderStatus', 'DRAFT → IN_APPROVAL → APPROVED → PLACED → DELIVERING → COMPLETED; CANCELLED before placement.', {
  DRAFT: 'Being put together: lines, participants and allocations can change.',
  IN_APPROVAL: 'Submitted: waiting for every participant to approve the current version.',
  APPROVED: 'Every participant approved the current version; ready to place.',
  PLACED: 'Placed with the supplier; prices are fixed.',
  DELIVERING: 'Shipments are on their way or arriving.',
  COMPLETED: 'Every unit delivered; the figures are final.',
  CANCELLED: 'Cancelled before placement, with a reason.',
});
registerDescribedEnum(PurchasingModel, 'PurchasingModel', 'COORDINATED_NATIONAL: each member signs and funds its own share. LEAD_NATION: one member buys for all.', {
  COORDINATED_NATIONAL: 'Each member signs and funds its own share of the combined order.',
  LEAD_NATION: 'One member (the lead nation) buys for all and is repaid by the others.',
});
registerDescribedEnum(ApprovalDecision, 'ApprovalDecision', "A ministry's decision on one version of an order or plan.", {
  PENDING: 'Asked for, not decided yet.',
  APPROVED: 'The ministry approved this version.',
  REJECTED: 'The ministry rejected this version, saying why.',
});
registerDescribedEnum(Decision, 'Decision', 'The decision a ministry records: APPROVED or REJECTED.', {
  APPROVED: 'Approve the version reviewed.',
  REJECTED: 'Reject it; a comment must say why.',
});
registerDescribedEnum(DeliveryStatus, 'DeliveryStatus', 'Where a shipment is: SCHEDULED → IN_TRANSIT → DELIVERED.', {
  SCHEDULED: 'Planned for its date, not yet shipped.',
  IN_TRANSIT: 'Shipped, on its way.',
  DELIVERED: 'Arrived and recorded by the receiving ministry or the office.',
});
