import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { graphActor, recordChanges } from '../audit/auditTrail';
import { ministryView } from '../audit/recordViews';
import type { CountryContext } from '../context';
import { Ministry } from '../entities';
import { SetMinistryInput } from '../inputs/ministry.inputs';
import { MemberInputArgs } from './args';

const SetMinistryArgs = MemberInputArgs(SetMinistryInput);

@Resolver(() => Ministry)
export class MinistryResolver {
  @Mutation(() => Ministry, { nullable: true, description: "Sets the ministry's name, minister and headquarters (e.g. after a new minister takes office)." })
  setMinistry(@Args(() => SetMinistryArgs) { input }: { input: SetMinistryInput }, @Ctx() ctx: CountryContext): Promise<Ministry> {
    return ctx.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(Ministry, { countryCode: ctx.member });
      await manager.upsert(
        Ministry,
        { countryCode: ctx.member, name: input.name.trim(), minister: input.minister.trim(), headquarters: input.headquarters.trim() },
        ['countryCode'],
      );
      const after = await manager.findOneByOrFail(Ministry, { countryCode: ctx.member });
      await recordChanges(manager, ctx.member, graphActor(ctx.identity, ctx.member), 'setMinistry', [
        { recordType: 'Ministry', recordKey: ctx.member, before: before && ministryView(before), after: ministryView(after) },
      ]);
      return after;
    });
  }
}
