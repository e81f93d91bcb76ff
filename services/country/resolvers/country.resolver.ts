import { Arg, Args, Ctx, Directive, FieldResolver, Int, Resolver } from 'type-graphql';
import { keysetPage } from '../../../lib/db/keysetPage';
import { PAGED, PAGE_SIZE_MAX } from '../../../lib/graphql/pagination';
import { Budget, Holding, Ministry, Requirement } from '../entities';
import { HOLDING_SORT, holdingsMatching, REQUIREMENT_SORT, requirementsMatching } from '../listQueries';
import { HoldingConnection, RequirementConnection } from '../types/connections';
import type { CountryContext } from '../context';
import { Country } from '../types/country.type';
import { assertCategory, assertYear } from '../validation';
import { HoldingsPageArgs, HoldingsPageRequest, RequirementFilter, RequirementFilterArgs, RequirementsPageArgs, RequirementsPageRequest } from './args';
import { BUDGET_YEARS, HOLDINGS, REQUIREMENTS } from '../listSizes';

/**
 * The member's own fields on `Country`. Every one is nullable so that, in the
 * federated graph, a member that is down nulls only its own fields. A Country
 * here is always the served member (references to others are refused).
 */
@Resolver(() => Country)
export class CountryResolver {
  @FieldResolver(() => Ministry, { nullable: true, description: "The member's ministry of defence." })
  ministry(@Ctx() ctx: CountryContext): Promise<Ministry | null> {
    return ctx.loaders.ministry();
  }

  @Directive(HOLDINGS)
  @FieldResolver(() => [Holding], { nullable: true, description: 'The equipment inventory, optionally of one catalogue category.' })
  holdings(@Arg('category', () => String, { nullable: true, description: 'Only this catalogue category, e.g. "SMALL_ARMS".' }) category: string | null | undefined, @Ctx() ctx: CountryContext): Promise<Holding[]> {
    assertCategory(category);
    return ctx.loaders.holdings.load({ category: category ?? undefined });
  }

  @Directive(REQUIREMENTS)
  @FieldResolver(() => [Requirement], { nullable: true, description: 'What the ministry needs to buy, optionally filtered.' })
  requirements(@Args(() => RequirementFilterArgs) { status, priority }: RequirementFilter, @Ctx() ctx: CountryContext): Promise<Requirement[]> {
    return ctx.loaders.requirements.load({ status: status ?? undefined, priority: priority ?? undefined });
  }

  @Directive(PAGED)
  @FieldResolver(() => HoldingConnection, {
    nullable: true,
    description: `The equipment inventory a page at a time, in the order recorded: first (at most ${PAGE_SIZE_MAX}) after a cursor, with the total; optionally one item (nsn) or category.`,
  })
  holdingsPage(@Args(() => HoldingsPageArgs) { first, after, ...filter }: HoldingsPageRequest, @Ctx() ctx: CountryContext): Promise<HoldingConnection> {
    return keysetPage(holdingsMatching(ctx, filter), { list: 'holdings', sort: HOLDING_SORT, first, after });
  }

  @Directive(PAGED)
  @FieldResolver(() => RequirementConnection, {
    nullable: true,
    description: `What the ministry needs to buy, a page at a time in the order recorded: first (at most ${PAGE_SIZE_MAX}) after a cursor, with the total; optionally filtered.`,
  })
  requirementsPage(@Args(() => RequirementsPageArgs) { first, after, ...filter }: RequirementsPageRequest, @Ctx() ctx: CountryContext): Promise<RequirementConnection> {
    return keysetPage(requirementsMatching(ctx, filter), { list: 'requirements', sort: REQUIREMENT_SORT, first, after });
  }

  @FieldResolver(() => Budget, { nullable: true, description: "One year's budget; null if none is set. Read by the member's own ministry and procurement." })
  budget(@Arg('year', () => Int, { description: 'The budget year.' }) year: number, @Ctx() ctx: CountryContext): Promise<Budget | null> {
    assertYear(year);
    return ctx.loaders.budget.load(year);
  }

  @Directive(BUDGET_YEARS)
  @FieldResolver(() => [Budget], { nullable: true, description: 'Every budget on record, by year.' })
  budgets(@Ctx() ctx: CountryContext): Promise<Budget[]> {
    return ctx.loaders.budgets();
  }
}
