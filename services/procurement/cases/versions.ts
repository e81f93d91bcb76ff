/**
 * Reading a case's versions: which one is in force (its estimate is the
 * case's), and which one awaits a signature.
 */
import type { MinorUnits } from '../../../lib/money';
import { Decision } from '../types/enums';
import type { CaseVersion } from './caseVersion.entity';
import { CaseVersionKind } from './enums';

/**
 * The version in force: the latest one that was signed, or a modification
 * (which needs no signature). Null before the purchaser has signed anything.
 */
export function versionInForce(versions: readonly CaseVersion[]): CaseVersion | null {
  const inForce = versions.filter((v) => v.kind === CaseVersionKind.MODIFICATION || v.decision === Decision.APPROVED);
  return inForce.reduce<CaseVersion | null>((latest, v) => (!latest || v.version > latest.version ? v : latest), null);
}

/** The estimate the case stands at: the version in force, or before acceptance the latest offer. */
export function estimateOf(versions: readonly CaseVersion[]): { minor: MinorUnits; currency: string } | null {
  const source = versionInForce(versions) ?? latestVersion(versions);
  return source ? { minor: source.estimateMinor, currency: source.currency } : null;
}

export function latestVersion(versions: readonly CaseVersion[]): CaseVersion | undefined {
  return versions.reduce<CaseVersion | undefined>((latest, v) => (!latest || v.version > latest.version ? v : latest), undefined);
}
