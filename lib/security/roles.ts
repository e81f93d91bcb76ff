/**
 * Who may do what. A caller's roles come from a claim of its token:
 *
 * - `ministry:<CODE>` reads the graph, writes its own member's data and records
 *   its own member's approval (CODE is the member's ISO code, e.g. `ministry:XK`);
 * - `procurement` (the joint procurement office) creates and runs joint orders
 *   and admits members;
 * - `analyst` reads.
 *
 * The predicates are pure, so the gateway and every subgraph decide the same
 * way from the same Identity.
 */
import { ErrorCode, graphqlError } from '../errors';
import { MEMBER_CODE } from '../reference/members';
import type { GraphQLError } from 'graphql';

export type MinistryRole = `ministry:${string}`;
export type Role = 'procurement' | 'analyst' | MinistryRole;

export interface Identity {
  /** The token's `sub`, or "anonymous". */
  subject: string;
  roles: readonly Role[];
  /** Members whose ministry this caller acts for (from its `ministry:<CODE>` roles). */
  memberCodes: readonly string[];
  /** True only for the read-only identity given to callers without a token when anonymous read is open. */
  anonymous?: boolean;
  /**
   * Set only on a service's own identity (the gateway's contract checks and
   * health calls: `service:gateway`): no roles, no data rights; subgraphs let
   * it read `_service { sdl }` and `__typename`, nothing else.
   */
  service?: string;
}

export interface ParsedRoles {
  roles: Role[];
  /** Entries that are not a known role (reported, never granted). */
  rejected: string[];
}

const MINISTRY_PREFIX = 'ministry:';

/** `ministry:<CODE>` for a member code. */
export function ministryRole(code: string): MinistryRole {
  return `${MINISTRY_PREFIX}${code}`;
}

function parseRole(entry: string): Role | undefined {
  if (entry === 'procurement' || entry === 'analyst') return entry;
  if (entry.startsWith(MINISTRY_PREFIX) && MEMBER_CODE.test(entry.slice(MINISTRY_PREFIX.length))) return entry as MinistryRole;
  return undefined;
}

/**
 * Reads roles from a claim value: an array of strings or one space-separated
 * string (both are common in identity providers). Anything else is rejected
 * entry by entry, so a typo never grants a role and is still visible in logs.
 */
export function parseRoles(claim: unknown): ParsedRoles {
  if (claim === undefined || claim === null) return { roles: [], rejected: [] };
  const entries: unknown[] = typeof claim === 'string' ? claim.split(/\s+/).filter(Boolean) : Array.isArray(claim) ? claim : [claim];
  const roles: Role[] = [];
  const rejected: string[] = [];
  for (const entry of entries) {
    const role = typeof entry === 'string' ? parseRole(entry.trim()) : undefined;
    if (role === undefined) rejected.push(typeof entry === 'string' ? entry : JSON.stringify(entry));
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, rejected };
}

export function identityOf(subject: string, roles: readonly Role[]): Identity {
  const memberCodes = roles.filter((r): r is MinistryRole => r.startsWith(MINISTRY_PREFIX)).map((r) => r.slice(MINISTRY_PREFIX.length));
  return { subject, roles: [...roles], memberCodes };
}

/** What a caller without a token may do when anonymous read is open for demos: read, as an analyst. */
export const ANONYMOUS_READER: Identity = Object.freeze({ subject: 'anonymous', roles: ['analyst'] as Role[], memberCodes: [], anonymous: true });

const has = (identity: Identity, role: Role): boolean => identity.roles.includes(role);

/** Every known role reads the graph (budgets excepted, see canReadBudget). */
export function canReadGraph(identity: Identity): boolean {
  return identity.roles.length > 0;
}

/** Holdings, requirements, budget and ministry records of `code`: its own ministry only. */
export function canWriteMember(identity: Identity, code: string): boolean {
  return has(identity, ministryRole(code));
}

/** An approval decision on behalf of `code`: its own ministry only. */
export function canRecordApproval(identity: Identity, code: string): boolean {
  return has(identity, ministryRole(code));
}

/** Creating, changing, submitting, placing and delivering joint orders. */
export function canRunOrders(identity: Identity): boolean {
  return has(identity, 'procurement');
}

/** Admitting a member to the registry. */
export function canAdmitMembers(identity: Identity): boolean {
  return has(identity, 'procurement');
}

/** A member's budget: its own ministry and the procurement office. */
export function canReadBudget(identity: Identity, code: string): boolean {
  return has(identity, ministryRole(code)) || has(identity, 'procurement');
}

/**
 * The error for a refused action: FORBIDDEN, naming the action and, for a
 * member's data, `extensions.country`.
 */
export function forbidden(action: string, country?: string): GraphQLError {
  const whose = country ? ` for member ${country}` : '';
  return graphqlError(`Not allowed to ${action}${whose}`, { code: ErrorCode.FORBIDDEN, ...(country ? { country } : {}) });
}

/** Throws `forbidden(action, country)` unless `allowed`. */
export function requirePermission(allowed: boolean, action: string, country?: string): void {
  if (!allowed) throw forbidden(action, country);
}
