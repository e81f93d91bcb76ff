/**
 * The arithmetic of a joint order, in integer minor units: pick the volume
 * tier for a quantity, price a line on its combined quantity, and each
 * member's share both jointly and as if it had ordered alone. Pure functions,
 * so the savings can be checked by hand.
 */
import { MinorUnits, sumMinor } from '../../lib/money';

export interface Tier {
  minQuantity: number;
  unitPriceMinor: MinorUnits;
  leadTimeDays: number;
}

/**
 * The tier that applies to `quantity`: the one with the highest minQuantity
 * not above it. A quantity below every tier (including 0, an empty line) is
 * priced at the lowest tier, the price of a single unit.
 */
export function tierFor(tiers: readonly Tier[], quantity: number): Tier {
  if (tiers.length === 0) throw new Error('An item without price tiers cannot be priced');
  const ascending = [...tiers].sort((a, b) => a.minQuantity - b.minQuantity);
  let chosen = ascending[0];
  for (const tier of ascending) if (tier.minQuantity <= quantity) chosen = tier;
  return chosen;
}

export interface ShareInput {
  quantity: number;
  /** The stand-alone unit price frozen at placement, if any. */
  agreedIndividualUnitPriceMinor?: MinorUnits | null;
}

export interface SharePrice {
  quantity: number;
  /** quantity × the line's unit price. */
  cost: MinorUnits;
  /** The tier price for this member's quantity alone. */
  individualUnitPrice: MinorUnits;
  /** quantity × individualUnitPrice. */
  individualCost: MinorUnits;
  /** individualCost − cost. */
  savings: MinorUnits;
}

export interface LinePrice {
  quantity: number;
  unitPrice: MinorUnits;
  value: MinorUnits;
  leadTimeDays: number;
  shares: SharePrice[];
}

/**
 * Prices a line from its item's tiers and the members' shares. Once an order
 * is placed the agreed prices are passed in and win over the (possibly
 * changed) tiers.
 */
export function priceLine(tiers: readonly Tier[], shares: readonly ShareInput[], agreedUnitPriceMinor?: MinorUnits | null): LinePrice {
  const quantity = shares.reduce((total, share) => total + share.quantity, 0);
  const lineTier = tierFor(tiers, quantity);
  const unitPrice = agreedUnitPriceMinor ?? lineTier.unitPriceMinor;
  const priced = shares.map((share): SharePrice => {
    const individualUnitPrice = share.agreedIndividualUnitPriceMinor ?? tierFor(tiers, share.quantity).unitPriceMinor;
    const units = BigInt(share.quantity);
    const cost = units * unitPrice;
    const individualCost = units * individualUnitPrice;
    return { quantity: share.quantity, cost, individualUnitPrice, individualCost, savings: individualCost - cost };
  });
  return { quantity, unitPrice, value: BigInt(quantity) * unitPrice, leadTimeDays: lineTier.leadTimeDays, shares: priced };
}

export interface Totals {
  committed: MinorUnits;
  individual: MinorUnits;
  savings: MinorUnits;
}

/** Adds up shares: what they cost jointly, what they would cost alone, and the difference. */
export function totalsOf(shares: readonly SharePrice[]): Totals {
  const committed = sumMinor(shares.map((s) => s.cost));
  const individual = sumMinor(shares.map((s) => s.individualCost));
  return { committed, individual, savings: individual - committed };
}

export interface TierStep {
  /** The next tier above the quantity. */
  tier: Tier;
  /** Units still needed to reach it (its minQuantity − quantity). */
  unitsMissing: number;
  /** quantity × (current unit price − the tier's): what the units already on the line would save at that tier. */
  savingsOnCurrentQuantity: MinorUnits;
  /** The line's value at the threshold and the tier's price minus its value now: the price of reaching the tier. */
  additionalCost: MinorUnits;
}

/**
 * The next tier above `quantity` and what reaching it would change, for a
 * line priced at `unitPrice`; null when no tier lies above the quantity.
 */
export function nextTierStep(tiers: readonly Tier[], quantity: number, unitPrice: MinorUnits): TierStep | null {
  const tier = [...tiers].sort((a, b) => a.minQuantity - b.minQuantity).find((t) => t.minQuantity > quantity);
  if (tier === undefined) return null;
  return {
    tier,
    unitsMissing: tier.minQuantity - quantity,
    savingsOnCurrentQuantity: BigInt(quantity) * (unitPrice - tier.unitPriceMinor),
    additionalCost: BigInt(tier.minQuantity) * tier.unitPriceMinor - BigInt(quantity) * unitPrice,
  };
}
