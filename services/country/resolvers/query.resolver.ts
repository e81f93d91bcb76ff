import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Budget, Holding, Ministry, Requirement } from '../entities';
import type { CountryContext } from '../context';
import { resolveHoldingReference } from '../reference/holding.reference';
import { resolveRequirementReference } from '../reference/requirement.reference';
import { MemberArgs, MemberBudgetArgs, MemberHoldingsArgs, MemberRecordArgs, MemberRequirementsArgs, RequirementFilter } from './args';
import { CountryResolver } from './country.resolver';

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

  @Query(() => [Holding], { nullable: true, description: "The member's equipment inventory, optionally of one catalogue category." })
  holdings(@Args(() => MemberHoldingsArgs) { category }: MemberHoldingsArgs, @Ctx() ctx: CountryContext): Promise<Holding[]> {
    return this.memberFields.holdings(category, ctx);
  }

  @Query(() => Holding, { nullable: true, description: 'One inventory line by id; null if the member has none with it.' })
  holding(@Args(() => MemberRecordArgs) { id }: MemberRecordArgs, @Ctx() ctx: CountryContext): Promise<Holding | null> {
    return resolveHoldingReference({ countryCode: ctx.member, id }, ctx);
  }

  @Query(() => [Requirement], { nullable: true, description: 'What the member needs to buy, optionally filtered by status and priority.' })
  requirements(@Args(() => MemberRequirementsArgs) filter: RequirementFilter, @Ctx() ctx: CountryContext): Promise<Requirement[]> {
    return this.memberFields.requirements(filter, ctx);
  }

  @Query(() => Requirement, { nullable: true, description: 'One requirement by id; null if the member has none with it.' })
  requirement(@Args(() => MemberRecordArgs) { id }: MemberRecordArgs, @Ctx() ctx: CountryContext): Promise<Requirement | null> {
    return resolveRequirementReference({ countryCode: ctx.member, id }, ctx);
  }

  @Query(() => Budget, { nullable: true, description: "One year's budget; read by the member's own ministry and procurement." })
  budget(@Args(() => MemberBudgetArgs) { year }: MemberBudgetArgs, @Ctx() ctx: CountryContext): Promise<Budget | null> {
    return this.memberFields.budget(year, ctx);
  }

  @Query(() => [Budget], { nullable: true, description: "Every budget on record, by year; read by the member's own ministry and procurement." })
  budgets(@Args(() => MemberArgs) _args: MemberArgs, @Ctx() ctx: CountryContext): Promise<Budget[]> {
    return this.memberFields.budgets(ctx);
  }
}
