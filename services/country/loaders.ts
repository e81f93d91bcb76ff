/**
 * Per-request batching: however many entities or nested fields a request
 * resolves, each loader issues one SQL query per batch (`IN (...)` for keys,
 * OR-ed filters for lists). Every query is scoped to the served member.
 */
import DataLoader from 'dataloader';
import { DataSource, FindOptionsOrder, FindOptionsWhere, In, ObjectLiteral, Repository } from 'typeorm';
import { Budget, Holding, Ministry, Requirement } from './entities';
import { Priority, RequirementStatus } from './types/enums';

type MemberRow = ObjectLiteral & { countryCode: string };

export interface HoldingFilter {
  category?: string;
}

export interface RequirementFilter {
  status?: RequirementStatus;
  priority?: Priority;
}

export interface CountryLoaders {
  holding: DataLoader<number, Holding | null>;
  requirement: DataLoader<number, Requirement | null>;
  budget: DataLoader<number, Budget | null>;
  holdings: DataLoader<HoldingFilter, Holding[], string>;
  requirements: DataLoader<RequirementFilter, Requirement[], string>;
  budgets: () => Promise<Budget[]>;
  ministry: () => Promise<Ministry | null>;
}

/** Rows by a unique column (`id`, `year`): one `IN (...)` query per batch. */
function byKey<Row extends MemberRow, Key extends number>(repository: Repository<Row>, member: string, column: keyof Row & string) {
  return new DataLoader<Key, Row | null>(
    async (keys) => {
      const rows = await repository.findBy({ countryCode: member, [column]: In([...keys]) } as FindOptionsWhere<Row>);
      const found = new Map(rows.map((row) => [row[column] as Key, row]));
      return keys.map((key) => found.get(key) ?? null);
    },
    { maxBatchSize: 1000 },
  );
}

function definedEntries(filter: object): [string, unknown][] {
  return Object.entries(filter)
    .filter(([, value]) => value !== undefined && value !== null)
    .sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Filtered lists (`holdings(category:)`, `requirements(status:, priority:)`):
 * the distinct filters of a batch become one query whose WHERE ORs them, and
 * each filter then takes its matching rows.
 */
function filteredList<Row extends MemberRow, Filter extends object>(
  repository: Repository<Row>,
  member: string,
  order: FindOptionsOrder<Row>,
) {
  return new DataLoader<Filter, Row[], string>(
    async (filters) => {
      const conditions = filters.map((filter) => ({ ...Object.fromEntries(definedEntries(filter)), countryCode: member }));
      const rows = await repository.find({ where: conditions as FindOptionsWhere<Row>[], order });
      return filters.map((filter) => {
        const wanted = definedEntries(filter);
        return rows.filter((row) => wanted.every(([field, value]) => row[field] === value));
      });
    },
    { cacheKeyFn: (filter) => JSON.stringify(definedEntries(filter)) },
  );
}

/** A value loaded at most once per request, however many fields ask for it. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= load());
}

export function createLoaders(dataSource: DataSource, member: string): CountryLoaders {
  const holdings = dataSource.getRepository(Holding);
  const requirements = dataSource.getRepository(Requirement);
  const budgets = dataSource.getRepository(Budget);
  return {
    holding: byKey(holdings, member, 'id'),
    requirement: byKey(requirements, member, 'id'),
    budget: byKey(budgets, member, 'year'),
    holdings: filteredList<Holding, HoldingFilter>(holdings, member, { id: 'ASC' }),
    requirements: filteredList<Requirement, RequirementFilter>(requirements, member, { id: 'ASC' }),
    budgets: once(() => budgets.find({ where: { countryCode: member }, order: { year: 'ASC' } })),
    ministry: once(() => dataSource.getRepository(Ministry).findOneBy({ countryCode: member })),
  };
}
