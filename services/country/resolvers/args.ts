/**
 * Argument classes. Every root field takes the member as `country: ID!`
 * FIRST (the gateway routes on it); type-graphql prints an ArgsType's
 * inherited fields before its own, so each root field's arguments extend
 * `MemberArgs`. Inputs are validated as nested objects, so a failure names the
 * field by its path, e.g. "input.quantity".
 */
import { ValidateNested } from 'class-validator';
import { ArgsType, ClassType, Field, ID, Int } from 'type-graphql';
import { PageRequest, WithPage } from '../../../lib/graphql/pagination';
import { Priority, RequirementStatus } from '../types/enums';

@ArgsType()
export class MemberArgs {
  @Field(() => ID, { description: 'The member addressed (the gateway routes on it).' })
  country: string;
}

@ArgsType()
export class MemberRecordArgs extends MemberArgs {
  @Field(() => ID, { description: "The record's id within the member." })
  id: string;
}

@ArgsType()
export class MemberHoldingsArgs extends MemberArgs {
  @Field(() => String, { nullable: true, description: 'A catalogue category, e.g. "SMALL_ARMS".' })
  category?: string | null;
}

export interface RequirementFilter {
  status?: RequirementStatus | null;
  priority?: Priority | null;
}

/** The requirement filters after `Base`'s arguments: alone on `Country.requirements`, after `country` at the root. */
function WithRequirementFilter<Base extends object>(Base: ClassType<Base>): ClassType<Base & RequirementFilter> {
  @ArgsType()
  class RequirementFilterArgs extends (Base as ClassType<object>) implements RequirementFilter {
    @Field(() => RequirementStatus, { nullable: true, description: 'Only requirements in this status.' })
    status?: RequirementStatus | null;

    @Field(() => Priority, { nullable: true, description: 'Only requirements of this priority.' })
    priority?: Priority | null;
  }
  return RequirementFilterArgs as ClassType<Base & RequirementFilter>;
}

export const RequirementFilterArgs = WithRequirementFilter(class {});
export const MemberRequirementsArgs = WithRequirementFilter(MemberArgs);

/** What the paged lists of holdings and requirements also filter on: the catalogue item. */
export interface ItemFilter {
  nsn?: string | null;
  category?: string | null;
}

/** The item filters after `Base`'s arguments. */
function WithItemFilter<Base extends object>(Base: ClassType<Base>): ClassType<Base & ItemFilter> {
  @ArgsType()
  class ItemFilterArgs extends (Base as ClassType<object>) implements ItemFilter {
    @Field(() => ID, { nullable: true, description: 'Only records of this catalogue item (its NSN, NNNN-NN-NNN-NNNN).' })
    nsn?: string | null;

    @Field(() => String, { nullable: true, description: 'Only records of items in this catalogue category, e.g. "SMALL_ARMS".' })
    category?: string | null;
  }
  return ItemFilterArgs as ClassType<Base & ItemFilter>;
}

export type HoldingsPageRequest = ItemFilter & PageRequest;
export type RequirementsPageRequest = RequirementFilter & ItemFilter & PageRequest;

export const HoldingsPageArgs = WithPage(WithItemFilter(class {}), 'holdings');
export const MemberHoldingsPageArgs = WithPage(WithItemFilter(MemberArgs), 'holdings');
export const RequirementsPageArgs = WithPage(WithItemFilter(RequirementFilterArgs), 'requirements');
export const MemberRequirementsPageArgs = WithPage(WithItemFilter(MemberRequirementsArgs), 'requirements');

@ArgsType()
export class MemberBudgetArgs extends MemberArgs {
  @Field(() => Int, { description: 'The budget year.' })
  year: number;
}

/** `(country, [id,] input)` for a mutation taking `Input`. */
export function MemberInputArgs<Input extends object, Base extends MemberArgs = MemberArgs>(
  Input: ClassType<Input>,
  Base: ClassType<Base> = MemberArgs as ClassType<Base>,
): ClassType<Base & { input: Input }> {
  @ArgsType()
  class InputArgs extends (Base as ClassType<MemberArgs>) {
    @Field(() => Input, { description: 'What to write; each field is checked, and an error names it as input.<field>.' })
    @ValidateNested()
    input: Input;
  }
  return InputArgs as ClassType<Base & { input: Input }>;
}
