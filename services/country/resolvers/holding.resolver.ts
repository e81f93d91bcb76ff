import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { catalogEntry } from '../../../lib/reference/catalog';
import type { CountryContext } from '../context';
import { Holding } from '../entities';
import { RecordHoldingInput, UpdateHoldingInput } from '../inputs/holding.inputs';
import { assertSomeField } from '../validation';
import { findOwnRow, setFields } from '../writes';
import { MemberInputArgs, MemberRecordArgs } from './args';
import { MemberOwnedFields } from './memberOwned.fields';

const RecordHoldingArgs = MemberInputArgs(RecordHoldingInput);
const UpdateHoldingArgs = MemberInputArgs(UpdateHoldingInput, MemberRecordArgs);

@Resolver(() => Holding)
export class HoldingResolver extends MemberOwnedFields(Holding) {
  @Mutation(() => Holding, { nullable: true, description: 'Records a new inventory line.' })
  recordHolding(@Args(() => RecordHoldingArgs) { input }: { input: RecordHoldingInput }, @Ctx() ctx: CountryContext): Promise<Holding> {
    // IsCatalogueNsn has vouched for the entry; its category is stored for SQL filtering.
    const { category } = catalogEntry(input.nsn)!;
    return ctx.dataSource.transaction((manager) =>
      manager.save(
        manager.create(Holding, {
          countryCode: ctx.member,
          nsn: input.nsn,
          category,
          quantity: input.quantity,
          unit: input.unit.trim(),
          status: input.status,
          natoStandard: input.natoStandard ?? true,
        }),
      ),
    );
  }

  @Mutation(() => Holding, { nullable: true, description: 'Changes the quantity, formation, status or standard of an inventory line.' })
  updateHolding(@Args(() => UpdateHoldingArgs) { id, input }: { id: string; input: UpdateHoldingInput }, @Ctx() ctx: CountryContext): Promise<Holding> {
    assertSomeField(input);
    return ctx.dataSource.transaction(async (manager) => {
      const holding = await findOwnRow(manager, Holding, 'Holding', ctx.member, id);
      Object.assign(holding, setFields({ ...input, unit: input.unit?.trim() }));
      return manager.save(holding);
    });
  }
}
