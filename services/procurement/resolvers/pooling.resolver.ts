import { Args, Ctx, Directive, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { POOLING_CANDIDATES } from '../listSizes';
import { Money } from '../../../lib/graphql/money.type';
import { percentOf } from '../../../lib/money';
import { ProcurementContext, write } from '../context';
import { CatalogItem, JointOrder, Member } from '../entities';
import { createPooledOrder, PoolingCandidate as Candidate, poolingCandidates } from '../requirements/pooling';
import { CreatePooledOrderArgs } from '../types/args';
import { PoolingCandidate, PoolingShare } from '../types/pooling.type';
import { Requirement } from '../types/requirement.type';

function present(candidate: Candidate): PoolingCandidate {
  const { currency } = candidate.item;
  return Object.assign(new PoolingCandidate(), {
    nsn: candidate.item.nsn,
    combinedQuantity: candidate.combinedQuantity,
    tierMinQuantity: candidate.tier.minQuantity,
    unitPrice: Money.of(candidate.tier.unitPriceMinor, currency),
    pooledCost: Money.of(candidate.pooledCost, currency),
    aloneCost: Money.of(candidate.aloneCost, currency),
    savings: Money.of(candidate.savings, currency),
    savingsPercent: percentOf(candidate.savings, candidate.aloneCost),
    members: candidate.shares.map((s) =>
      Object.assign(new PoolingShare(), {
        countryCode: s.share.countryCode,
        nsn: s.share.nsn,
        requirement: Requirement.of(s.share.countryCode, s.share.requirementId),
        quantity: s.quantity,
        neededBy: s.share.neededBy,
        pooledCost: Money.of(s.cost, currency),
        aloneUnitPrice: Money.of(s.individualUnitPrice, currency),
        aloneCost: Money.of(s.individualCost, currency),
        savings: Money.of(s.savings, currency),
        savingsPercent: percentOf(s.savings, s.individualCost),
      }),
    ),
  });
}

@Resolver(() => PoolingCandidate)
export class PoolingCandidateResolver {
  @Directive(POOLING_CANDIDATES)
  @Query(() => [PoolingCandidate], {
    description: 'Items two or more admitted members have open requirements for that no allocation covers yet, with the tier their combined quantity reaches and what each saves against buying alone; by NSN.',
  })
  async poolingCandidates(@Ctx() ctx: ProcurementContext): Promise<PoolingCandidate[]> {
    return (await poolingCandidates(ctx.dataSource, ctx.clock.today())).map(present);
  }

  @Mutation(() => JointOrder, {
    nullable: true,
    description: "Turns the pooling candidate for an item into a DRAFT joint order created for `country` (one of its members): one line, and each member's allocation of what is left of its requirement, linked to it.",
  })
  async createPooledOrder(@Args(() => CreatePooledOrderArgs) { country, input }: CreatePooledOrderArgs, @Ctx() ctx: ProcurementContext): Promise<JointOrder> {
    return write(ctx, () => createPooledOrder(ctx, country, input));
  }

  @FieldResolver(() => CatalogItem, { description: 'The item the members need.' })
  async item(@Root() candidate: PoolingCandidate, @Ctx() ctx: ProcurementContext): Promise<CatalogItem> {
    return (await ctx.loaders.catalogItem.load(candidate.nsn)) as CatalogItem;
  }
}

@Resolver(() => PoolingShare)
export class PoolingShareResolver {
  @FieldResolver(() => Member, { description: 'The member.' })
  async country(@Root() share: PoolingShare, @Ctx() ctx: ProcurementContext): Promise<Member> {
    return (await ctx.loaders.member.load(share.countryCode)) as Member;
  }
}
