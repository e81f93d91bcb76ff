/** An order line's tier and the next one: what adding units would save, through the graph, over HTTP. */
import { startTestProcurement, TestProcurement } from './procurementTestkit';
import { addLine, allocate, createOrder, draftOrder, NSN, placedOrder } from './orderSteps';

const LINE_TIERS = `query($id: ID!) { jointOrder(id: $id) { lines {
  quantity unitPrice { amount currency }
  tier { minQuantity unitPrice { amount } }
  nextTier { tier { minQuantity unitPrice { amount currency } } unitsMissing savingsOnCurrentQuantity { amount currency } additionalCost { amount currency } }
} } }`;

describe('an order line: the tier reached and the next one', () => {
  let procurement: TestProcurement;
  beforeAll(async () => {
    procurement = await startTestProcurement('linetiers', { today: '2026-06-01' });
  });
  afterAll(async () => procurement?.stop());

  const linesOf = async (id: string) => (await procurement.query(LINE_TIERS, { id })).jointOrder.lines;

  it('names the tier 100 + 50 missiles reach and the next (400 at 176,250.00), with exact money', async () => {
    const { orderId } = await draftOrder(procurement, { offerExpiresOn: '2026-12-31' });
    const [line] = await linesOf(orderId);
    expect(line.quantity).toBe(150);
    expect(line.tier).toEqual({ minQuantity: 150, unitPrice: { amount: '184000.00' } });
    expect(line.nextTier).toEqual({
      tier: { minQuantity: 400, unitPrice: { amount: '176250.00', currency: 'USD' } },
      unitsMissing: 250,
      // 150 × (184,000 − 176,250) = 1,162,500.00
      savingsOnCurrentQuantity: { amount: '1162500.00', currency: 'USD' },
      // 400 × 176,250 = 70,500,000 against 150 × 184,000 = 27,600,000
      additionalCost: { amount: '42900000.00', currency: 'USD' },
    });
  });

  it('has no next tier at the highest one', async () => {
    const order = await createOrder(procurement, { participants: ['AL'], offerExpiresOn: '2026-12-31' });
    const lineId = await addLine(procurement, order.id, NSN.javelin);
    await allocate(procurement, lineId, 'XK', 400);
    const [line] = await linesOf(order.id);
    expect(line.tier.minQuantity).toBe(400);
    expect(line.nextTier).toBeNull();
  });

  it('has no next tier once the order is placed: its prices are agreed', async () => {
    const { orderId } = await placedOrder(procurement, { offerExpiresOn: '2026-12-31' });
    const [line] = await linesOf(orderId);
    expect(line.tier.minQuantity).toBe(150);
    expect(line.nextTier).toBeNull();
  });
});
