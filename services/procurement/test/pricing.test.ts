import { parseAmount } from '../../../lib/money';
import { nextTierStep, priceLine, tierFor, Tier, totalsOf } from '../pricing';

// The Javelin missile's tiers from the catalogue, in cents.
const JAVELIN: Tier[] = [
  { minQuantity: 1, unitPriceMinor: parseAmount('216000.00'), leadTimeDays: 540 },
  { minQuantity: 50, unitPriceMinor: parseAmount('197500.00'), leadTimeDays: 480 },
  { minQuantity: 150, unitPriceMinor: parseAmount('184000.00'), leadTimeDays: 450 },
  { minQuantity: 400, unitPriceMinor: parseAmount('176250.00'), leadTimeDays: 450 },
];

describe('tierFor', () => {
  it('takes the tier whose minimum the quantity reaches exactly', () => {
    expect(tierFor(JAVELIN, 150).unitPriceMinor).toBe(18_400_000n);
    expect(tierFor(JAVELIN, 50).unitPriceMinor).toBe(19_750_000n);
  });

  it('stays on the lower tier one unit below a minimum', () => {
    expect(tierFor(JAVELIN, 149).unitPriceMinor).toBe(19_750_000n);
    expect(tierFor(JAVELIN, 49).unitPriceMinor).toBe(21_600_000n);
  });

  it('keeps the top tier for any larger quantity, whatever order the tiers come in', () => {
    expect(tierFor([...JAVELIN].reverse(), 10_000).minQuantity).toBe(400);
  });

  it('prices an empty line at the single-unit tier', () => {
    expect(tierFor(JAVELIN, 0).minQuantity).toBe(1);
  });

  it('refuses an item without tiers instead of pricing it at zero', () => {
    expect(() => tierFor([], 5)).toThrow(/without price tiers/);
  });
});

describe('priceLine', () => {
  it('prices 100 + 50 = 150 missiles at the 150 tier, each member alone at the 50 tier (hand-checked)', () => {
    const line = priceLine(JAVELIN, [{ quantity: 100 }, { quantity: 50 }]);
    expect(line.quantity).toBe(150);
    expect(line.unitPrice).toBe(18_400_000n);
    expect(line.value).toBe(2_760_000_000n); // 150 × 184,000.00 = 27,600,000.00
    expect(line.shares).toEqual([
      // 100 × 184,000 = 18,400,000 jointly; 100 × 197,500 = 19,750,000 alone
      { quantity: 100, cost: 1_840_000_000n, individualUnitPrice: 19_750_000n, individualCost: 1_975_000_000n, savings: 135_000_000n },
      // 50 × 184,000 = 9,200,000 jointly; 50 × 197,500 = 9,875,000 alone
      { quantity: 50, cost: 920_000_000n, individualUnitPrice: 19_750_000n, individualCost: 987_500_000n, savings: 67_500_000n },
    ]);
    expect(totalsOf(line.shares)).toEqual({ committed: 2_760_000_000n, individual: 2_962_500_000n, savings: 202_500_000n });
  });

  it('one missile fewer (149) misses the tier: XK saves nothing, AL (49) still saves against the single-unit price', () => {
    const line = priceLine(JAVELIN, [{ quantity: 100 }, { quantity: 49 }]);
    expect(line.unitPrice).toBe(19_750_000n);
    expect(line.shares.map((s) => s.savings)).toEqual([0n, 90_650_000n]); // 49 × (216,000 − 197,500) = 906,500.00
  });

  it('is exact to the cent: 1,999 + 1 first-aid kits reach the 2,000 tier at $104.50', () => {
    const kits: Tier[] = [
      { minQuantity: 1, unitPriceMinor: 11_800n, leadTimeDays: 60 },
      { minQuantity: 2000, unitPriceMinor: 10_450n, leadTimeDays: 45 },
    ];
    const line = priceLine(kits, [{ quantity: 1999 }, { quantity: 1 }]);
    expect(line.value).toBe(20_900_000n); // 209,000.00
    expect(line.shares.map((s) => [s.cost, s.individualCost, s.savings])).toEqual([
      [20_889_550n, 23_588_200n, 2_698_650n], // 208,895.50 jointly, 235,882.00 alone, 26,986.50 saved
      [10_450n, 11_800n, 1_350n],
    ]);
    expect(line.leadTimeDays).toBe(45);
  });

  it('uses the prices agreed at placement over the current tiers', () => {
    const line = priceLine(JAVELIN, [{ quantity: 10, agreedIndividualUnitPriceMinor: 20_000_000n }], 19_000_000n);
    expect(line.unitPrice).toBe(19_000_000n);
    expect(line.shares[0]).toMatchObject({ cost: 190_000_000n, individualUnitPrice: 20_000_000n, savings: 10_000_000n });
  });
});

describe('nextTierStep', () => {
  it('names the next tier above 120 missiles at 197,500.00, the units missing and what the tier would save (hand-checked)', () => {
    const step = nextTierStep(JAVELIN, 120, parseAmount('197500.00'));
    expect(step?.tier.minQuantity).toBe(150);
    expect(step?.unitsMissing).toBe(30);
    // 120 × (197,500 − 184,000) = 1,620,000.00 on what is already ordered
    expect(step?.savingsOnCurrentQuantity).toBe(162_000_000n);
    // 150 × 184,000 = 27,600,000 against 120 × 197,500 = 23,700,000 now: 3,900,000.00 more
    expect(step?.additionalCost).toBe(390_000_000n);
  });

  it('takes the next tier, not the current one, when the quantity sits exactly on a minimum', () => {
    expect(nextTierStep(JAVELIN, 150, parseAmount('184000.00'))?.tier.minQuantity).toBe(400);
  });

  it('answers null above the highest tier', () => {
    expect(nextTierStep(JAVELIN, 400, parseAmount('176250.00'))).toBeNull();
    expect(nextTierStep([...JAVELIN].reverse(), 1000, parseAmount('176250.00'))).toBeNull();
  });

  it('can cost less in total to reach the tier than to stay below it', () => {
    // 49 × 216,000 = 10,584,000 against 50 × 197,500 = 9,875,000: one more missile, 709,000.00 less in all
    expect(nextTierStep(JAVELIN, 49, parseAmount('216000.00'))?.additionalCost).toBe(-70_900_000n);
  });
});
