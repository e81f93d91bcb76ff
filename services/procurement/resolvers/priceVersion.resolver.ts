import { Args, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { changePriceTiers, tiersOf } from '../catalogue/priceVersions';
import { ProcurementContext, write } from '../context';
import { CatalogItem, PriceTier, PriceVersion } from '../entities';
import { PRICE_TIERS, PRICE_VERSIONS } from '../listSizes';
import { ChangePriceTiersArgs } from '../types/args';

@Resolver(() => PriceVersion)
export class PriceVersionResolver {
  @Directive(PRICE_TIERS)
  @FieldResolver(() => [PriceTier], { description: 'The tiers of this version, smallest quantity first.' })
  tiers(@Root() version: PriceVersion): PriceTier[] {
    return tiersOf(version);
  }

  @Mutation(() => CatalogItem, {
    nullable: true,
    description:
      "Changes an item's price tiers from a later day on, as its next price version (the procurement office). Orders opened before that day keep the tiers they were opened with; every version stays in the item's priceVersions, with who changed it, when and why.",
  })
  async changePriceTiers(@Args(() => ChangePriceTiersArgs) change: ChangePriceTiersArgs, @Ctx() ctx: ProcurementContext): Promise<CatalogItem> {
    return write(ctx, () => changePriceTiers(ctx, change));
  }
}

@Resolver(() => CatalogItem)
export class CatalogPriceHistoryResolver {
  @Directive(PRICE_VERSIONS)
  @FieldResolver(() => [PriceVersion], { description: "Every version of the item's price tiers, oldest first: the catalogue's price audit trail." })
  async priceVersions(@Root() item: CatalogItem, @Ctx() ctx: ProcurementContext): Promise<PriceVersion[]> {
    return ctx.loaders.priceVersions.load(item.nsn);
  }
}
