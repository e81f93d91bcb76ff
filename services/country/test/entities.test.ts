import fs from 'node:fs';
import path from 'node:path';
import { normalizeSubgraphSdl } from '../../../lib/graphql/federatedSchema';
import { MEMBERS } from '../../../lib/reference/members';
import { DEMO_DATA } from '../seeds';
import { DEMO_CALENDAR, RunningMember, startMember } from './memberServer';

describe('the _entities contract of a member service (XK, demo records)', () => {
  let xk: RunningMember;
  let holdingIds: string[];
  let requirementIds: string[];
  beforeAll(async () => {
    xk = await startMember('XK', { seed: true });
    holdingIds = (await xk.gql('{ holdings(country: "XK") { id } }')).data.holdings.map((h: { id: string }) => h.id);
    requirementIds = (await xk.gql('{ requirements(country: "XK") { id } }')).data.requirements.map((r: { id: string }) => r.id);
  });
  afterAll(() => xk?.stop());

  it("resolves Country by code with the member's own fields", async () => {
    const { data, errors } = await xk.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Country {
        code ministry { name } holdings(category: "ANTI_ARMOUR") { category } requirements(priority: CRITICAL) { priority }
        budget(year: 2027) { procurement { amount currency } } budgets { year } } } }`,
      { r: [{ __typename: 'Country', code: 'XK' }] },
    );
    expect(errors).toBeUndefined();
    const [country] = data._entities;
    expect(country.code).toBe('XK');
    expect(country.ministry).toEqual({ name: DEMO_DATA.XK.ministry.name });
    expect(country.holdings.length).toBeGreaterThan(0);
    expect(country.holdings.every((h: { category: string }) => h.category === 'ANTI_ARMOUR')).toBe(true);
    expect(country.requirements).toHaveLength(DEMO_DATA.XK.requirements.filter((r) => r.priority === 'CRITICAL').length);
    expect(country.budget).toEqual({ procurement: { amount: DEMO_DATA.XK.budgets[2].procurement, currency: MEMBERS.find((m) => m.code === 'XK')!.budgetCurrency } });
    expect(country.budgets.map((b: { year: number }) => b.year)).toEqual([2025, 2026, 2027]);
  });

  it('resolves Holdings by (countryCode, id) in the order asked, null for ids the member does not have', async () => {
    const asked = [holdingIds[5], '999999', holdingIds[0], 'x-1', holdingIds[5]];
    const { data, errors } = await xk.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Holding { id countryCode quantity unit status natoStandard category item { nsn } country { code } } } }`,
      { r: asked.map((id) => ({ __typename: 'Holding', countryCode: 'XK', id })) },
    );
    expect(errors).toBeUndefined();
    expect(data._entities.map((e: { id: string } | null) => e?.id ?? null)).toEqual([holdingIds[5], null, holdingIds[0], null, holdingIds[5]]);
    const direct = (await xk.gql(`{ holding(country: "XK", id: "${holdingIds[5]}") { id countryCode quantity unit status natoStandard category item { nsn } country { code } } }`)).data.holding;
    expect(data._entities[0]).toEqual(direct);
  });

  it('resolves Requirements by (countryCode, id), with their country and item references', async () => {
    const { data, errors } = await xk.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Requirement { id countryCode priority neededBy status item { nsn } country { code ministry { minister } } } } }`,
      { r: [...requirementIds.slice(0, 2), '0'].map((id) => ({ __typename: 'Requirement', countryCode: 'XK', id })) },
    );
    expect(errors).toBeUndefined();
    const [first, second, missing] = data._entities;
    expect(first).toEqual({
      id: requirementIds[0],
      countryCode: 'XK',
      priority: DEMO_DATA.XK.requirements[0].priority,
      neededBy: DEMO_CALENDAR.day(DEMO_DATA.XK.requirements[0].neededIn),
      status: DEMO_DATA.XK.requirements[0].status,
      item: { nsn: DEMO_DATA.XK.requirements[0].nsn },
      country: { code: 'XK', ministry: { minister: DEMO_DATA.XK.ministry.minister } },
    });
    expect(second.id).toBe(requirementIds[1]);
    expect(missing).toBeNull();
  });

  it('reports the committed contract as its _service SDL', async () => {
    const { data } = await xk.gql('{ _service { sdl } }');
    expect(normalizeSubgraphSdl(data._service.sdl)).toBe(fs.readFileSync(path.resolve(__dirname, '../../../schema/country.graphql'), 'utf8'));
  });
});
