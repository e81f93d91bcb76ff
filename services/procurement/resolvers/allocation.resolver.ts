import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Money } from '../../../lib/graphql/money.type';
import { ProcurementContext } from '../context';
import { Allocation, JointOrder, Member, OrderLine } from '../entities';
import { AllocationFigures } from '../figures';
import { DeliveryStatus } from '../types/enums';
import { Requirement } from '../types/requirement.type';

async function shareOf(ctx: ProcurementContext, allocation: Allocation): Promise<{ share: AllocationFigures; currency: string }> {
  const figures = await ctx.loaders.figures.load(allocation.orderId);
  return { share: figures.allocations.get(allocation.id) as AllocationFigures, currency: figures.currency };
}

@Resolver(() => Allocation)
export class AllocationResolver {
  @FieldResolver(() => Member, { description: 'The member whose share it is.' })
  async country(@Root() allocation: Allocation, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return (await ctx.loaders.member.load(allocation.countryCode)) as Member;
  }

  @FieldResolver(() => Money, { description: "quantity × the line's (joint) unit price." })
  async cost(@Root() allocation: Allocation, @Ctx() ctx: ProcurementContext): Promise<Money> {
    const { share, currency } = await shareOf(ctx, allocation);
    return Money.of(share.cost, currency);
  }

  @FieldResolver(() => Money, { description: "The tier price for this member's quantity alone." })
  async individualUnitPrice(@Root() allocation: Allocation, @Ctx() ctx: ProcurementContext): Promise<Money> {
    const { share, currency } = await shareOf(ctx, allocation);
    return Money.of(share.individualUnitPrice, currency);
  }

  @FieldResolver(() => Money, { description: 'quantity × individualUnitPrice: what ordering alone would cost.' })
  async individualCost(@Root() allocation: Allocation, @Ctx() ctx: ProcurementContext): Promise<Money> {
    const { share, currency } = await shareOf(ctx, allocation);
    return Money.of(share.individualCost, currency);
  }

  @FieldResolver(() => Money, { description: 'individualCost − cost.' })
  async savings(@Root() allocation: Allocation, @Ctx() ctx: ProcurementContext): Promise<Money> {
    const { share, currency } = await shareOf(ctx, allocation);
    return Money.of(share.savings, currency);
  }

  @FieldResolver(() => Requirement, { nullable: true, description: "The member's requirement this allocation serves, resolved by that member's country subgraph." })
  requirement(@Root() allocation: Allocation): Requirement | null {
    return allocation.requirementId ? Requirement.of(allocation.countryCode, allocation.requirementId) : null;
  }

  @FieldResolver(() => Int, { description: 'Units scheduled for delivery so far (delivered included).' })
  async scheduledQuantity(@Root() allocation: Allocation, @Ctx() ctx: ProcurementContext): Promise<number> {
    const deliveries = await ctx.loaders.deliveries.load(allocation.orderId);
    return deliveries.filter((d) => d.allocationId === allocation.id).reduce((sum, d) => sum + d.quantity, 0);
  }

  @FieldResolver(() => Int, { description: 'Units delivered so far.' })
  async deliveredQuantity(@Root() allocation: Allocation, @Ctx() ctx: ProcurementContext): Promise<number> {
    const deliveries = await ctx.loaders.deliveries.load(allocation.orderId);
    return deliveries.filter((d) => d.allocationId === allocation.id && d.status === DeliveryStatus.DELIVERED).reduce((sum, d) => sum + d.quantity, 0);
  }

  @FieldResolver(() => OrderLine, { description: 'The order line it is a share of.' })
  async line(@Root() allocation: Allocation, @Ctx() ctx: ProcurementContext): Promise<OrderLine> {
    return (await ctx.loaders.line.load(allocation.lineId)) as OrderLine;
  }

  @FieldResolver(() => JointOrder, { description: 'The joint order it belongs to.' })
  async order(@Root() allocation: Allocation, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return (await ctx.loaders.order.load(allocation.orderId)) as JointOrder;
  }
}
