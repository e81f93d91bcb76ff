import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { ruleBroken } from '../../../lib/errors';
import { catalogEntry } from '../../../lib/reference/catalog';
import { graphActor, recordChanges } from '../audit/auditTrail';
import { holdingView } from '../audit/recordViews';
import type { CountryContext } from '../context';
import { Holding } from '../entities';
import { RecordHoldingInput, UpdateHoldingInput } from '../inputs/holding.inputs';
import { assertSomeField } from '../validation';
import { findOwnRow, setFields, uniqueKeyConflict } from '../writes';
import { MemberInputArgs, MemberRecordArgs } from './args';
import { MemberOwnedFields } from './memberOwned.fields';

const RecordHoldingArgs = MemberInputArgs(RecordHoldingInput);
const UpdateHoldingArgs = MemberInputArgs(UpdateHoldingInput, MemberRecordArgs);

/** Another line already holds this item for this formation in this status (the natural key). */
const duplicateLine = (existing: Holding, member: string) =>
  ruleBroken(
    'DUPLICATE_HOLDING',
    `Holding ${existing.id} already records ${existing.nsn} held by "${existing.unit}" as ${existing.status}: change that line's quantity instead`,
    { country: member, id: String(existing.id) },
  );

@Resolver(() => Holding)
export class HoldingResolver extends MemberOwnedFields(Holding) {
  @Mutation(() => Holding, {
    nullable: true,
    description:
      'Records an inventory line. One line per item, formation and status: recording one that exists sets its quantity (and natoStandard, if given) instead of adding a second line, so sending the same entry twice changes nothing.',
  })
  recordHolding(@Args(() => RecordHoldingArgs) { input }: { input: RecordHoldingInput }, @Ctx() ctx: CountryContext): Promise<Holding> {
    // IsCatalogueNsn has vouched for the entry; its category is stored for SQL filtering.
    const { category } = catalogEntry(input.nsn)!;
    const key = { countryCode: ctx.member, nsn: input.nsn, unit: input.unit.trim(), status: input.status };
    return uniqueKeyConflict(
      ctx.dataSource.transaction(async (manager) => {
        const existing = await manager.findOneBy(Holding, key);
        const before = existing ? holdingView(existing) : null;
        const holding = existing ?? manager.create(Holding, { ...key, category, natoStandard: input.natoStandard ?? true });
        holding.quantity = input.quantity;
        if (input.natoStandard !== undefined && input.natoStandard !== null) holding.natoStandard = input.natoStandard;
        const saved = await manager.save(holding);
        await recordChanges(manager, ctx.member, graphActor(ctx.identity, ctx.member), 'recordHolding', [
          { recordType: 'Holding', recordKey: String(saved.id), before, after: holdingView(saved) },
        ]);
        return saved;
      }),
      () => ruleBroken('CONFLICT', `The same holding line was recorded at the same time; send it again`, { country: ctx.member }),
    );
  }

  @Mutation(() => Holding, { nullable: true, description: 'Changes the quantity, formation, status or standard of an inventory line.' })
  updateHolding(@Args(() => UpdateHoldingArgs) { id, input }: { id: string; input: UpdateHoldingInput }, @Ctx() ctx: CountryContext): Promise<Holding> {
    assertSomeField(input);
    return ctx.dataSource.transaction(async (manager) => {
      const holding = await findOwnRow(manager, Holding, 'Holding', ctx.member, id);
      const before = holdingView(holding);
      Object.assign(holding, setFields({ ...input, unit: input.unit?.trim() }));
      const clash = await manager.findOneBy(Holding, { countryCode: ctx.member, nsn: holding.nsn, unit: holding.unit, status: holding.status });
      if (clash && clash.id !== holding.id) throw duplicateLine(clash, ctx.member);
      const saved = await uniqueKeyConflict(manager.save(holding), () => duplicateLine(holding, ctx.member));
      await recordChanges(manager, ctx.member, graphActor(ctx.identity, ctx.member), 'updateHolding', [
        { recordType: 'Holding', recordKey: String(saved.id), before, after: holdingView(saved) },
      ]);
      return saved;
    });
  }

  @Mutation(() => Holding, { nullable: true, description: 'Deletes an inventory line (e.g. equipment written off or handed over); answers the line as it was.' })
  deleteHolding(@Args(() => MemberRecordArgs) { id }: MemberRecordArgs, @Ctx() ctx: CountryContext): Promise<Holding> {
    return ctx.dataSource.transaction(async (manager) => {
      const holding = await findOwnRow(manager, Holding, 'Holding', ctx.member, id);
      const before = holdingView(holding);
      await manager.delete(Holding, { countryCode: ctx.member, id: holding.id });
      await recordChanges(manager, ctx.member, graphActor(ctx.identity, ctx.member), 'deleteHolding', [
        { recordType: 'Holding', recordKey: String(holding.id), before, after: null },
      ]);
      return holding;
    });
  }
}
