import { randomBytes } from 'node:crypto';
import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { ErrorCode, ruleBroken } from '../../../lib/errors';
import { graphActor, recordChanges } from '../audit/auditTrail';
import { requirementView } from '../audit/recordViews';
import type { CountryContext } from '../context';
import { Requirement } from '../entities';
import { CreateRequirementInput, UpdateRequirementInput } from '../inputs/requirement.inputs';
import { assertInitialStatus, assertJustified, assertOpen, assertTransition } from '../requirementRules';
import { RequirementStatus } from '../types/enums';
import { assertSomeField } from '../validation';
import { findOwnRow, setFields, uniqueKeyConflict } from '../writes';
import { MemberInputArgs, MemberRecordArgs } from './args';
import { MemberOwnedFields } from './memberOwned.fields';

/** Blank text is no justification. */
const cleanText = (text: string | null | undefined): string | null | undefined => (text === undefined ? undefined : text?.trim() || null);

const CreateRequirementArgs = MemberInputArgs(CreateRequirementInput);
const UpdateRequirementArgs = MemberInputArgs(UpdateRequirementInput, MemberRecordArgs);

const duplicateReference = (reference: string, id: number | string, member: string) =>
  ruleBroken('DUPLICATE_REFERENCE', `Reference "${reference}" is already requirement ${id}'s: change that one with updateRequirement, or use another reference`, {
    country: member,
    field: 'input.reference',
  });

/** A reference the service picks when the ministry gives none: "REQ-<id>", made unique if the ministry already uses that text. */
async function defaultReference(manager: EntityManager, member: string, id: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const reference = attempt === 0 ? `REQ-${id}` : `REQ-${id}-${attempt}`;
    if (!(await manager.existsBy(Requirement, { countryCode: member, reference }))) return reference;
  }
}

@Resolver(() => Requirement)
export class RequirementResolver extends MemberOwnedFields(Requirement) {
  @Mutation(() => Requirement, {
    nullable: true,
    description: 'Records what the ministry needs to buy. With a reference already in use, answers that requirement unchanged if it is the same entry (DUPLICATE_REFERENCE if not).',
  })
  createRequirement(@Args(() => CreateRequirementArgs) { input }: { input: CreateRequirementInput }, @Ctx() ctx: CountryContext): Promise<Requirement> {
    const status = input.status ?? RequirementStatus.DRAFT;
    assertInitialStatus(status);
    assertJustified(input.priority, input.justification);
    const reference = input.reference?.trim();
    const fields = {
      countryCode: ctx.member,
      nsn: input.nsn,
      quantity: input.quantity,
      priority: input.priority,
      neededBy: input.neededBy,
      status,
      justification: cleanText(input.justification) ?? null,
    };
    return uniqueKeyConflict(
      ctx.dataSource.transaction(async (manager) => {
        if (reference) {
          const existing = await manager.findOneBy(Requirement, { countryCode: ctx.member, reference });
          if (existing) {
            const same = Object.entries(fields).every(([field, value]) => existing[field as keyof Requirement] === value);
            if (same) return existing;
            throw duplicateReference(reference, existing.id, ctx.member);
          }
        }
        // Without a reference the row needs its id first; a placeholder unique to this transaction holds the key meanwhile.
        const saved = await manager.save(manager.create(Requirement, { ...fields, reference: reference ?? `pending-${randomBytes(12).toString('hex')}` }));
        if (!reference) {
          saved.reference = await defaultReference(manager, ctx.member, saved.id);
          await manager.update(Requirement, { countryCode: ctx.member, id: saved.id }, { reference: saved.reference });
        }
        await recordChanges(manager, ctx.member, graphActor(ctx.identity, ctx.member), 'createRequirement', [
          { recordType: 'Requirement', recordKey: String(saved.id), before: null, after: requirementView(saved) },
        ]);
        return saved;
      }),
      () => duplicateReference(reference ?? '', '(created at the same time)', ctx.member),
    );
  }

  @Mutation(() => Requirement, { nullable: true, description: 'Revises a requirement or moves it along DRAFT → SUBMITTED → FULFILLED (or WITHDRAWN).' })
  updateRequirement(
    @Args(() => UpdateRequirementArgs) { id, input }: { id: string; input: UpdateRequirementInput },
    @Ctx() ctx: CountryContext,
  ): Promise<Requirement> {
    assertSomeField(input);
    return ctx.dataSource.transaction(async (manager) => {
      const current = await findOwnRow(manager, Requirement, 'Requirement', ctx.member, id);
      assertOpen(current.status, id, ctx.member);
      const changes: Partial<Requirement> = setFields({
        reference: input.reference?.trim(),
        quantity: input.quantity,
        priority: input.priority,
        neededBy: input.neededBy,
        status: input.status,
      });
      if (input.justification !== undefined) changes.justification = cleanText(input.justification) ?? null;
      if (changes.status) assertTransition(current.status, changes.status, ctx.member);
      assertJustified(changes.priority ?? current.priority, 'justification' in changes ? changes.justification : current.justification);
      if (changes.reference && changes.reference !== current.reference) {
        const holder = await manager.findOneBy(Requirement, { countryCode: ctx.member, reference: changes.reference });
        if (holder) throw duplicateReference(changes.reference, holder.id, ctx.member);
      }

      // Compare-and-set on the status read above: a concurrent change of status makes this one fail instead of being lost.
      const { affected } = await uniqueKeyConflict(
        manager.update(Requirement, { countryCode: ctx.member, id: current.id, status: current.status }, changes),
        () => duplicateReference(changes.reference ?? '', '(changed at the same time)', ctx.member),
      );
      if (affected !== 1) {
        throw ruleBroken(ErrorCode.CONFLICT, `Requirement ${id} was changed at the same time; read it again and retry`, { country: ctx.member, id });
      }
      const updated = await manager.findOneByOrFail(Requirement, { countryCode: ctx.member, id: current.id });
      await recordChanges(manager, ctx.member, graphActor(ctx.identity, ctx.member), 'updateRequirement', [
        { recordType: 'Requirement', recordKey: String(updated.id), before: requirementView(current), after: requirementView(updated) },
      ]);
      return updated;
    });
  }
}
