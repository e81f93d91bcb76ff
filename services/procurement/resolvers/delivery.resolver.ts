import { Args, Ctx, Directive, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { keysetPage } from '../../../lib/db/keysetPage';
import { PAGED, PAGE_SIZE_MAX } from '../../../lib/graphql/pagination';
import { ProcurementContext, write } from '../context';
import { Delivery, JointOrder, Member, OrderLine } from '../entities';
import { DELIVERY_SORT, deliveriesMatching } from '../listQueries';
import { DeliveriesPageArgs, RecordDeliveryArgs, ScheduleDeliveryArgs, UpdateDeliveryStatusArgs } from '../types/args';
import { DeliveryConnection } from '../types/connections';
import { daysOverdue, isLate, recordDelivery, scheduleDelivery, updateDeliveryStatus } from '../workflow/deliveries';
import { parseId } from '../workflow/guards';

@Resolver(() => Delivery)
export class DeliveryResolver {
  @Directive(PAGED)
  @Query(() => DeliveryConnection, {
    description: `Deliveries across every joint order, by planned date (the longest overdue first), a page at a time: first (at most ${PAGE_SIZE_MAX}) after a cursor, with the total. E.g. deliveries(late: true, country: "AL").`,
  })
  async deliveries(@Args(() => DeliveriesPageArgs) { first, after, ...filter }: DeliveriesPageArgs, @Ctx() ctx: ProcurementContext): Promise<DeliveryConnection> {
    return keysetPage(deliveriesMatching(ctx, filter), { list: 'deliveries', sort: DELIVERY_SORT, first, after });
  }

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

  @FieldResolver(() => Int, {
    description: 'Days past the planned date: until today while not delivered, until the delivered date once delivered; 0 when not late.',
  })
  daysOverdue(@Root() delivery: Delivery, @Ctx() ctx: ProcurementContext): number {
    return daysOverdue(delivery, ctx.clock.today());
  }

  @FieldResolver(() => Member, { description: 'The receiving member.' })
  async country(@Root() delivery: Delivery, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return (await ctx.loaders.member.load(delivery.countryCode)) as Member;
  }

  @FieldResolver(() => OrderLine, { description: 'The order line shipped.' })
  async line(@Root() delivery: Delivery, @Ctx() ctx: ProcurementContext): Promise<OrderLine> {
    return (await ctx.loaders.line.load(delivery.lineId)) as OrderLine;
  }

  @FieldResolver(() => JointOrder, { description: 'The joint order the shipment belongs to.' })
  async order(@Root() delivery: Delivery, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return (await ctx.loaders.order.load(delivery.orderId)) as JointOrder;
  }
}
