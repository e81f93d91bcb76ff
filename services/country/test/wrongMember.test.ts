import { ITEM } from '../../../lib/reference/items';
import { RunningMember, snapshotDatabase, startMember } from './memberServer';

/** Every root field, addressed to Albania; inputs are valid, so only the member is wrong. */
const ADDRESSED_TO_AL: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  ministry: { query: '{ ministry(country: "AL") { name } }' },
  holdings: { query: '{ holdings(country: "AL") { id } }' },
  holding: { query: '{ holding(country: "AL", id: "1") { id } }' },
  requirements: { query: '{ requirements(country: "AL") { id } }' },
  requirement: { query: '{ requirement(country: "AL", id: "1") { id } }' },
  budget: { query: '{ budget(country: "AL", year: 2026) { year } }' },
  budgets: { query: '{ budgets(country: "AL") { year } }' },
  recordHolding: {
    query: 'mutation($c: ID!, $i: RecordHoldingInput!) { recordHolding(country: $c, input: $i) { id } }',
    variables: { c: 'AL', i: { nsn: ITEM.M4A1, quantity: 5, unit: 'Commando Regiment', status: 'OPERATIONAL' } },
  },
  updateHolding: { query: 'mutation { updateHolding(country: "AL", id: "1", input: { quantity: 3 }) { id } }' },
  createRequirement: {
    query: 'mutation($i: CreateRequirementInput!) { createRequirement(country: "AL", input: $i) { id } }',
    variables: { i: { nsn: ITEM.PVS_31, quantity: 5, priority: 'LOW', neededBy: '2027-01-01' } },
  },
  updateRequirement: { query: 'mutation { updateRequirement(country: "AL", id: "1", input: { quantity: 3 }) { id } }' },
  setBudget: {
    query: 'mutation { setBudget(country: "AL", input: { year: 2026, defenceTotal: "1.00", procurement: "0.50", currency: "ALL" }) { year } }',
  },
  setMinistry: { query: 'mutation { setMinistry(country: "AL", input: { name: "x", minister: "y", headquarters: "z" }) { name } }' },
};

describe('a member service refuses what is addressed to another member (WRONG_MEMBER)', () => {
  let xk: RunningMember;
  beforeAll(async () => {
    xk = await startMember('XK', { seed: true });
  });
  afterAll(() => xk?.stop());

  it.each(Object.entries(ADDRESSED_TO_AL))('refuses %s for AL, naming the member, and writes nothing', async (field, { query, variables }) => {
    const before = await snapshotDatabase(xk.service.dataSource);
    const body = await xk.gql(query, variables);
    expect(body.data).toEqual({ [field]: null });
    expect(body.errors).toEqual([expect.objectContaining({ path: [field], extensions: { code: 'WRONG_MEMBER', country: 'AL' } })]);
    expect(await snapshotDatabase(xk.service.dataSource)).toEqual(before);
  });

  it('refuses a mutation addressed to another member even when its input is invalid: the member is checked first', async () => {
    const body = await xk.gql('mutation { updateHolding(country: "HR", id: "1", input: { quantity: -1 }) { id } }');
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['WRONG_MEMBER']);
  });

  it('refuses each _entities representation of another member and still resolves its own', async () => {
    const body = await xk.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Country { code } ... on Holding { id } ... on Requirement { id } } }`,
      {
        r: [
          { __typename: 'Country', code: 'AL' },
          { __typename: 'Holding', countryCode: 'HR', id: '1' },
          { __typename: 'Requirement', countryCode: 'BG', id: '1' },
          { __typename: 'Country', code: 'XK' },
          { __typename: 'Holding', countryCode: 'XK', id: '1' },
        ],
      },
    );
    expect(body.data._entities).toEqual([null, null, null, { code: 'XK' }, { id: '1' }]);
    expect(body.errors?.map((e) => ({ path: e.path, ...e.extensions }))).toEqual([
      { path: ['_entities', 0], code: 'WRONG_MEMBER', country: 'AL' },
      { path: ['_entities', 1], code: 'WRONG_MEMBER', country: 'HR' },
      { path: ['_entities', 2], code: 'WRONG_MEMBER', country: 'BG' },
    ]);
  });
});
