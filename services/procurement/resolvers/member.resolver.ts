import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { keysetPage } from '../../../lib/db/keysetPage';
import { Money } from '../../../lib/graphql/money.type';
import { PAGED, PAGE_SIZE_MAX } from '../../../lib/graphql/pagination';
import { CATALOG_CURRENCY } from '../../../lib/reference/catalog';
import { ruleBroken } from '../../../lib/errors';
import { ProcurementContext, write } from '../context';
import { Allocation, JointOrder, Member } from '../entities';
import { AllocationFigures } from '../figures';
import { totalsOf } from '../pricing';
import { ORDER_SORT, ordersMatching } from '../listQueries';
import { MemberDetailsArgs, MemberOrdersPageArgs } from '../types/args';
import { JointOrderConnection } from '../types/connections';
import { ApprovalDecision, COMMITTED_STATUSES, JointOrderStatus } from '../types/enums';
import { latestDecisions } from '../workflow/approvalState';
import { admitMember, inviteMember } from '../workflow/members';
import { Rule } from '../workflow/rules';
import { present } from './lists';
import { ALLOCATIONS_PER_MEMBER, JOINT_ORDERS, MEMBERS } from '../listSizes';

/**
 * A member's shares in orders its ministry has committed to: APPROVED or later,
 * and those still IN_APPROVAL whose current version it has approved (the
 * others' decisions pending). Cancelled orders and drafts commit nothing.
 */
async function committedShares(ctx: ProcurementContext, code: string): Promise<{ currency: string; shares: AllocationFigures[] }> {
  const allocations = await ctx.loaders.allocationsOfMember.load(code);
  const orders = present(await ctx.loaders.order.loadMany([...new Set(allocations.map((a) => a.orderId))]));
  const inApproval = orders.filter((o) => o.status === JointOrderStatus.IN_APPROVAL);
  const histories = await Promise.all(inApproval.map((o) => ctx.loaders.approvals.load(o.id)));
  const approvedByMember = new Set(
    inApproval.filter((o, i) => latestDecisions(histories[i], o.version, [code]).get(code)?.decision === ApprovalDecision.APPROVED).map((o) => o.id),
  );
  const committed = orders.filter((o) => COMMITTED_STATUSES.includes(o.status) || approvedByMember.has(o.id));
  const figures = present(await ctx.loaders.figures.loadMany(committed.map((o) => o.id)));
  const currencies = [...new Set(figures.map((f) => f.currency))];
  if (currencies.length > 1) {
    throw ruleBroken(Rule.CURRENCY_MISMATCH, `${code}'s orders are in several currencies (${currencies.join(', ')}); totals need one`, { country: code });
  }
  const shares = figures.flatMap((f) => [...f.allocations.values()].filter((a) => a.allocation.countryCode === code));
  return { currency: currencies[0] ?? CATALOG_CURRENCY, shares };
}

@Resolver(() => Member)
export class MemberResolver {
  @Directive(MEMBERS)
  @Query(() => [Member], { description: 'Every country in the registry, members and invited, by code.' })
  async members(@Ctx() ctx: ProcurementContext): Promise<Member[]> {
    return ctx.dataSource.getRepository(Member).find({ order: { code: 'ASC' } });
  }

  @Query(() => Member, { nullable: true, description: 'One country of the registry by its code (in any case); null if there is none.' })
  async country(@Arg('code', () => ID, { description: 'ISO 3166-1 alpha-2 code, e.g. "XK" (any case).' }) code: string, @Ctx() ctx: ProcurementContext): Promise<Member | null> {
    return ctx.loaders.member.load(code);
  }

  @Mutation(() => Member, { nullable: true, description: 'Admits a member: a new country, or one that was invited. Refused for an existing member.' })
  async admitMember(@Args(() => MemberDetailsArgs) details: MemberDetailsArgs, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return write(ctx, () => admitMember(ctx, details));
  }

  @Mutation(() => Member, { nullable: true, description: 'Invites a country: it is listed, and takes part in orders once admitted.' })
  async inviteMember(@Args(() => MemberDetailsArgs) details: MemberDetailsArgs, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return write(ctx, () => inviteMember(ctx, details));
  }

  @Directive(ALLOCATIONS_PER_MEMBER)
  @FieldResolver(() => [Allocation], { description: "The member's allocations in every joint order." })
  async allocations(@Root() member: Member, @Ctx() ctx: ProcurementContext): Promise<Allocation[]> {
    return ctx.loaders.allocationsOfMember.load(member.code);
  }

  @Directive(JOINT_ORDERS)
  @FieldResolver(() => [JointOrder], { description: 'The joint orders the member takes part in.' })
  async jointOrders(@Root() member: Member, @Ctx() ctx: ProcurementContext): Promise<JointOrder[]> {
    const participations = await ctx.loaders.ordersOfMember.load(member.code);
    return present(await ctx.loaders.order.loadMany(participations.map((p) => p.orderId)));
  }

  @Directive(PAGED)
  @FieldResolver(() => JointOrderConnection, {
    description: `The joint orders the member takes part in, newest first, a page at a time: first (at most ${PAGE_SIZE_MAX}) after a cursor, with the total; optionally filtered.`,
  })
  async jointOrdersPage(@Root() member: Member, @Args(() => MemberOrdersPageArgs) { first, after, ...filter }: MemberOrdersPageArgs, @Ctx() ctx: ProcurementContext): Promise<JointOrderConnection> {
    const page = await keysetPage(ordersMatching(ctx, { ...filter, participant: member.code }), { list: 'jointOrders', sort: ORDER_SORT, first, after });
    ctx.loaders.primeOrders(page.nodes);
    return page;
  }

  @FieldResolver(() => Money, {
    description:
      "What the member pays, at joint prices, in the orders it has committed to: every order it has approved (its approval of the current version recorded, even while other members' are pending) and every order APPROVED, PLACED, DELIVERING or COMPLETED. Estimates until each order is placed.",
  })
  async totalCommitted(@Root() member: Member, @Ctx() ctx: ProcurementContext): Promise<Money> {
    const { currency, shares } = await committedShares(ctx, member.code);
    return Money.of(totalsOf(shares).committed, currency);
  }

  @FieldResolver(() => Money, { description: 'What the member saves in the same orders as totalCommitted against ordering the same quantities alone.' })
  async totalSavings(@Root() member: Member, @Ctx() ctx: ProcurementContext): Promise<Money> {
    const { currency, shares } = await committedShares(ctx, member.code);
    return Money.of(totalsOf(shares).savings, currency);
  }
}
