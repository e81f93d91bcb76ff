import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { ErrorCode, ruleBroken } from '../../../lib/errors';
import type { CountryContext } from '../context';
import { Requirement } from '../entities';
import { CreateRequirementInput, UpdateRequirementInput } from '../inputs/requirement.inputs';
import { assertInitialStatus, assertJustified, assertOpen, assertTransition } from '../requirementRules';
import { RequirementStatus } from '../types/enums';
import { assertSomeField } from '../validation';
import { findOwnRow, setFields } from '../writes';
import { MemberInputArgs, MemberRecordArgs } from './args';
import { MemberOwnedFields } from './memberOwned.fields';

/** Blank text is no justification. */
const cleanText = (text: string | null | undefined): string | null | undefined => (text === undefined ? undefined : text?.trim() || null);

const CreateRequirementArgs = MemberInputArgs(CreateRequirementInput);
const UpdateRequirementArgs = MemberInputArgs(UpdateRequirementInput, MemberRecordArgs);

@Resolver(() => Requirement)
export class RequirementResolver extends MemberOwnedFields(Requirement) {
  @Mutation(() => Requirement, { nullable: true, description: 'Records what the ministry needs to buy.' })
  createRequirement(@Args(() => CreateRequirementArgs) { input }: { input: CreateRequirementInput }, @Ctx() ctx: CountryContext): Promise<Requirement> {
    const status = input.status ?? RequirementStatus.DRAFT;
    assertInitialStatus(status);
    assertJustified(input.priority, input.justification);
    return ctx.dataSource.transaction((manager) =>
      manager.save(
        manager.create(Requirement, {
          countryCode: ctx.member,
          nsn: input.nsn,
          quantity: input.quantity,
          priority: input.priority,
          neededBy: input.neededBy,
          status,
          justification: cleanText(input.justification) ?? null,
        }),
      ),
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
      const changes: Partial<Requirement> = setFields({ quantity: input.quantity, priority: input.priority, neededBy: input.neededBy, status: input.status });
      if (input.justification !== undefined) changes.justification = cleanText(input.justification) ?? null;
      if (changes.status) assertTransition(current.status, changes.status, ctx.member);
      assertJustified(changes.priority ?? current.priority, 'justification' in changes ? changes.justification : current.justification);

      // Compare-and-set on the status read above: a concurrent change of status makes this one fail instead of being lost.
      const { affected } = await manager.update(Requirement, { countryCode: ctx.member, id: current.id, status: current.status }, changes);
      if (affected !== 1) {
        throw ruleBroken(ErrorCode.CONFLICT, `Requirement ${id} was changed at the same time; read it again and retry`, { country: ctx.member, id });
      }
      return manager.findOneByOrFail(Requirement, { countryCode: ctx.member, id: current.id });
    });
  }
}
