import fs from 'node:fs';
import path from 'node:path';
import { normalizeSubgraphSdl } from '../../../lib/graphql/federatedSchema';
import { demoHoldings } from '../seeds/demoData';
import { DEMO_DATA } from '../seeds';
import { ITEM } from '../../../lib/reference/items';
import { startCountryService } from '../service';
import { RunningMember, startMember } from './memberServer';

describe('two members side by side (XK and AL), each on its own database', () => {
  let xk: RunningMember;
  let al: RunningMember;
  beforeAll(async () => {
    [xk, al] = await Promise.all([startMember('XK', { seed: true }), startMember('AL', { seed: true })]);
  });
  afterAll(() => Promise.all([xk?.stop(), al?.stop()]));

  it('serve the same contract', async () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../../schema/country.graphql'), 'utf8');
    for (const member of [xk, al]) {
      const { data } = await member.gql('{ _service { sdl } }');
      expect(normalizeSubgraphSdl(data._service.sdl)).toBe(committed);
    }
  });

  it("each answer only its own member's records", async () => {
    for (const [member, code] of [[xk, 'XK'], [al, 'AL']] as const) {
      const { data } = await member.gql(`{ ministry(country: "${code}") { name } holdings(country: "${code}") { countryCode } requirements(country: "${code}") { countryCode } }`);
      expect(data.ministry.name).toBe(DEMO_DATA[code].ministry.name);
      expect(data.holdings).toHaveLength(demoHoldings(DEMO_DATA[code].formations).length);
      expect(new Set([...data.holdings, ...data.requirements].map((r: { countryCode: string }) => r.countryCode))).toEqual(new Set([code]));
    }
  });

  it("never see each other's writes, even for the same row id", async () => {
    const recorded = await xk.gql(
      'mutation($i: RecordHoldingInput!) { recordHolding(country: "XK", input: $i) { id } }',
      { i: { nsn: ITEM.SWITCHBLADE, quantity: 7, unit: 'KSF Rapid Reaction Brigade', status: 'RESERVE' } },
    );
    const { id } = recorded.data.recordHolding;
    expect((await xk.gql(`{ holding(country: "XK", id: "${id}") { quantity } }`)).data.holding).toEqual({ quantity: 7 });
    // The same id at Albania names Albania's own row, or none.
    const atAlbania = (await al.gql(`{ holding(country: "AL", id: "${id}") { unit countryCode } }`)).data.holding;
    expect(atAlbania === null || (atAlbania.countryCode === 'AL' && atAlbania.unit !== 'KSF Rapid Reaction Brigade')).toBe(true);
    const switchbladesAtAlbania = (await al.gql('{ holdings(country: "AL", category: "UNMANNED") { item { nsn } } }')).data.holdings;
    expect(switchbladesAtAlbania.filter((h: { item: { nsn: string } }) => h.item.nsn === ITEM.SWITCHBLADE)).toEqual([]);
    // And Kosovo's service will not even look up Albania's holding.
    const refused = await xk.gql('query($r: [_Any!]!) { _entities(representations: $r) { ... on Holding { id } } }', { r: [{ __typename: 'Holding', countryCode: 'AL', id }] });
    expect(refused.errors?.[0].extensions).toEqual({ code: 'WRONG_MEMBER', country: 'AL' });
  });

  it("refuse to start on another member's database", async () => {
    await expect(startCountryService({ member: 'AL', databaseUrl: xk.database.url })).rejects.toThrow(/holds records of member XK; refusing to serve member AL/);
  });
});
