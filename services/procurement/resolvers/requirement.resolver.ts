import { Arg, Args, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ALLOCATIONS_PER_REQUIREMENT, SHARED_REQUIREMENTS } from '../listSizes';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { ProcurementContext, write } from '../context';
import { Allocation, RequirementShare } from '../entities';
import { coverageOf } from '../requirements/coverage';
import { shareRequirements } from '../requirements/shares';
import { ShareRequirementsArgs } from '../types/args';
import { OPEN_REQUIREMENT_STATUSES } from '../types/enums';
import { Requirement } from '../types/requirement.type';
import { parseMemberCode } from '../workflow/guards';

@Resolver(() => Requirement)
export class RequirementResolver {
  @Directive(ALLOCATIONS_PER_REQUIREMENT)
  @FieldResolver(() => [Allocation], { description: 'The allocations, in any joint order, that serve this requirement; empty if none yet.' })
  async allocations(@Root() requirement: Requirement, @Ctx() ctx: ProcurementContext): Promise<Allocation[]> {
    return ctx.loaders.allocationsOfRequirement.load(`${requirement.countryCode}|${requirement.id}`);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the ministry has shared it with procurement (shareRequirements): needed to link allocations to it, to pool it and for remainingQuantity and onTime.' })
  async shared(@Root() requirement: Requirement, @Ctx() ctx: ProcurementContext): Promise<boolean> {
    return (await coverageOf(ctx, requirement.countryCode, requirement.id)).share !== null;
  }

  @FieldResolver(() => Int, { description: 'The quantity its allocations take, in joint orders not cancelled.' })
  async allocatedQuantity(@Root() requirement: Requirement, @Ctx() ctx: ProcurementContext): Promise<number> {
    return (await coverageOf(ctx, requirement.countryCode, requirement.id)).allocatedQuantity;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The shared quantity less allocatedQuantity; null if not shared.' })
  async remainingQuantity(@Root() requirement: Requirement, @Ctx() ctx: ProcurementContext): Promise<number | null> {
    return (await coverageOf(ctx, requirement.countryCode, requirement.id)).remainingQuantity;
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description: 'When its allocated units are expected: the latest delivery of its allocations (the day delivered, else the planned day); null until every allocated unit has a delivery scheduled.',
  })
  async expectedBy(@Root() requirement: Requirement, @Ctx() ctx: ProcurementContext): Promise<string | null> {
    return (await coverageOf(ctx, requirement.countryCode, requirement.id)).expectedBy;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether expectedBy is on or before its need-by date; null without expectedBy or if not shared.' })
  async onTime(@Root() requirement: Requirement, @Ctx() ctx: ProcurementContext): Promise<boolean | null> {
    return (await coverageOf(ctx, requirement.countryCode, requirement.id)).onTime;
  }

  @Directive(SHARED_REQUIREMENTS)
  @Query(() => [Requirement], {
    description: "Open (DRAFT or SUBMITTED) shared requirements with quantity no allocation covers yet: one member's, or every member's; by member, need-by date first.",
  })
  async uncoveredRequirements(
    @Arg('country', () => ID, { nullable: true, description: 'Only this member\'s.' }) country: string | null | undefined,
    @Ctx() ctx: ProcurementContext,
  ): Promise<Requirement[]> {
    const shares = country
      ? await ctx.loaders.sharesOfMember.load(parseMemberCode(country))
      : await ctx.dataSource.getRepository(RequirementShare).find({ order: { countryCode: 'ASC', neededBy: 'ASC', requirementId: 'ASC' } });
    const open = shares.filter((s) => OPEN_REQUIREMENT_STATUSES.includes(s.status));
    const coverage = await Promise.all(open.map((s) => coverageOf(ctx, s.countryCode, s.requirementId)));
    return open.filter((_, i) => (coverage[i].remainingQuantity ?? 0) > 0).map((s) => Requirement.of(s.countryCode, s.requirementId));
  }

  @Directive(SHARED_REQUIREMENTS)
  @Mutation(() => [Requirement], {
    nullable: true,
    description: "Shares (or shares again) the acting ministry's requirements with procurement, as its country subgraph holds them; all or none. Refused if one would need fewer than its allocations take, or change item under them.",
  })
  async shareRequirements(@Args(() => ShareRequirementsArgs) { country, requirements }: ShareRequirementsArgs, @Ctx() ctx: ProcurementContext): Promise<Requirement[]> {
    const shared = await write(ctx, () => shareRequirements(ctx, country, requirements));
    return shared.map((s) => Requirement.of(s.countryCode, s.requirementId));
  }
}
