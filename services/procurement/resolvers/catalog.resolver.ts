import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput } from '../../../lib/errors';
import { Money } from '../../../lib/graphql/money.type';
import { ProcurementContext } from '../context';
import { CatalogItem, PriceTier } from '../entities';
import { tierFor } from '../pricing';
import { CatalogFilterArgs } from '../types/args';

@Resolver(() => CatalogItem)
export class CatalogResolver {
  @Query(() => [CatalogItem], { description: 'The shared catalogue, optionally one category or one supplier, by NSN.' })
  async catalog(@Args(() => CatalogFilterArgs) { category, supplier }: CatalogFilterArgs, @Ctx() ctx: ProcurementContext): Promise<CatalogItem[]> {
    return ctx.dataSource.getRepository(CatalogItem).find({
      where: { ...(category ? { category } : {}), ...(supplier ? { supplier } : {}) },
      order: { nsn: 'ASC' },
    });
  }

  @Query(() => CatalogItem, { nullable: true })
  async catalogItem(@Arg('nsn', () => ID) nsn: string, @Ctx() ctx: ProcurementContext): Promise<CatalogItem | null> {
    return ctx.loaders.catalogItem.load(nsn);
  }

  @FieldResolver(() => [PriceTier], { description: 'Volume tiers, smallest quantity first.' })
  async priceTiers(@Root() item: CatalogItem, @Ctx() ctx: ProcurementContext): Promise<PriceTier[]> {
    return ctx.loaders.tiers.load(item.nsn);
  }

  @FieldResolver(() => PriceTier, { description: 'The tier that applies to an order of `quantity` units.' })
  async tierFor(@Root() item: CatalogItem, @Arg('quantity', () => Int) quantity: number, @Ctx() ctx: ProcurementContext): Promise<PriceTier> {
    if (!Number.isInteger(quantity) || quantity < 1) throw badInput('quantity', 'must be a whole number of at least 1');
    return tierFor(await ctx.loaders.tiers.load(item.nsn), quantity) as PriceTier;
  }
}

@Resolver(() => PriceTier)
export class PriceTierResolver {
  @FieldResolver(() => Money)
  async unitPrice(@Root() tier: PriceTier, @Ctx() ctx: ProcurementContext): Promise<Money> {
    const item = await ctx.loaders.catalogItem.load(tier.nsn);
    return Money.of(tier.unitPriceMinor, item?.currency ?? '');
  }
}
