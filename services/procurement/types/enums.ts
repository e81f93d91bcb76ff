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

/** The statuses in which a member's allocations count as committed money. */
export const COMMITTED_STATUSES: readonly JointOrderStatus[] = [
  JointOrderStatus.APPROVED,
  JointOrderStatus.PLACED,
  JointOrderStatus.DELIVERING,
  JointOrderStatus.COMPLETED,
];

registerEnumType(NatoStatus, { name: 'NatoStatus', description: "The member's relation to NATO, without a value for none: superseded by NatoRelation." });
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
registerEnumType(Membership, { name: 'Membership', description: 'Whether the country is a full member of the joint procurement or only invited.' });
registerEnumType(JointOrderStatus, {
  name: 'JointOrderStatus',
  description: 'DRAFT → IN_APPROVAL → APPROVED → PLACED → DELIVERING → COMPLETED; CANCELLED before placement.',
});
registerEnumType(PurchasingModel, {
  name: 'PurchasingModel',
  description: 'COORDINATED_NATIONAL: each member signs and funds its own share. LEAD_NATION: one member buys for all.',
});
registerEnumType(ApprovalDecision, { name: 'ApprovalDecision', description: "A ministry's decision on one version of an order or plan." });
registerEnumType(Decision, { name: 'Decision', description: 'The decision a ministry records: APPROVED or REJECTED.' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });
