import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { HoldingStatus } from '../types/enums';
import { IsNotBlank, IsPositiveQuantity } from '../validation';
import { CatalogueQuantityInput } from './catalogueQuantity.input';

@InputType({ description: 'A new inventory line: a quantity of a catalogue item held by a formation.' })
export class RecordHoldingInput extends CatalogueQuantityInput {
  @Field({ description: 'The formation holding it.' })
  @IsNotBlank()
  @MaxLength(120)
  unit: string;

  @Field(() => HoldingStatus, { description: 'Operational, in maintenance, or in reserve.' })
  status: HoldingStatus;

  @Field({ nullable: true, description: 'Whether it meets its NATO standard. Default: true (every catalogue item names its STANAG).' })
  @IsOptional()
  natoStandard?: boolean;
}

@InputType({ description: 'Changes to an inventory line; fields left out stay as they are. The item itself cannot change: record a new holding.' })
export class UpdateHoldingInput {
  @Field(() => Int, { nullable: true, description: 'The new quantity (at least 1).' })
  @IsOptional()
  @IsPositiveQuantity()
  quantity?: number;

  @Field({ nullable: true, description: 'The formation now holding it.' })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(120)
  unit?: string;

  @Field(() => HoldingStatus, { nullable: true, description: 'The new status.' })
  @IsOptional()
  status?: HoldingStatus;

  @Field({ nullable: true, description: 'Whether it now meets its NATO standard.' })
  @IsOptional()
  natoStandard?: boolean;
}
