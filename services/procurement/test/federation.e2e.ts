/**
 * What the gateway asks of this subgraph: its SDL, and entities by key.
 * Also proves the reads batch: a page of orders with every nested field costs
 * the same number of SQL statements however many orders it holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalizeSubgraphSdl } from '../../../lib/graphql/federatedSchema';
import { DEMO_DAY } from './procurementTestkit';
import { startTestProcurement, TestProcurement } from './procurementTestkit';
import { draftOrder } from './orderSteps';

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on Country { code name membership totalSavings { amount } }
  ... on CatalogItem { nsn name priceTiers { minQuantity } }
  ... on JointOrder { reference status }
  ... on Requirement { countryCode id allocations { quantity order { reference } } }
} }`;

const EVERYTHING = `query($status: JointOrderStatus) { jointOrders(status: $status) {
  reference status totalValue { amount } individualValue { amount } savings { amount } leadTimeDays estimated
  leadNation { code } createdBy { name } participants { code name }
  savingsByCountry { country { code } committed { amount } savings { amount } }
  lines { quantity unitPrice { amount } value { amount } item { name priceTiers { minQuantity unitPrice { amount } } }
    allocations { quantity cost { amount } individualCost { amount } savings { amount } country { name } requirement { id } deliveredQuantity } deliveries { id } }
  approvals { decision country { code } } currentApprovals { decision } lastRejection { comment }
  deliveries { quantity late country { code } line { item { nsn } } }
  plan { reference approvedBy { code } awaiting { code } versions { version } approvals { country { code } } }
} }`;

describe('the procurement subgraph under a gateway', () => {
  let p: TestProcurement;
  beforeAll(async () => {
    p = await startTestProcurement('federation', { today: DEMO_DAY, seed: true });
  });
  afterAll(async () => p?.stop());

  it('reports the committed SDL as its _service sdl', async () => {
    const { _service } = await p.query(`{ _service { sdl } }`);
    const committed = fs.readFileSync(path.resolve(__dirname, '../../../schema/procurement.graphql'), 'utf8');
    expect(normalizeSubgraphSdl(_service.sdl)).toBe(committed);
  });

  it('resolves each entity by its key, and an unknown key to null', async () => {
    const { jointOrders } = await p.query(`{ jointOrders(status: DRAFT) { id reference lines { allocations { id country { code } } } } }`);
    const draft = jointOrders[0];
    const xkAllocation = draft.lines[0].allocations.find((a: any) => a.country.code === 'XK');
    // XK shares its requirement 17 for the line's item, then links its allocation to it.
    const { jointOrder: order } = await p.query(`query($id: ID!) { jointOrder(id: $id) { lines { item { nsn } } } }`, { id: draft.id });
    await p.query(`mutation($r: [SharedRequirementInput!]!) { shareRequirements(country: "XK", requirements: $r) { id } }`, {
      r: [{ id: '17', reference: 'XK-REQ-017', nsn: order.lines[0].item.nsn, quantity: 2000, neededBy: '2027-03-31', status: 'SUBMITTED' }],
    });
    await p.query(`mutation($a: ID!) { updateAllocation(country: "XK", allocationId: $a, requirementId: "17") { id } }`, { a: xkAllocation.id });

    const { _entities } = await p.query(ENTITIES, {
      r: [
        { __typename: 'Country', code: 'XK' },
        { __typename: 'Country', code: 'ZZ' },
        { __typename: 'CatalogItem', nsn: '1410-01-458-4218' },
        { __typename: 'JointOrder', id: draft.id },
        { __typename: 'JointOrder', id: '987654' },
        { __typename: 'Requirement', countryCode: 'XK', id: '17' },
        { __typename: 'Requirement', countryCode: 'AL', id: '17' },
      ],
    });
    expect(_entities[0]).toMatchObject({ __typename: 'Country', code: 'XK', name: 'Kosovo', membership: 'MEMBER' });
    expect(_entities[1]).toBeNull();
    expect(_entities[2]).toMatchObject({ nsn: '1410-01-458-4218', name: 'FGM-148F Javelin Missile', priceTiers: [{ minQuantity: 1 }, { minQuantity: 50 }, { minQuantity: 150 }, { minQuantity: 400 }] });
    expect(_entities[3]).toEqual({ __typename: 'JointOrder', reference: draft.reference, status: 'DRAFT' });
    expect(_entities[4]).toBeNull();
    // What procurement knows of a requirement: the allocations serving it (none for AL's requirement 17).
    expect(_entities[5]).toEqual({ __typename: 'Requirement', countryCode: 'XK', id: '17', allocations: [{ quantity: 1500, order: { reference: draft.reference } }] });
    expect(_entities[6]).toEqual({ __typename: 'Requirement', countryCode: 'AL', id: '17', allocations: [] });

    const { jointOrder } = await p.query(`query($id: ID!) { jointOrder(id: $id) { lines { allocations { country { code } requirement { countryCode id } } } } }`, { id: draft.id });
    expect(jointOrder.lines[0].allocations.find((a: any) => a.country.code === 'XK').requirement).toEqual({ countryCode: 'XK', id: '17' });
  });

  it('answers every order with every nested field in no more SQL statements than one order', async () => {
    p.service.statements.reset();
    const one = await p.query(EVERYTHING, { status: 'DELIVERING' });
    const forOne = p.service.statements.count;
    for (let i = 0; i < 8; i++) await draftOrder(p, { offerExpiresOn: '2027-03-31' });
    p.service.statements.reset();
    const all = await p.query(EVERYTHING, {});
    const forAll = p.service.statements.count;
    expect(one.jointOrders).toHaveLength(1);
    expect(all.jointOrders).toHaveLength(12);
    // One statement per kind of row and level of the query, whatever the number of orders. (A single
    // order can even take a statement more: its rows arrive in different waves than the whole page's.)
    expect(forAll).toBeLessThanOrEqual(forOne);
    expect(forOne).toBeLessThanOrEqual(16);
  });
});
