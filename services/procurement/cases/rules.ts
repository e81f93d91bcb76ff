/**
 * The case lifecycle's rules, each with the `extensions.code` a client sees
 * when it is broken (with `extensions.country`, the purchaser).
 */
import type { GraphQLError } from 'graphql';
import { ruleBroken } from '../../../lib/errors';
import type { Case } from './case.entity';
import type { CaseVersion } from './caseVersion.entity';
import { CaseStage, CaseVersionKind } from './enums';

export const CaseRule = {
  CASE_EXISTS: 'CASE_EXISTS',
  CASE_REFERENCE_TAKEN: 'CASE_REFERENCE_TAKEN',
  NOT_YOUR_CASE: 'NOT_YOUR_CASE',
  CASE_CLOSED: 'CASE_CLOSED',
  CASE_WRONG_STAGE: 'CASE_WRONG_STAGE',
  CASE_ORDER_NOT_READY: 'CASE_ORDER_NOT_READY',
  CASE_NOTHING_TO_OFFER: 'CASE_NOTHING_TO_OFFER',
  CASE_OFFER_LAPSED: 'CASE_OFFER_LAPSED',
  CASE_OFFER_NOT_LAPSED: 'CASE_OFFER_NOT_LAPSED',
  CASE_AMENDMENT_LAPSED: 'CASE_AMENDMENT_LAPSED',
  CASE_NOTHING_TO_SIGN: 'CASE_NOTHING_TO_SIGN',
  CASE_AMENDMENT_PENDING: 'CASE_AMENDMENT_PENDING',
  CASE_DEPOSIT_UNPAID: 'CASE_DEPOSIT_UNPAID',
  CASE_DELIVERIES_OPEN: 'CASE_DELIVERIES_OPEN',
  PAYMENT_ALREADY_PAID: 'PAYMENT_ALREADY_PAID',
} as const;
export type CaseRule = (typeof CaseRule)[keyof typeof CaseRule];

export function caseRuleBroken(code: string, kase: Pick<Case, 'id' | 'countryCode'>, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return ruleBroken(code, message, { country: kase.countryCode, caseId: String(kase.id), ...extra });
}

/** Refuses unless the case is in one of `stages`; a closed case is refused as read-only. */
export function requireStage(kase: Case, stages: readonly CaseStage[], doing: string): void {
  if (kase.stage === CaseStage.CLOSED) {
    throw caseRuleBroken(CaseRule.CASE_CLOSED, kase, `Case ${kase.reference} is CLOSED (on ${kase.closedOn}) and read-only: it cannot ${doing}`, { stage: kase.stage });
  }
  if (stages.includes(kase.stage)) return;
  throw caseRuleBroken(CaseRule.CASE_WRONG_STAGE, kase, `Case ${kase.reference} is ${kase.stage}: it can ${doing} only when ${stages.join(' or ')}`, {
    stage: kase.stage,
    expected: [...stages],
  });
}

/** True once the last day to sign has passed. */
export function lapsed(version: Pick<CaseVersion, 'expiresOn'>, today: string): boolean {
  return version.expiresOn !== null && today > version.expiresOn;
}

/** An amendment the purchaser has neither signed nor declined, still within its validity. */
export function pendingAmendment(current: CaseVersion | undefined, today: string): CaseVersion | null {
  if (!current || current.kind !== CaseVersionKind.AMENDMENT || current.decision !== null || lapsed(current, today)) return null;
  return current;
}
