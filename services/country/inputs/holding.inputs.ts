import { IsOptional, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { HoldingStatus } from '../types/enums';
import { IsCatalogueNsn, IsNotBlank } from '../validation';

const POSITIVE = { message: 'must be a positive whole number' };

@InputType({ description: 'A new inventory line: a quantity of a catalogue item held by a formation.' })
export class RecordHoldingInput {
  @Field({ description: 'NATO Stock Number of a catalogue item, NNNN-NN-NNN-NNNN.' })
  @IsCatalogueNsn()
  nsn: string;

  @Field(() => Int)
  @Min(1, POSITIVE)
  quantity: number;

  @Field({ description: 'The formation holding it.' })
  @IsNotBlank()
  @MaxLength(120)
  unit: string;

  @Field(() => HoldingStatus)
  status: HoldingStatus;

  @Field({ nullable: true, description: 'Whether it meets its NATO standard. Default: true (every catalogue item names its STANAG).' })
  @IsOptional()
  natoStandard?: boolean;
}

@InputType({ description: 'Changes to an inventory line; fields left out stay as they are. The item itself cannot change: record a new holding.' })
export class UpdateHoldingInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1, POSITIVE)
  quantity?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(120)
  unit?: string;

  @Field(() => HoldingStatus, { nullable: true })
  @IsOptional()
  status?: HoldingStatus;

  @Field({ nullable: true })
  @IsOptional()
  natoStandard?: boolean;
}
