import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { ProcurementContext } from '../context';
import { Allocation } from '../entities';
import { Requirement } from '../types/requirement.type';
import { ALLOCATIONS_PER_REQUIREMENT } from '../listSizes';

@Resolver(() => Requirement)
export class RequirementResolver {
  @Directive(ALLOCATIONS_PER_REQUIREMENT)
  @FieldResolver(() => [Allocation], { description: 'The allocations, in any joint order, that serve this requirement; empty if none yet.' })
  async allocations(@Root() requirement: Requirement, @Ctx() ctx: ProcurementContext): Promise<Allocation[]> {
    return ctx.loaders.allocationsOfRequirement.load(`${requirement.countryCode}|${requirement.id}`);
  }
}
