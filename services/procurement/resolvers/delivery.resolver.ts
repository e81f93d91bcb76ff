import { Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ProcurementContext, write } from '../context';
import { Delivery, JointOrder, Member, OrderLine } from '../entities';
import { RecordDeliveryArgs, ScheduleDeliveryArgs, UpdateDeliveryStatusArgs } from '../types/args';
import { isLate, recordDelivery, scheduleDelivery, updateDeliveryStatus } from '../workflow/deliveries';
import { parseId } from '../workflow/guards';

@Resolver(() => Delivery)
export class DeliveryResolver {
  @Mutation(() => Delivery, { nullable: true, description: "Schedules a shipment of part of the acting member's allocation on a line of a placed order." })
  async scheduleDelivery(@Args(() => ScheduleDeliveryArgs) { country, lineId, quantity, plannedDate }: ScheduleDeliveryArgs, @Ctx() ctx: ProcurementContext): Promise<Delivery> {
    return write(ctx, () => scheduleDelivery(ctx, country, parseId(lineId, 'lineId'), quantity, plannedDate));
  }

  @Mutation(() => Delivery, { nullable: true, description: 'Marks a shipment IN_TRANSIT (or back to SCHEDULED).' })
  async updateDeliveryStatus(@Args(() => UpdateDeliveryStatusArgs) { country, deliveryId, status }: UpdateDeliveryStatusArgs, @Ctx() ctx: ProcurementContext): Promise<Delivery> {
    return write(ctx, () => updateDeliveryStatus(ctx, country, parseId(deliveryId, 'deliveryId'), status));
  }

  @Mutation(() => Delivery, { nullable: true, description: 'Records that a shipment arrived; a smaller quantity leaves the rest scheduled.' })
  async recordDelivery(@Args(() => RecordDeliveryArgs) { country, deliveryId, deliveredOn, quantity }: RecordDeliveryArgs, @Ctx() ctx: ProcurementContext): Promise<Delivery> {
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
