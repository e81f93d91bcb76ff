import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { ProcurementContext, write } from '../context';
import { Delivery, JointOrder, Member, OrderLine } from '../entities';
import { DeliveryStatus } from '../types/enums';
import { isLate, recordDelivery, scheduleDelivery, updateDeliveryStatus } from '../workflow/deliveries';
import { parseId } from '../workflow/guards';

@Resolver(() => Delivery)
export class DeliveryResolver {
  @Mutation(() => Delivery, { description: "Schedules a shipment of part of the acting member's allocation on a line of a placed order." })
  async scheduleDelivery(
    @Arg('country', () => ID) country: string,
    @Arg('lineId', () => ID) lineId: string,
    @Arg('quantity', () => Int) quantity: number,
    @Arg('plannedDate', () => LocalDateScalar) plannedDate: string,
    @Ctx() ctx: ProcurementContext,
  ): Promise<Delivery> {
    return write(ctx, () => scheduleDelivery(ctx, country, parseId(lineId, 'lineId'), quantity, plannedDate));
  }

  @Mutation(() => Delivery, { description: 'Marks a shipment IN_TRANSIT (or back to SCHEDULED).' })
  async updateDeliveryStatus(
    @Arg('country', () => ID) country: string,
    @Arg('deliveryId', () => ID) deliveryId: string,
    @Arg('status', () => DeliveryStatus) status: DeliveryStatus,
    @Ctx() ctx: ProcurementContext,
  ): Promise<Delivery> {
    return write(ctx, () => updateDeliveryStatus(ctx, country, parseId(deliveryId, 'deliveryId'), status));
  }

  @Mutation(() => Delivery, { description: 'Records that a shipment arrived; a smaller quantity leaves the rest scheduled.' })
  async recordDelivery(
    @Arg('country', () => ID) country: string,
    @Arg('deliveryId', () => ID) deliveryId: string,
    @Arg('deliveredOn', () => LocalDateScalar) deliveredOn: string,
    @Arg('quantity', () => Int, { nullable: true }) quantity: number | null,
    @Ctx() ctx: ProcurementContext,
  ): Promise<Delivery> {
    return write(ctx, () => recordDelivery(ctx, country, parseId(deliveryId, 'deliveryId'), deliveredOn, quantity));
  }

  @FieldResolver(() => Boolean, { description: 'Not delivered and the planned date has passed, or delivered after the planned date.' })
  late(@Root() delivery: Delivery, @Ctx() ctx: ProcurementContext): boolean {
    return isLate(delivery, ctx.clock.today());
  }

  @FieldResolver(() => Member, { description: 'The receiving member.' })
  async country(@Root() delivery: Delivery, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return (await ctx.loaders.member.load(delivery.countryCode)) as Member;
  }

  @FieldResolver(() => OrderLine)
  async line(@Root() delivery: Delivery, @Ctx() ctx: ProcurementContext): Promise<OrderLine> {
    return (await ctx.loaders.line.load(delivery.lineId)) as OrderLine;
  }

  @FieldResolver(() => JointOrder)
  async order(@Root() delivery: Delivery, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return (await ctx.loaders.order.load(delivery.orderId)) as JointOrder;
  }
}
