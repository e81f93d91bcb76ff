import { Args, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { keysetPage } from '../../../lib/db/keysetPage';
import { badInput } from '../../../lib/errors';
import { Money } from '../../../lib/graphql/money.type';
import { PAGED, PAGE_SIZE_MAX } from '../../../lib/graphql/pagination';
import { percentOf } from '../../../lib/money';
import { ProcurementContext } from '../context';
import { Approval, Delivery, ImplementationPlan, JointOrder, Member, OrderLine } from '../entities';
import { normalReference, ORDER_SORT, ordersMatching } from '../listQueries';
import { JointOrderFilterArgs, JointOrderLookupArgs, JointOrdersPageArgs } from '../types/args';
import { JointOrderConnection } from '../types/connections';
import { CountrySavings } from '../types/countrySavings.type';
import { ApprovalDecision, JointOrderStatus } from '../types/enums';
import { latestDecisions } from '../workflow/approvalState';
import { parseId } from '../workflow/guards';
import { present } from './lists';
import { APPROVAL_HISTORY, DELIVERIES_PER_ORDER, JOINT_ORDERS, LINES_PER_ORDER, MEMBERS } from '../listSizes';

@Resolver(() => JointOrder)
export class JointOrderResolver {
  @Directive(JOINT_ORDERS)
  @Query(() => [JointOrder], {
    description: 'Every joint order matching the filters, newest first. For a page at a time (with the total and a cursor), use jointOrdersPage.',
  })
  async jointOrders(@Args(() => JointOrderFilterArgs) filter: JointOrderFilterArgs, @Ctx() ctx: ProcurementContext): Promise<JointOrder[]> {
    const orders = await ordersMatching(ctx, filter).orderBy('o.id', 'DESC').getMany();
    ctx.loaders.primeOrders(orders);
    return orders;
  }

  @Directive(PAGED)
  @Query(() => JointOrderConnection, {
    description: `Joint orders matching the filters, newest first, a page at a time: first (at most ${PAGE_SIZE_MAX}) after a cursor, with the total.`,
  })
  async jointOrdersPage(@Args(() => JointOrdersPageArgs) { first, after, ...filter }: JointOrdersPageArgs, @Ctx() ctx: ProcurementContext): Promise<JointOrderConnection> {
    const page = await keysetPage(ordersMatching(ctx, filter), { list: 'jointOrders', sort: ORDER_SORT, first, after });
    ctx.loaders.primeOrders(page.nodes);
    return page;
  }

  @Query(() => JointOrder, { nullable: true, description: 'One joint order by its id or its reference (e.g. "JPO-2026-0003"); null if there is none.' })
  async jointOrder(@Args(() => JointOrderLookupArgs) { id, reference }: JointOrderLookupArgs, @Ctx() ctx: ProcurementContext): Promise<JointOrder | null> {
    const given = (value: string | null | undefined) => value !== undefined && value !== null;
    if (given(id) === given(reference)) throw badInput(given(id) ? 'reference' : 'id', 'give either the id or the reference of the order, not both');
    if (given(id)) return ctx.loaders.order.load(parseId(id as string, 'id'));
    const order = await ctx.dataSource.getRepository(JointOrder).findOneBy({ reference: normalReference(reference as string) });
    if (order) ctx.loaders.primeOrders([order]);
    return order;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member buying for all, under the LEAD_NATION model.' })
  async leadNation(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<Member | null> {
    return order.leadNationCode ? ctx.loaders.member.load(order.leadNationCode) : null;
  }

  @FieldResolver(() => Member, { description: 'The member that opened the order.' })
  async createdBy(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return (await ctx.loaders.member.load(order.createdBy)) as Member;
  }

  @Directive(MEMBERS)
  @FieldResolver(() => [Member], { description: 'The members taking part, in the order they joined.' })
  async participants(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<Member[]> {
    const rows = await ctx.loaders.participants.load(order.id);
    return present(await ctx.loaders.member.loadMany(rows.map((r) => r.countryCode)));
  }

  @Directive(LINES_PER_ORDER)
  @FieldResolver(() => [OrderLine], { description: 'The catalogue items ordered, one line each, in the order they were added.' })
  async lines(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<OrderLine[]> {
    return ctx.loaders.lines.load(order.id);
  }

  @Directive(APPROVAL_HISTORY)
  @FieldResolver(() => [Approval], { description: 'The whole approval history, oldest first, over all versions.' })
  async approvals(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<Approval[]> {
    return ctx.loaders.approvals.load(order.id);
  }

  @Directive(MEMBERS)
  @FieldResolver(() => [Approval], { description: "Each participant's standing entry for the current version (PENDING until it decides); empty before the first submission of this version." })
  async currentApprovals(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<Approval[]> {
    const [history, participants] = await Promise.all([ctx.loaders.approvals.load(order.id), ctx.loaders.participants.load(order.id)]);
    return [...latestDecisions(history, order.version, participants.map((p) => p.countryCode)).values()];
  }

  @FieldResolver(() => Approval, { nullable: true, description: 'The latest rejection, with its reason, if any.' })
  async lastRejection(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<Approval | null> {
    const history = await ctx.loaders.approvals.load(order.id);
    return history.filter((a) => a.decision === ApprovalDecision.REJECTED).at(-1) ?? null;
  }

  @FieldResolver(() => Money, { description: 'Every line at its joint unit price.' })
  async totalValue(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<Money> {
    const f = await ctx.loaders.figures.load(order.id);
    return Money.of(f.totalValue, f.currency);
  }

  @FieldResolver(() => Money, { description: 'What the same quantities would cost if each member ordered its own alone.' })
  async individualValue(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<Money> {
    const f = await ctx.loaders.figures.load(order.id);
    return Money.of(f.individualValue, f.currency);
  }

  @FieldResolver(() => Money, { description: 'individualValue − totalValue.' })
  async savings(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<Money> {
    const f = await ctx.loaders.figures.load(order.id);
    return Money.of(f.savings, f.currency);
  }

  @FieldResolver(() => String, { description: 'savings as a percentage of individualValue: a decimal string with two decimals, rounded half away from zero, e.g. "12.35" ("0.00" without allocations).' })
  async savingsPercent(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<string> {
    const f = await ctx.loaders.figures.load(order.id);
    return percentOf(f.savings, f.individualValue);
  }

  @Directive(MEMBERS)
  @FieldResolver(() => [CountrySavings], { description: 'Per member with allocations, by code.' })
  async savingsByCountry(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<CountrySavings[]> {
    const f = await ctx.loaders.figures.load(order.id);
    return f.byCountry.map((c) =>
      Object.assign(new CountrySavings(), {
        countryCode: c.countryCode,
        committed: Money.of(c.committed, f.currency),
        individual: Money.of(c.individual, f.currency),
        savings: Money.of(c.savings, f.currency),
        savingsPercent: percentOf(c.savings, c.individual),
      }),
    );
  }

  @FieldResolver(() => Boolean, { description: 'True until the order is COMPLETED: the figures are estimates until then (prices are fixed at placement, quantities at delivery).' })
  estimated(@Root() order: JointOrder): boolean {
    return order.status !== JointOrderStatus.COMPLETED;
  }

  @FieldResolver(() => Boolean, { description: "Whether the supplier's offer has lapsed (today is after offerExpiresOn)." })
  offerExpired(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): boolean {
    return ctx.clock.today() > order.offerExpiresOn;
  }

  @FieldResolver(() => Int, { nullable: true, description: "The longest of the lines' lead times, in days; null without lines." })
  async leadTimeDays(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<number | null> {
    return (await ctx.loaders.figures.load(order.id)).leadTimeDays;
  }

  @Directive(DELIVERIES_PER_ORDER)
  @FieldResolver(() => [Delivery], { description: 'Every delivery, by planned date.' })
  async deliveries(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<Delivery[]> {
    return ctx.loaders.deliveries.load(order.id);
  }

  @FieldResolver(() => ImplementationPlan, { nullable: true, description: 'The implementation plan covering this order, if any.' })
  async plan(@Root() order: JointOrder, @Ctx() ctx: ProcurementContext): Promise<ImplementationPlan | null> {
    return order.planId ? ctx.loaders.plan.load(order.planId) : null;
  }
}

@Resolver(() => CountrySavings)
export class CountrySavingsResolver {
  @FieldResolver(() => Member, { description: 'The member these figures are for.' })
  async country(@Root() savings: CountrySavings, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return (await ctx.loaders.member.load(savings.countryCode)) as Member;
  }
}
