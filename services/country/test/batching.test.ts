import { Holding, Requirement } from '../entities';
import { ITEM } from '../../../lib/reference/items';
import { HoldingStatus, Priority, RequirementStatus } from '../types/enums';
import { RunningMember, startMember } from './memberServer';

// Nested lists are filtered to a few rows each, so the response stays small while every loader is exercised.
const ENTITIES_WITH_NESTED_FIELDS = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Holding { id quantity item { nsn } country { code ministry { name } holdings(category: "VEHICLES") { id }
                   requirements(priority: CRITICAL) { id } budget(year: 2026) { procurement { amount } } budgets { year } } }
  ... on Requirement { id status country { code ministry { name } requirements(status: WITHDRAWN) { id } } }
  ... on Country { code holdings(category: "ANTI_ARMOUR") { id } budget(year: 2025) { year } }
} }`;

describe('batching: _entities costs a constant number of SQL statements', () => {
  let xk: RunningMember;
  let holdingIds: string[];
  let requirementIds: string[];

  beforeAll(async () => {
    xk = await startMember('XK', { seed: true });
    // Enough records that 500 representations each name a different row.
    const { dataSource } = xk.service;
    for (let batch = 0; batch < 5; batch++) {
      await dataSource.getRepository(Holding).insert(
        Array.from({ length: 100 }, (_, i) => ({
          countryCode: 'XK', nsn: ITEM.IFAK, category: 'MEDICAL', quantity: 10 + i, unit: `Test Company ${batch}-${i}`, status: HoldingStatus.RESERVE, natoStandard: true,
        })),
      );
      await dataSource.getRepository(Requirement).insert(
        Array.from({ length: 100 }, (_, i) => ({
          countryCode: 'XK', nsn: ITEM.TOURNIQUET, quantity: 100 + i, priority: Priority.LOW, neededBy: '2027-01-01', status: RequirementStatus.SUBMITTED, justification: null, reference: `TEST-${batch}-${i}`,
        })),
      );
    }
    holdingIds = (await dataSource.getRepository(Holding).find({ select: { id: true }, order: { id: 'ASC' } })).map((h) => String(h.id));
    requirementIds = (await dataSource.getRepository(Requirement).find({ select: { id: true }, order: { id: 'ASC' } })).map((r) => String(r.id));
  });
  afterAll(() => xk?.stop());

  /** N representations, a third of each entity type, every one a different record. */
  function representations(n: number): Record<string, string>[] {
    return Array.from({ length: n }, (_, i): Record<string, string> =>
      i % 3 === 0
        ? { __typename: 'Holding', countryCode: 'XK', id: holdingIds[i] }
        : i % 3 === 1
          ? { __typename: 'Requirement', countryCode: 'XK', id: requirementIds[i] }
          : { __typename: 'Country', code: 'XK' },
    );
  }

  async function statementsFor(n: number): Promise<number> {
    xk.service.statements.reset();
    const { data, errors } = await xk.gql(ENTITIES_WITH_NESTED_FIELDS, { r: representations(n) });
    expect(errors).toBeUndefined();
    expect(data._entities).toHaveLength(n);
    expect(data._entities.every((entity: unknown) => entity !== null)).toBe(true);
    return xk.service.statements.count;
  }

  it('resolves 500 representations with nested fields in as many statements as 5', async () => {
    const forFive = await statementsFor(5);
    const forFiveHundred = await statementsFor(500);
    expect(forFiveHundred).toBe(forFive);
    // At most one query per loader and depth of the query: rows by id, ministry, filtered lists, budget by year, budgets.
    expect(forFiveHundred).toBeLessThanOrEqual(10);
    console.log(`_entities with nested fields: 5 representations → ${forFive} SQL statements; 500 → ${forFiveHundred}`);
  });

  it('reads the rows of 500 representations with one IN (...) query per entity type', async () => {
    await statementsFor(500);
    const byId = xk.service.statements.recorded.filter((sql) => /\bIN \(/i.test(sql) && /"?`?id`?"? IN/i.test(sql));
    expect(byId.filter((sql) => /holding/i.test(sql))).toHaveLength(1);
    expect(byId.filter((sql) => /requirement/i.test(sql))).toHaveLength(1);
  });
});
