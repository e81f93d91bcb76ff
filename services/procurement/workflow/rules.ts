/**
 * The rules of a joint order, each with the `extensions.code` a client sees
 * when it is broken. Member-specific breaks also carry `extensions.country`.
 */
import { GraphQLError } from 'graphql';
import { ErrorCode, ruleBroken } from '../../../lib/errors';
import type { JointOrder } from '../entities';
import { JointOrderStatus } from '../types/enums';

export const Rule = {
  ORDER_NOT_DRAFT: 'ORDER_NOT_DRAFT',
  ORDER_NOT_IN_APPROVAL: 'ORDER_NOT_IN_APPROVAL',
  ORDER_NOT_APPROVED: 'ORDER_NOT_APPROVED',
  ORDER_NOT_PLACED: 'ORDER_NOT_PLACED',
  ORDER_NOT_CANCELLABLE: 'ORDER_NOT_CANCELLABLE',
  ORDER_NOT_REOPENABLE: 'ORDER_NOT_REOPENABLE',
  ORDER_EMPTY: 'ORDER_EMPTY',
  OFFER_EXPIRED: 'OFFER_EXPIRED',
  STALE_VERSION: 'STALE_VERSION',
  NOT_A_PARTICIPANT: 'NOT_A_PARTICIPANT',
  ALREADY_A_PARTICIPANT: 'ALREADY_A_PARTICIPANT',
  MEMBER_NOT_ADMITTED: 'MEMBER_NOT_ADMITTED',
  MEMBER_EXISTS: 'MEMBER_EXISTS',
  NOT_LEAD_NATION: 'NOT_LEAD_NATION',
  NOT_YOUR_ALLOCATION: 'NOT_YOUR_ALLOCATION',
  NOT_YOUR_DELIVERY: 'NOT_YOUR_DELIVERY',
  SUPPLIER_MISMATCH: 'SUPPLIER_MISMATCH',
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  LINE_EXISTS: 'LINE_EXISTS',
  LINE_HAS_OTHER_ALLOCATIONS: 'LINE_HAS_OTHER_ALLOCATIONS',
  ALLOCATION_EXISTS: 'ALLOCATION_EXISTS',
  NO_ALLOCATION: 'NO_ALLOCATION',
  DELIVERY_EXCEEDS_ALLOCATION: 'DELIVERY_EXCEEDS_ALLOCATION',
  ALREADY_DELIVERED: 'ALREADY_DELIVERED',
  CASE_REFERENCE_TAKEN: 'CASE_REFERENCE_TAKEN',
  ORDER_IN_OTHER_PLAN: 'ORDER_IN_OTHER_PLAN',
  REQUIREMENT_NOT_SHARED: 'REQUIREMENT_NOT_SHARED',
  REQUIREMENT_ITEM_MISMATCH: 'REQUIREMENT_ITEM_MISMATCH',
  REQUIREMENT_WITHDRAWN: 'REQUIREMENT_WITHDRAWN',
  REQUIREMENT_EXCEEDED: 'REQUIREMENT_EXCEEDED',
  REQUIREMENT_OVER_ALLOCATED: 'REQUIREMENT_OVER_ALLOCATED',
  NOT_A_POOLING_CANDIDATE: 'NOT_A_POOLING_CANDIDATE',
  CONFLICT: ErrorCode.CONFLICT,
} as const;
export type Rule = (typeof Rule)[keyof typeof Rule];

/** A rule break about one member's action. */
export function memberRuleBroken(code: Rule, country: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return ruleBroken(code, message, { country, ...extra });
}

const STATUS_RULE: Partial<Record<JointOrderStatus, Rule>> = {
  [JointOrderStatus.DRAFT]: Rule.ORDER_NOT_DRAFT,
  [JointOrderStatus.IN_APPROVAL]: Rule.ORDER_NOT_IN_APPROVAL,
  [JointOrderStatus.APPROVED]: Rule.ORDER_NOT_APPROVED,
};

const WHY: Partial<Record<JointOrderStatus, string>> = {
  [JointOrderStatus.DRAFT]: 'lines and allocations change only while the order is DRAFT',
  [JointOrderStatus.IN_APPROVAL]: 'decisions are recorded only while the order is IN_APPROVAL',
  [JointOrderStatus.APPROVED]: 'only an APPROVED order can be placed',
};

/** Refuses unless the order is in `status`; the error names the rule for that status. */
export function requireStatus(
  order: JointOrder,
  status: JointOrderStatus.DRAFT | JointOrderStatus.IN_APPROVAL | JointOrderStatus.APPROVED,
  why = WHY[status],
): void {
  if (order.status === status) return;
  throw ruleBroken(STATUS_RULE[status] as Rule, `Joint order ${order.reference} is ${order.status}: ${why}`, {
    orderId: String(order.id),
    status: order.status,
  });
}

/** Deliveries happen only once the order is placed and until it completes. */
export function requireDelivering(order: JointOrder): void {
  if (order.status === JointOrderStatus.PLACED || order.status === JointOrderStatus.DELIVERING) return;
  throw ruleBroken(Rule.ORDER_NOT_PLACED, `Joint order ${order.reference} is ${order.status}: deliveries are scheduled and recorded only for a PLACED or DELIVERING order`, {
    orderId: String(order.id),
    status: order.status,
  });
}

/** The supplier's offer holds up to and including `offerExpiresOn`. */
export function requireOfferValid(order: JointOrder, today: string): void {
  if (today <= order.offerExpiresOn) return;
  throw ruleBroken(Rule.OFFER_EXPIRED, `The supplier's offer for ${order.reference} lapsed after ${order.offerExpiresOn} (today is ${today}); ask the supplier for a new offer`, {
    orderId: String(order.id),
    offerExpiresOn: order.offerExpiresOn,
  });
}

/** A decision names the version the ministry reviewed; it must still be the current one. */
export function requireCurrentVersion(what: string, current: number, seen: number | null | undefined, country: string): void {
  if (seen === undefined || seen === null || seen === current) return;
  throw memberRuleBroken(Rule.STALE_VERSION, country, `${what} is at version ${current}, not ${seen}: review the current version first`, { currentVersion: current });
}
