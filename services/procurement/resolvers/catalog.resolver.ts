import { Arg, Args, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { keysetPage } from '../../../lib/db/keysetPage';
import { badInput } from '../../../lib/errors';
import { PAGED, PAGE_SIZE_MAX } from '../../../lib/graphql/pagination';
import { Money } from '../../../lib/graphql/money.type';
import { ProcurementContext } from '../context';
import { CatalogItem, PriceTier } from '../entities';
import { tierFor } from '../pricing';
import { CATALOG_SORT, catalogMatching } from '../listQueries';
import { CatalogFilterArgs, CatalogPageArgs } from '../types/args';
import { CatalogItemConnection } from '../types/connections';
import { SupplyClass } from '../types/supplyClass.type';
import { supplyClassOf } from '../../../lib/reference/supplyClassification';
import { CATALOGUE, PRICE_TIERS, STANDARDS } from '../listSizes';

@Resolver(() => CatalogItem)
export class CatalogResolver {
  @Directive(CATALOGUE)
  @Query(() => [CatalogItem], { description: 'The shared catalogue, optionally one category or one supplier, by NSN.' })
  async catalog(@Args(() => CatalogFilterArgs) filter: CatalogFilterArgs, @Ctx() ctx: ProcurementContext): Promise<CatalogItem[]> {
    return catalogMatching(ctx, filter).orderBy('c.nsn', 'ASC').getMany();
  }

  @Directive(PAGED)
  @Query(() => CatalogItemConnection, { description: `The shared catalogue by NSN, a page at a time: first (at most ${PAGE_SIZE_MAX}) after a cursor, with the total.` })
  async catalogPage(@Args(() => CatalogPageArgs) { first, after, ...filter }: CatalogPageArgs, @Ctx() ctx: ProcurementContext): Promise<CatalogItemConnection> {
    return keysetPage(catalogMatching(ctx, filter), { list: 'catalog', sort: CATALOG_SORT, first, after });
  }

  @Query(() => CatalogItem, { nullable: true, description: 'One catalogue item by its NSN; null if the catalogue has none.' })
  async catalogItem(@Arg('nsn', () => ID, { description: 'NATO Stock Number, NNNN-NN-NNN-NNNN.' }) nsn: string, @Ctx() ctx: ProcurementContext): Promise<CatalogItem | null> {
    return ctx.loaders.catalogItem.load(nsn);
  }

  @Directive(STANDARDS)
  @FieldResolver(() => [String], { description: 'The NATO standards (STANAGs) the item is built to, e.g. "STANAG 4569 Level 2"; empty where none applies or none is verified.' })
  standards(@Root() item: CatalogItem): string[] {
    return item.standard ? [item.standard] : [];
  }

  @FieldResolver(() => SupplyClass, { nullable: true, description: 'Its NATO supply class and group, read from the NSN; null for an NSN not in the 13-digit format.' })
  supplyClass(@Root() item: CatalogItem): SupplyClass | null {
    return supplyClassOf(item.nsn);
  }

  @Directive(PRICE_TIERS)
  @FieldResolver(() => [PriceTier], { description: 'Volume tiers, smallest quantity first.' })
  async priceTiers(@Root() item: CatalogItem, @Ctx() ctx: ProcurementContext): Promise<PriceTier[]> {
    return ctx.loaders.tiers.load(item.nsn);
  }

  @FieldResolver(() => PriceTier, { description: 'The tier that applies to an order of `quantity` units.' })
  async tierFor(@Root() item: CatalogItem, @Arg('quantity', () => Int, { description: 'How many units (at least 1).' }) quantity: number, @Ctx() ctx: ProcurementContext): Promise<PriceTier> {
    if (!Number.isInteger(quantity) || quantity < 1) throw badInput('quantity', 'must be a whole number of at least 1');
    return tierFor(await ctx.loaders.tiers.load(item.nsn), quantity) as PriceTier;
  }
}

@Resolver(() => PriceTier)
export class PriceTierResolver {
  @FieldResolver(() => Money, { description: 'The price of one unit at this tier, in the catalogue item\'s currency.' })
  async unitPrice(@Root() tier: PriceTier, @Ctx() ctx: ProcurementContext): Promise<Money> {
    const item = await ctx.loaders.catalogItem.load(tier.nsn);
    return Money.of(tier.unitPriceMinor, item?.currency ?? '');
  }
}
