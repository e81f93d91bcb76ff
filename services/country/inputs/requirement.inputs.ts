import { IsOptional, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../../lib/graphql/scalars';
import { Priority, RequirementStatus } from '../types/enums';
import { IsCatalogueNsn, IsDateInYearRange } from '../validation';

const POSITIVE = { message: 'must be a positive whole number' };

@InputType({ description: 'A new requirement. It starts as DRAFT unless submitted straight away.' })
export class CreateRequirementInput {
  @Field({ description: 'NATO Stock Number of a catalogue item, NNNN-NN-NNN-NNNN.' })
  @IsCatalogueNsn()
  nsn: string;

  @Field(() => Int)
  @Min(1, POSITIVE)
  quantity: number;

  @Field(() => Priority)
  priority: Priority;

  @Field(() => LocalDateScalar)
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
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, POSITIVE)
  quantity?: number;

  @Field(() => Priority, { nullable: true })
  @IsOptional()
  priority?: Priority;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsDateInYearRange()
  neededBy?: string;

  @Field(() => RequirementStatus, { nullable: true })
  @IsOptional()
  status?: RequirementStatus;

  @Field(() => String, { nullable: true, description: 'null clears it (not allowed for CRITICAL requirements).' })
  @IsOptional()
  @MaxLength(2000)
  justification?: string | null;
}
