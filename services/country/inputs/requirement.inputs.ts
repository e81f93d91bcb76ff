import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { Priority, RequirementStatus } from '../types/enums';
import { IsDateInYearRange, IsPositiveQuantity, IsReference } from '../validation';
import { CatalogueQuantityInput } from './catalogueQuantity.input';

@InputType({ description: 'A new requirement. It starts as DRAFT unless submitted straight away.' })
export class CreateRequirementInput extends CatalogueQuantityInput {
  @Field(() => String, {
    nullable: true,
    description:
      'The ministry\'s own reference (e.g. a file number), unique within the member. Creating with a reference in use answers that requirement if it is the same, and DUPLICATE_REFERENCE if it differs, so sending the same entry twice adds nothing. Default: "REQ-<id>".',
  })
  @IsOptional()
  @IsReference()
  reference?: string | null;

  @Field(() => Priority, { description: 'How urgently it must be met.' })
  priority: Priority;

  @Field(() => LocalDateScalar, { description: 'The date by which it must be met (years 2000-2100).' })
  @IsDateInYearRange()
  neededBy: string;

  @Field(() => RequirementStatus, { nullable: true, description: 'DRAFT (default) or SUBMITTED.' })
  @IsOptional()
  status?: RequirementStatus;

  @Field(() => String, { nullable: true, description: 'Why it is needed; required for CRITICAL requirements.' })
  @IsOptional()
  @MaxLength(2000)
  justification?: string | null;
}

@InputType({ description: 'Changes to a requirement; fields left out stay as they are. FULFILLED and WITHDRAWN requirements are closed.' })
export class UpdateRequirementInput {
  @Field(() => String, { nullable: true, description: "A new reference of the ministry's own, unique within the member." })
  @IsOptional()
  @IsReference()
  reference?: string;

  @Field(() => Int, { nullable: true, description: 'The new quantity (at least 1).' })
  @IsOptional()
  @IsPositiveQuantity()
  quantity?: number;

  @Field(() => Priority, { nullable: true, description: 'The new priority (CRITICAL needs a justification).' })
  @IsOptional()
  priority?: Priority;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The new date by which it must be met.' })
  @IsOptional()
  @IsDateInYearRange()
  neededBy?: string;

  @Field(() => RequirementStatus, { nullable: true, description: 'The next status: DRAFT → SUBMITTED → FULFILLED, or WITHDRAWN (SUBMITTED may go back to DRAFT).' })
  @IsOptional()
  status?: RequirementStatus;

  @Field(() => String, { nullable: true, description: 'null clears it (not allowed for CRITICAL requirements).' })
  @IsOptional()
  @MaxLength(2000)
  justification?: string | null;
}
