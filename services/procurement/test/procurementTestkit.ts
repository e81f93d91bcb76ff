/**
 * Starts the real procurement subgraph on a throwaway database (MariaDB when
 * TEST_DATABASE_URL is set, else SQLite) and talks to it over HTTP.
 */
import type { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../test/testkit/database';
import { rememberSignatureTarget, signedGraphQL, identityWith } from '../../../test/testkit/signedFetch';
import { MEMBER_CODE } from '../../../lib/reference/members';
import { ministryRole, type Role } from '../../../lib/security/roles';
import { ProcurementService, startProcurementService } from '../service';

/** The demo day the procurement tests seed on (any day tells the same story; see demoTimeline.e2e.ts). */
export const DEMO_DAY = '2026-10-01';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestProcurement {
  service: ProcurementService;
  /** Sets the service's clock; `day` is "YYYY-MM-DD" (10:00 UTC that day). */
  setToday(day: string): void;
  /** POSTs a GraphQL operation; never throws on GraphQL errors. */
  request<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** POSTs an operation that must succeed and returns its data. */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export async function startTestProcurement(label: string, options: { today?: string; seed?: boolean } = {}): Promise<TestProcurement> {
  const database: TestDatabase = await createTestDatabase(`procurement_${label}`);
  let now = new Date(`${options.today ?? '2026-05-04'}T10:00:00Z`);
  let service: ProcurementService;
  try {
    service = await startProcurementService({ databaseUrl: database.url, seed: options.seed ?? false, now: () => now });
    rememberSignatureTarget(service.url, 'procurement');
  } catch (error) {
    await database.drop();
    throw error;
  }
  const request = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> => {
    const response = await signedGraphQL(service.url, query, variables, { as: actingAs(query, variables) });
    return (await response.json()) as GraphQLResponse<T>;
  };
  return {
    service,
    setToday: (day) => {
      now = new Date(`${day}T10:00:00Z`);
    },
    request,
    query: async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
      const result = await request<T>(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data as T;
    },
    stop: async () => {
      try {
        await service.stop();
      } finally {
        await database.drop();
      }
    },
  };
}

/**
 * These tests are about the workflow, not about who may: they act as the
 * procurement office and as the ministry of every member code their operation
 * names (in its text or variables), so any member, even one admitted during
 * the test, can allocate and decide. Authorization is tested through the
 * gateway, one role at a time (test/security).
 */
function actingAs(query: string, variables: unknown) {
  const codes = new Set<string>([...query.matchAll(/"([A-Z]{2})"/g)].map((m) => m[1]));
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && MEMBER_CODE.test(value)) codes.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(variables);
  return identityWith('procurement', 'analyst', ...[...codes].map((code): Role => ministryRole(code)));
}

export const TABLES = ['member', 'catalog_item', 'joint_order', 'order_participant', 'order_line', 'allocation', 'approval', 'delivery', 'implementation_plan', 'plan_version', 'plan_approval', 'fms_case', 'case_version', 'case_stage_change', 'case_payment', 'exchange_rate', 'requirement_share', 'price_version'];

/** Every row of every procurement table, for "nothing changed" checks. */
export async function databaseSnapshot(dataSource: DataSource): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of TABLES) tables[table] = await dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2`);
  return JSON.stringify(tables);
}

/** The error of a failed operation: its code and the rest of its extensions. */
export function firstError(result: GraphQLResponse): { message: string; code: string; extensions: Record<string, any> } {
  const error = result.errors?.[0];
  if (!error) throw new Error(`Expected an error, got data ${JSON.stringify(result.data)}`);
  return { message: error.message, code: error.extensions?.code, extensions: error.extensions ?? {} };
}
