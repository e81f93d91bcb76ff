/**
 * Catalogue maintenance through the gateway: the procurement office changes
 * an item's price tiers from a later day on; orders opened before keep the
 * tiers they were opened with, orders opened from that day take the new
 * ones, and every version stays queryable with who changed it, when and why.
 */
import { ITEM } from '../../lib/reference/items';
import { sql } from '../../gateway/test/support';
import { day, federationForFile, noonOn, TODAY } from './domainFederation';

let now = noonOn(TODAY);
const suite = federationForFile(['XK', 'AL', 'HR'], () => now);
const { ask } = suite;

const CHANGE = `mutation($nsn: ID!, $from: LocalDate!, $tiers: [PriceTierInput!]!) {
  changePriceTiers(nsn: $nsn, effectiveFrom: $from, tiers: $tiers, reason: "North American Rescue price list of 1 October") {
    nsn priceVersions { version effectiveFrom changedBy reason tiers { minQuantity unitPrice { amount } leadTimeDays } }
  }
}`;
const NEW_TIERS = [
  { minQuantity: 1, unitPrice: '130.00', leadTimeDays: 60 },
  { minQuantity: 2000, unitPrice: '115.00', leadTimeDays: 45 },
  { minQuantity: 10000, unitPrice: '105.00', leadTimeDays: 45 },
];
const ORDERS = `{ jointOrders { reference status totalValue { amount } savings { amount } lines { item { nsn } unitPrice { amount } tier { minQuantity unitPrice { amount } } } } }`;
const versionCount = async () => Number((await sql(suite.federation.procurement.service.dataSource, 'SELECT COUNT(*) AS n FROM price_version'))[0].n);

describe('a price change', () => {
  let before: any;

  it('is refused from today or earlier, with tiers out of order, and for a ministry, writing nothing', async () => {
    const count = await versionCount();
    const refused = async (variables: Record<string, unknown>, as?: any) => (await suite.federation.query(CHANGE, { nsn: ITEM.IFAK, from: day(1), tiers: NEW_TIERS, ...variables }, as ? { as } : undefined)).errors?.[0]?.extensions;
    expect(await refused({ from: TODAY })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveFrom' });
    expect(await refused({ from: day(-1) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveFrom' });
    expect(await refused({ tiers: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tiers' });
    expect(await refused({ tiers: [NEW_TIERS[0], { ...NEW_TIERS[1], minQuantity: 1 }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tiers[1].minQuantity' });
    expect(await refused({ tiers: [{ ...NEW_TIERS[0], unitPrice: '1.5e2' }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tiers[0].unitPrice' });
    expect(await refused({ tiers: [{ ...NEW_TIERS[0], leadTimeDays: 0 }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tiers[0].leadTimeDays' });
    expect(await refused({ nsn: '0000-00-000-0000' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused({ tiers: [{ minQuantity: 5, unitPrice: '130.00', leadTimeDays: 60 }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tiers[0].minQuantity' });
    expect(await refused({ tiers: [NEW_TIERS[0], NEW_TIERS[2], NEW_TIERS[1]] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tiers[2].minQuantity' });
    expect(await refused({ tiers: [{ ...NEW_TIERS[0], unitPrice: '0.00' }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tiers[0].unitPrice' });
    expect(await refused({}, 'ministry:XK')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await versionCount()).toBe(count);
  });

  it('adds a version, from a later day, to the audit trail; the earlier one stays', async () => {
    before = await ask(ORDERS);
    // The demo's draft of casualty care kits holds 10,500 IFAKs at the 10,000 tier: the order the change must not reach.
    const ifakLines = before.jointOrders.flatMap((o: any) => (o.status === 'DRAFT' ? o.lines : [])).filter((l: any) => l.item.nsn === ITEM.IFAK);
    expect(ifakLines).toEqual([expect.objectContaining({ unitPrice: { amount: '96.25' }, tier: { minQuantity: 10000, unitPrice: { amount: '96.25' } } })]);
    const { changePriceTiers } = await ask(CHANGE, { nsn: ITEM.IFAK, from: day(1), tiers: NEW_TIERS });
    expect(changePriceTiers.priceVersions).toEqual([
      {
        version: 1,
        effectiveFrom: '1970-01-01',
        changedBy: 'catalogue',
        reason: "The catalogue's tiers as loaded",
        tiers: [
          { minQuantity: 1, unitPrice: { amount: '118.00' }, leadTimeDays: 60 },
          { minQuantity: 2000, unitPrice: { amount: '104.50' }, leadTimeDays: 45 },
          { minQuantity: 10000, unitPrice: { amount: '96.25' }, leadTimeDays: 45 },
        ],
      },
      {
        version: 2,
        effectiveFrom: day(1),
        changedBy: expect.stringContaining('procurement'),
        reason: 'North American Rescue price list of 1 October',
        tiers: NEW_TIERS.map(({ minQuantity, unitPrice, leadTimeDays }) => ({ minQuantity, unitPrice: { amount: unitPrice }, leadTimeDays })),
      },
    ]);
    // Still today: the catalogue quotes the tiers in effect today.
    const { catalogItem } = await ask(`query($nsn: ID!) { catalogItem(nsn: $nsn) { priceTiers { unitPrice { amount } } } }`, { nsn: ITEM.IFAK });
    expect(catalogItem.priceTiers.map((t: any) => t.unitPrice.amount)).toEqual(['118.00', '104.50', '96.25']);
  });

  it('leaves the orders opened before it at their prices, and prices orders opened from its day on with the new tiers', async () => {
    now = noonOn(day(2));
    expect(await ask(ORDERS)).toEqual(before);
    const { catalogItem } = await ask(`query($nsn: ID!) { catalogItem(nsn: $nsn) { priceTiers { unitPrice { amount } } } }`, { nsn: ITEM.IFAK });
    expect(catalogItem.priceTiers.map((t: any) => t.unitPrice.amount)).toEqual(['130.00', '115.00', '105.00']);

    const { createJointOrder } = await ask(
      `mutation($input: CreateJointOrderInput!) { createJointOrder(country: "XK", input: $input) { id } }`,
      { input: { title: 'First-aid kits, second tranche', supplier: 'North American Rescue', caseReference: 'XK-B-ZFA', model: 'COORDINATED_NATIONAL', offerExpiresOn: day(90) } },
    );
    const { addOrderLine } = await ask(`mutation($order: ID!, $nsn: ID!) { addOrderLine(country: "XK", orderId: $order, nsn: $nsn) { id } }`, { order: createJointOrder.id, nsn: ITEM.IFAK });
    await ask(`mutation($line: ID!) { allocate(country: "XK", lineId: $line, quantity: 2500) { id } }`, { line: addOrderLine.id });
    const { jointOrder } = await ask(`query($id: ID!) { jointOrder(id: $id) { totalValue { amount } lines { unitPrice { amount } } } }`, { id: createJointOrder.id });
    expect(jointOrder).toEqual({ totalValue: { amount: '287500.00' }, lines: [{ unitPrice: { amount: '115.00' } }] }); // 2,500 at the new 2,000 tier
  });
});
