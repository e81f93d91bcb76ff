/**
 * Writing the audit trail: every write of the member's records adds one entry
 * per record it changed, through the write's own EntityManager, so the entry
 * commits or rolls back with the change. A write that changes nothing (the
 * same entry again, a re-import of the same file) adds nothing.
 */
import type { EntityManager } from 'typeorm';
import { insertRows } from '../../../lib/db/bulkRows';
import type { Identity } from '../../../lib/security/roles';
import { ministryRole } from '../../../lib/security/roles';
import { AuditEntry, type AuditedRecord } from './auditEntry.entity';

/** Who made a change: the token's subject and the role it wrote under. */
export interface Actor {
  subject: string;
  role: string;
}

/** The role for `jpg import`, which writes to the member's database directly. */
export const OPERATOR_ROLE = 'operator';

/**
 * The caller of a mutation. The policy (../authorization.ts) lets only the
 * member's own ministry write, so that is the role the write was made under.
 */
export function graphActor(identity: Identity | null, member: string): Actor {
  return { subject: identity?.subject ?? 'unknown', role: ministryRole(member) };
}

export interface Change {
  recordType: AuditedRecord;
  recordKey: string;
  /** The record before (null: created) and after (null: deleted), as audit/recordViews.ts shapes it. */
  before: object | null;
  after: object | null;
}

/** True when the change changes something (an identical before and after is no change). */
export function isChange(change: Change): boolean {
  return JSON.stringify(change.before) !== JSON.stringify(change.after);
}

/** Adds one entry per real change, in batched multi-row INSERTs; returns how many. */
export async function recordChanges(manager: EntityManager, member: string, actor: Actor, action: string, changes: readonly Change[]): Promise<number> {
  const at = new Date().toISOString();
  const rows = changes.filter(isChange).map((change) => ({
    countryCode: member,
    at,
    subject: actor.subject.slice(0, 200),
    role: actor.role,
    action,
    recordType: change.recordType,
    recordKey: change.recordKey,
    before: change.before === null ? null : JSON.stringify(change.before),
    after: change.after === null ? null : JSON.stringify(change.after),
  }));
  await insertRows(manager, AuditEntry, rows);
  return rows.length;
}
