import { Args, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { Budget, Holding, Ministry, Requirement } from '../entities';
import type { CountryContext } from '../context';
import { resolveHoldingReference } from '../reference/holding.reference';
import { resolveRequirementReference } from '../reference/requirement.reference';
import { PAGED, PAGE_SIZE_MAX } from '../../../lib/graphql/pagination';
import { HoldingConnection, RequirementConnection } from '../types/connections';
import {
  HoldingsPageRequest,
  MemberArgs,
  MemberBudgetArgs,
  MemberHoldingsArgs,
  MemberHoldingsPageArgs,
  MemberRecordArgs,
  MemberRequirementsArgs,
  MemberRequirementsPageArgs,
  RequirementFilter,
  RequirementsPageRequest,
} from './args';
import { CountryResolver } from './country.resolver';
import { BUDGET_YEARS, HOLDINGS, REQUIREMENTS } from '../listSizes';

/**
 * Root queries. Each takes the member as `country: ID!` first (checked by
 * ServedMemberOnly) and answers what the served member's `Country` field does.
 */
@Resolver()
export class QueryResolver {
  private readonly memberFields = new CountryResolver();

  @Query(() => Ministry, { nullable: true, description: "The member's ministry of defence." })
  ministry(@Args(() => MemberArgs) _args: MemberArgs, @Ctx() ctx: CountryContext): Promise<Ministry | null> {
    return this.memberFields.ministry(ctx);
  }

  @Directive(HOLDINGS)
  @Query(() => [Holding], { nullable: true, description: "The member's equipment inventory, optionally of one catalogue category." })
  holdings(@Args(() => MemberHoldingsArgs) { category }: MemberHoldingsArgs, @Ctx() ctx: CountryContext): Promise<Holding[]> {
    return this.memberFields.holdings(category, ctx);
  }

  @Directive(PAGED)
  @Query(() => HoldingConnection, {
    nullable: true,
    description: `The member's equipment inventory a page at a time, in the order recorded: first (at most ${PAGE_SIZE_MAX}) after a cursor, with the total; optionally one item (nsn) or category.`,
  })
  holdingsPage(@Args(() => MemberHoldingsPageArgs) { country: _member, ...page }: HoldingsPageRequest & MemberArgs, @Ctx() ctx: CountryContext): Promise<HoldingConnection> {
    return this.memberFields.holdingsPage(page, ctx);
  }

  @Query(() => Holding, { nullable: true, description: 'One inventory line by id; null if the member has none with it.' })
  holding(@Args(() => MemberRecordArgs) { id }: MemberRecordArgs, @Ctx() ctx: CountryContext): Promise<Holding | null> {
    return resolveHoldingReference({ countryCode: ctx.member, id }, ctx);
  }

  @Directive(REQUIREMENTS)
  @Query(() => [Requirement], { nullable: true, description: 'What the member needs to buy, optionally filtered by status and priority.' })
  requirements(@Args(() => MemberRequirementsArgs) filter: RequirementFilter, @Ctx() ctx: CountryContext): Promise<Requirement[]> {
    return this.memberFields.requirements(filter, ctx);
  }

  @Directive(PAGED)
  @Query(() => RequirementConnection, {
    nullable: true,
    description: `What the member needs to buy, a page at a time in the order recorded: first (at most ${PAGE_SIZE_MAX}) after a cursor, with the total; optionally by status, priority, item (nsn) or category.`,
  })
  requirementsPage(@Args(() => MemberRequirementsPageArgs) { country: _member, ...page }: RequirementsPageRequest & MemberArgs, @Ctx() ctx: CountryContext): Promise<RequirementConnection> {
    return this.memberFields.requirementsPage(page, ctx);
  }

  @Query(() => Requirement, { nullable: true, description: 'One requirement by id; null if the member has none with it.' })
  requirement(@Args(() => MemberRecordArgs) { id }: MemberRecordArgs, @Ctx() ctx: CountryContext): Promise<Requirement | null> {
    return resolveRequirementReference({ countryCode: ctx.member, id }, ctx);
  }

  @Query(() => Budget, { nullable: true, description: "One year's budget; read by the member's own ministry and procurement." })
  budget(@Args(() => MemberBudgetArgs) { year }: MemberBudgetArgs, @Ctx() ctx: CountryContext): Promise<Budget | null> {
    return this.memberFields.budget(year, ctx);
  }

  @Directive(BUDGET_YEARS)
  @Query(() => [Budget], { nullable: true, description: "Every budget on record, by year; read by the member's own ministry and procurement." })
  budgets(@Args(() => MemberArgs) _args: MemberArgs, @Ctx() ctx: CountryContext): Promise<Budget[]> {
    return this.memberFields.budgets(ctx);
  }
}
