/**
 * Test helpers for the country subgraph: a real member service on a throwaway
 * database (MariaDB with TEST_DATABASE_URL, else SQLite), spoken to over HTTP.
 */
import type { DataSource } from 'typeorm';
import { demoCalendar } from '../../../lib/reference/demoCalendar';
import { createTestDatabase, TestDatabase } from '../../../test/testkit/database';
import { rememberSignatureTarget, signedGraphQL } from '../../../test/testkit/signedFetch';
import { COUNTRY_ENTITIES } from '../entities';
import { CountryService, CountryServiceOptions, startCountryService } from '../service';

/** The demo day these tests seed on: its records are dated from it (lib/reference/demoCalendar.ts). */
export const DEMO_DAY = '2026-10-01';
export const DEMO_CALENDAR = demoCalendar(DEMO_DAY);
export const demoClock = (): Date => new Date(`${DEMO_DAY}T10:00:00Z`);

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; country?: string; field?: string; fields?: string[]; [key: string]: unknown };
}

export interface GraphQLBody {
  // Test answers are read by shape; `any` keeps the assertions readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: GraphQLErrorBody[];
}

export interface RunningMember {
  service: CountryService;
  database: TestDatabase;
  /** POSTs one operation to the member's /graphql. */
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody>;
  stop(): Promise<void>;
}

export async function postGraphQL(url: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLBody> {
  const response = await signedGraphQL(url, query, variables);
  return (await response.json()) as GraphQLBody;
}

export async function startMember(
  member: string,
  options: Omit<CountryServiceOptions, 'member' | 'databaseUrl'> & { database?: TestDatabase } = {},
): Promise<RunningMember> {
  const database = options.database ?? (await createTestDatabase(`country_${member}`));
  let service: CountryService;
  try {
    // Seeded on the fixed demo day, so dated demo records can be compared.
    service = await startCountryService({ now: demoClock, ...options, member, databaseUrl: database.url });
    rememberSignatureTarget(service.url, member);
  } catch (error) {
    if (!options.database) await database.drop();
    throw error;
  }
  return {
    service,
    database,
    gql: (query, variables) => postGraphQL(service.url, query, variables),
    stop: async () => {
      await service.stop();
      await database.drop();
    },
  };
}

/** Every row of every table, for "nothing was written" checks. */
export async function snapshotDatabase(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const entity of COUNTRY_ENTITIES) {
    const metadata = dataSource.getMetadata(entity);
    const order = Object.fromEntries(metadata.primaryColumns.map((column) => [column.propertyName, 'ASC']));
    snapshot[metadata.tableName] = (await dataSource.getRepository(entity).find({ order })).map((row) => JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
  }
  return snapshot;
}

/** The one error of a response; fails when there is none or more than one. */
export function onlyError(body: GraphQLBody): GraphQLErrorBody {
  if (body.errors?.length !== 1) throw new Error(`Expected exactly one error, got: ${JSON.stringify(body)}`);
  return body.errors[0];
}
