/**
 * Helpers for mutations, which each run in one transaction: find the served
 * member's row to change (NOT_FOUND otherwise), and apply only the fields an
 * update input sets.
 */
import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { isUniqueViolation } from '../../lib/db/uniqueViolation';
import { notFound } from '../../lib/errors';
import { toRowId } from './ids';

export async function findOwnRow<Row extends { id: number; countryCode: string }>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  what: string,
  member: string,
  id: string,
): Promise<Row> {
  const rowId = toRowId(id);
  const row = rowId === undefined ? null : await manager.findOneBy(entity, { countryCode: member, id: rowId } as FindOptionsWhere<Row>);
  if (!row) throw notFound(what, id, member);
  return row;
}

/** The fields of `changes` that are set (neither left out nor null). */
export function setFields<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}

/** Awaits `write`; a unique-key violation (a concurrent writer won the race for a natural key) becomes `conflict()`. */
export async function uniqueKeyConflict<T>(write: Promise<T>, conflict: () => Error): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}
