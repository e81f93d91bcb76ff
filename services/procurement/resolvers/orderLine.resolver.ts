import { Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Money } from '../../../lib/graphql/money.type';
import { pricingDay, tiersOn } from '../catalogue/priceVersions';
import { ProcurementContext } from '../context';
import { Allocation, CatalogItem, Delivery, JointOrder, OrderLine, PriceTier } from '../entities';
import { LineFigures } from '../figures';
import { nextTierStep, tierFor } from '../pricing';
import { DeliveryStatus } from '../types/enums';
import { NextTier } from '../types/nextTier.type';
import { ALLOCATIONS_PER_LINE, DELIVERIES_PER_LINE } from '../listSizes';

async function lineFigures(ctx: ProcurementContext, line: OrderLine): Promise<LineFigures> {
  const figures = await ctx.loaders.figures.load(line.orderId);
  return figures.lines.get(line.id) as LineFigures;
}

/** The line's item tiers at the prices of the day its order was opened (catalogue/priceVersions.ts). */
async function tiersOfLine(ctx: ProcurementContext, line: OrderLine): Promise<PriceTier[]> {
  const [order, versions] = await Promise.all([ctx.loaders.order.load(line.orderId), ctx.loaders.priceVersions.load(line.nsn)]);
  return order ? tiersOn(versions, pricingDay(order)) : ctx.loaders.tiers.load(line.nsn);
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => CatalogItem, { description: 'The catalogue item ordered.' })
  async item(@Root() line: OrderLine, @Ctx() ctx: ProcurementContext): Promise<CatalogItem> {
    return (await ctx.loaders.catalogItem.load(line.nsn)) as CatalogItem;
  }

  @FieldResolver(() => Int, { description: 'The sum of its allocations.' })
  async quantity(@Root() line: OrderLine, @Ctx() ctx: ProcurementContext): Promise<number> {
    return (await lineFigures(ctx, line)).quantity;
  }

  @FieldResolver(() => Money, { description: "The tier price for the line's total quantity (agreed at placement, after that)." })
  async unitPrice(@Root() line: OrderLine, @Ctx() ctx: ProcurementContext): Promise<Money> {
    return Money.of((await lineFigures(ctx, line)).unitPrice, (await ctx.loaders.figures.load(line.orderId)).currency);
  }

  @FieldResolver(() => Money, { description: 'quantity × unitPrice.' })
  async value(@Root() line: OrderLine, @Ctx() ctx: ProcurementContext): Promise<Money> {
    return Money.of((await lineFigures(ctx, line)).value, (await ctx.loaders.figures.load(line.orderId)).currency);
  }

  @FieldResolver(() => Int, { description: "The lead time of the tier the line's quantity reaches." })
  async leadTimeDays(@Root() line: OrderLine, @Ctx() ctx: ProcurementContext): Promise<number> {
    return (await lineFigures(ctx, line)).leadTimeDays;
  }

  @FieldResolver(() => PriceTier, {
    description: "The volume tier the line's total quantity reaches (once the order is placed, unitPrice is the price agreed then, whatever the tiers say now).",
  })
  async tier(@Root() line: OrderLine, @Ctx() ctx: ProcurementContext): Promise<PriceTier> {
    return tierFor(await tiersOfLine(ctx, line), (await lineFigures(ctx, line)).quantity) as PriceTier;
  }

  @FieldResolver(() => NextTier, {
    nullable: true,
    description: "The next volume tier above the line's quantity and what reaching it would save; null at the highest tier, and once the order is placed (its prices are agreed).",
  })
  async nextTier(@Root() line: OrderLine, @Ctx() ctx: ProcurementContext): Promise<NextTier | null> {
    if (line.agreedUnitPriceMinor !== null) return null;
    const { quantity, unitPrice } = await lineFigures(ctx, line);
    const step = nextTierStep(await tiersOfLine(ctx, line), quantity, unitPrice);
    if (step === null) return null;
    const { currency } = await ctx.loaders.figures.load(line.orderId);
    return Object.assign(new NextTier(), {
      tier: step.tier as PriceTier,
      unitsMissing: step.unitsMissing,
      savingsOnCurrentQuantity: Money.of(step.savingsOnCurrentQuantity, currency),
      additionalCost: Money.of(step.additionalCost, currency),
    });
  }

  @Directive(ALLOCATIONS_PER_LINE)
  @FieldResolver(() => [Allocation], { description: 'Each member\'s share of the line, in the order allocated.' })
  async allocations(@Root() line: OrderLine, @Ctx() ctx: ProcurementContext): Promise<Allocation[]> {
    return (await ctx.loaders.allocationsOfOrder.load(line.orderId)).filter((a) => a.lineId === line.id);
  }

  @Directive(DELIVERIES_PER_LINE)
  @FieldResolver(() => [Delivery], { description: 'Shipments of this line, by planned date.' })
  async deliveries(@Root() line: OrderLine, @Ctx() ctx: ProcurementContext): Promise<Delivery[]> {
    return (await ctx.loaders.deliveries.load(line.orderId)).filter((d) => d.lineId === line.id);
  }

  @FieldResolver(() => Int, { description: 'Units delivered so far, all members together.' })
  async deliveredQuantity(@Root() line: OrderLine, @Ctx() ctx: ProcurementContext): Promise<number> {
    const deliveries = await ctx.loaders.deliveries.load(line.orderId);
    return deliveries.filter((d) => d.lineId === line.id && d.status === DeliveryStatus.DELIVERED).reduce((sum, d) => sum + d.quantity, 0);
  }

  @FieldResolver(() => JointOrder, { description: 'The joint order the line belongs to.' })
  async order(@Root() line: OrderLine, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return (await ctx.loaders.order.load(line.orderId)) as JointOrder;
  }
}
